import Holidays from 'date-holidays';
import { invalidInput } from '../errors.js';

/**
 * A day that does not follow its weekday's pattern (holiday, campaign, outage). It is kept out of
 * the training of normal days and forecast from its own history (the last day with the same label)
 * or, when `factor` is given, as the normal forecast times `factor` (0 = closed).
 */
export interface SpecialDay {
  /** Local date `YYYY-MM-DD`. */
  date: string;
  /** Name shared by the occurrences of the same event, e.g. `Thanksgiving`. */
  label: string;
  /** Multiplier of the normal forecast (>= 0); absent = learn from the last occurrence. */
  factor?: number;
}

/**
 * Public and bank holidays of a country or region (`'US'`, `'IL'`, `'US-CA'`, `'DE-BY'`) for the
 * years `fromYear..toYear`, from the `date-holidays` package, labelled with their English name.
 * O(years * holidays).
 *
 * @throws StaffcastError `INVALID_INPUT` when the country or region is unknown to date-holidays.
 * @example
 * holidaySpecialDays('US', 2003, 2003).find((d) => d.date === '2003-07-04')?.label; // 'Independence Day'
 */
export function holidaySpecialDays(region: string, fromYear: number, toYear: number): SpecialDay[] {
  const [country, state] = region.split('-');
  const hd = new Holidays();
  const known = country !== undefined && hd.getCountries()[country] !== undefined;
  if (!known || (state !== undefined && hd.getStates(country)?.[state] === undefined)) {
    invalidInput(
      'holidaySpecialDays',
      'region',
      'must be a country or country-region known to date-holidays',
      region,
    );
  }
  if (state === undefined) hd.init(country);
  else hd.init(country, state);
  hd.setLanguages('en');
  const seen = new Set<string>();
  const out: SpecialDay[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    for (const h of hd.getHolidays(year)) {
      if (h.type !== 'public' && h.type !== 'bank') continue;
      const date = h.date.slice(0, 10);
      if (seen.has(date)) continue;
      seen.add(date);
      out.push({ date, label: h.name });
    }
  }
  return out.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

/**
 * Merges special-day lists: a later list's entry replaces an earlier one on the same date. Checks
 * each date is a real `YYYY-MM-DD` and each factor is finite and >= 0. O(n log n).
 *
 * @throws StaffcastError `INVALID_INPUT` naming the bad entry.
 * @example
 * mergeSpecialDays([{ date: '2024-12-25', label: 'Xmas' }], [{ date: '2024-12-25', label: 'X', factor: 0 }]);
 * // [{ date: '2024-12-25', label: 'X', factor: 0 }]
 */
export function mergeSpecialDays(...lists: ReadonlyArray<readonly SpecialDay[]>): SpecialDay[] {
  const byDate = new Map<string, SpecialDay>();
  for (const list of lists) {
    for (const [i, day] of list.entries()) {
      const ms = Date.parse(`${day.date}T00:00:00Z`);
      if (
        !/^\d{4}-\d{2}-\d{2}$/.test(day.date) ||
        !Number.isFinite(ms) ||
        new Date(ms).toISOString().slice(0, 10) !== day.date
      ) {
        invalidInput('mergeSpecialDays', `[${i}].date`, 'must be a real date YYYY-MM-DD', day.date);
      }
      if (day.factor !== undefined && !(Number.isFinite(day.factor) && day.factor >= 0)) {
        invalidInput('mergeSpecialDays', `[${i}].factor`, 'must be a finite number >= 0', day.factor);
      }
      byDate.set(day.date, day);
    }
  }
  return [...byDate.values()].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}
