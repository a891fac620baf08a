import { invalidInput } from '../errors.js';
import { localDayNumber } from '../time/localCalendar.js';

/** Paid hours in one full-time week used for FTE when none is given. */
export const DEFAULT_PAID_HOURS_PER_WEEK = 40;

/** Options of `fteOf`. */
export interface FteOptions {
  /**
   * Calendar days the hours are spread over (> 0), closed days included: the centre's open
   * calendar is respected by counting a week as 7 calendar days whether or not the centre opens
   * on all of them (a Monday-to-Friday centre has 5 open days in a 7-day week).
   */
  horizonDays: number;
  /** Paid hours of one full-time equivalent per week (> 0). Default 40 (`DEFAULT_PAID_HOURS_PER_WEEK`). */
  paidHoursPerWeek?: number;
}

/**
 * Full-time equivalents, the one definition every figure called "FTE" uses:
 * FTE = paid hours per week / paid hours of one FTE per week, where paid hours per week =
 * paidHours / (horizonDays / 7). The paid hours are those of the scheduled shifts when a schedule
 * exists, else the requirement's scheduled agent-hours (agents after shrinkage x interval hours):
 * say which with `fteBasis`. O(1).
 *
 * @throws StaffcastError `INVALID_INPUT` for negative or non-finite paid hours, or
 *   non-positive horizon days or paid hours per week.
 * @example
 * fteOf(18_886.5, { horizonDays: 7 }); // 472.1625 (18,886.5 paid hours in one week / 40 h)
 * fteOf(600, { horizonDays: 14, paidHoursPerWeek: 37.5 }); // 8
 */
export function fteOf(paidHours: number, options: FteOptions): number {
  const fn = 'fteOf';
  const perFte = options.paidHoursPerWeek ?? DEFAULT_PAID_HOURS_PER_WEEK;
  if (!(paidHours >= 0) || !Number.isFinite(paidHours))
    invalidInput(fn, 'paidHours', 'must be a finite number >= 0', paidHours);
  if (!(options.horizonDays > 0) || !Number.isFinite(options.horizonDays))
    invalidInput(fn, 'horizonDays', 'must be a number > 0', options.horizonDays);
  if (!(perFte > 0) || !Number.isFinite(perFte))
    invalidInput(fn, 'paidHoursPerWeek', 'must be a number > 0', perFte);
  return paidHours / (options.horizonDays / 7) / perFte;
}

/**
 * What an FTE figure divides, in words, to print beside it: `'paid hours per week / 40 h'` for the
 * paid hours of a schedule, `'scheduled agent-hours per week / 40 h'` for a requirement without
 * a schedule (agents after shrinkage). O(1).
 *
 * @example
 * fteBasis({ paidHoursPerWeek: 40, source: 'schedule' }); // 'paid hours per week / 40 h'
 * fteBasis({ source: 'requirement' }); // 'scheduled agent-hours per week / 40 h'
 */
export function fteBasis(options: { paidHoursPerWeek?: number; source: 'schedule' | 'requirement' }): string {
  const perFte = options.paidHoursPerWeek ?? DEFAULT_PAID_HOURS_PER_WEEK;
  const what = options.source === 'schedule' ? 'paid hours' : 'scheduled agent-hours';
  return `${what} per week / ${perFte} h`;
}

/**
 * The calendar days of a forecast horizon when only its open intervals are known (a forecast or
 * requirement CSV has no rows for closed days): the local dates from the first interval to the
 * last, rounded up to whole weeks, so a Monday-to-Friday centre's week counts as 7 days, not 5.
 * 0 for no intervals. O(1) (reads the first and last start).
 *
 * @internal
 * @example
 * // Mon 27 Oct 2003 07:00 to Fri 31 Oct 2003 18:00 in New York: 5 dates -> one week
 * horizonDaysOf([Date.UTC(2003, 9, 27, 12), Date.UTC(2003, 9, 31, 23)], 'America/New_York'); // 7
 */
export function horizonDaysOf(starts: ArrayLike<number>, timeZone: string): number {
  const n = starts.length;
  if (n === 0) return 0;
  const span = localDayNumber(starts[n - 1]!, timeZone) - localDayNumber(starts[0]!, timeZone) + 1;
  return Math.ceil(span / 7) * 7;
}
