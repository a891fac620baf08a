import { invalidInput } from '../errors.js';
import { localMinuteOfDay, localWeekday } from '../time/localCalendar.js';

/**
 * One shrinkage rule: applies on the listed local weekdays (0 = Sunday ... 6 = Saturday; all
 * when absent) to intervals starting at local times in [`from`, `to`) (`'HH:MM'`; the whole day
 * when absent; `to` may be `'24:00'`).
 */
export interface ShrinkageRule {
  /** Local weekdays the rule covers, 0 = Sunday ... 6 = Saturday. Default: every day. */
  weekdays?: readonly number[];
  /** First local time covered, `'HH:MM'`. Default `'00:00'`. */
  from?: string;
  /** Local time the rule stops covering (exclusive), `'HH:MM'`. Default `'24:00'`. */
  to?: string;
  /** Shrinkage fraction in [0, 1): share of paid time not on the phones. */
  shrinkage: number;
}

/** Shrinkage that varies by local weekday and time of day: the first matching rule wins. */
export interface ShrinkageTable {
  /** Shrinkage where no rule matches, in [0, 1). */
  default: number;
  /** Rules, tried in order. */
  rules: readonly ShrinkageRule[];
}

/** A constant shrinkage fraction, or a table by weekday and time of day. */
export type Shrinkage = number | ShrinkageTable;

const HHMM = /^([01]\d|2[0-4]):([0-5]\d)$/;

function minutesOf(fn: string, field: string, text: string): number {
  const m = HHMM.exec(text);
  const minutes = m === null ? Number.NaN : Number(m[1]) * 60 + Number(m[2]);
  if (!(minutes <= 1440))
    invalidInput(fn, field, "must be a local time 'HH:MM' between 00:00 and 24:00", text);
  return minutes;
}

function checkFraction(fn: string, field: string, value: number): void {
  if (!(value >= 0 && value < 1)) invalidInput(fn, field, 'must be a fraction in [0, 1)', value);
}

/**
 * The shrinkage fraction of every interval start: a constant, or the first rule of a table that
 * matches the interval's local weekday and local start time in `timeZone` (read through the zone
 * data of `@date-fns/tz`, so DST days need no special care). Cost O(n x rules).
 *
 * @throws StaffcastError `INVALID_INPUT` for a fraction outside [0, 1), a weekday outside 0..6,
 *   or a time that is not 'HH:MM'.
 * @example
 * shrinkageByInterval({ default: 0.3, rules: [{ weekdays: [6, 0], shrinkage: 0.1 }] },
 *   Float64Array.of(Date.UTC(2024, 0, 6, 9), Date.UTC(2024, 0, 8, 9)), 'UTC');
 * // Float64Array [0.1, 0.3] (Saturday, Monday)
 */
export function shrinkageByInterval(
  shrinkage: Shrinkage,
  starts: Float64Array,
  timeZone: string,
): Float64Array {
  const fn = 'shrinkageByInterval';
  const out = new Float64Array(starts.length);
  if (typeof shrinkage === 'number') {
    checkFraction(fn, 'shrinkage', shrinkage);
    return out.fill(shrinkage);
  }
  checkFraction(fn, 'shrinkage.default', shrinkage.default);
  const rules = shrinkage.rules.map((rule, r) => {
    checkFraction(fn, `shrinkage.rules[${r}].shrinkage`, rule.shrinkage);
    const days = new Array<boolean>(7).fill(rule.weekdays === undefined);
    for (const d of rule.weekdays ?? []) {
      if (!Number.isInteger(d) || d < 0 || d > 6)
        invalidInput(fn, `shrinkage.rules[${r}].weekdays`, 'must hold weekdays 0 (Sunday) to 6', d);
      days[d] = true;
    }
    return {
      days,
      from: minutesOf(fn, `shrinkage.rules[${r}].from`, rule.from ?? '00:00'),
      to: minutesOf(fn, `shrinkage.rules[${r}].to`, rule.to ?? '24:00'),
      value: rule.shrinkage,
    };
  });
  for (let i = 0; i < starts.length; i++) {
    const t = starts[i]!;
    const day = localWeekday(t, timeZone);
    const minute = localMinuteOfDay(t, timeZone);
    let value = shrinkage.default;
    for (const rule of rules) {
      if (rule.days[day] === true && minute >= rule.from && minute < rule.to) {
        value = rule.value;
        break;
      }
    }
    out[i] = value;
  }
  return out;
}
