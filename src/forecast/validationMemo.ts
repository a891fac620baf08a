import type { DayTable } from './dayTable.js';

/**
 * The validation forecasts of one backtest, shared between its origins. At each origin the
 * backtest forecasts from a new as-of table, and auto's choice (`validate`) and the day effect
 * (`validateDays`) forecast again from validation origins over the weeks before it: consecutive
 * origins share most of those validation origins, and the models of one origin share theirs. A
 * validation forecast from row `row` reads only rows `[0, row]` of its table (and the model, the
 * span of its targets, the model parameters and the special days, fixed for one backtest), so it
 * is remembered when those rows are the reference table's (day numbers, calls and open cells,
 * bit for bit) and handed to any table whose rows `[0, row]` are also the reference's.
 * A memo belongs to one backtest call (never shared between calls, so it never changes a result)
 * and `endOrigin` drops the rows the later origins no longer reach.
 *
 * @internal
 */
export class ValidationMemo {
  readonly #reference: DayTable;
  /** Leading rows each table shares with the reference. */
  readonly #sharedRows = new WeakMap<DayTable, number>();
  /** Forecasts by validation row, then by key. */
  readonly #byRow = new Map<number, Map<string, Float64Array>>();
  /** Lowest row asked for since the last `endOrigin`. */
  #lowestAsked = Number.POSITIVE_INFINITY;

  /**
   * A memo for the tables of one backtest, compared against `reference` (the full table).
   *
   * @example
   * import { buildDayTable } from './dayTable.js';
   * const table = buildDayTable({ calls: createSeries('UTC', 1440, [0, 86_400_000], [1, 2]) });
   * new ValidationMemo(table).sharedRows(table); // 2 (every row)
   */
  constructor(reference: DayTable) {
    this.#reference = reference;
  }

  /**
   * How many leading rows of `table` are the reference's (same day number, and every cell the
   * same calls, NaN included, and the same open flag). O(rows * slots) once per table.
   *
   * @example
   * import { buildDayTable } from './dayTable.js';
   * const a = buildDayTable({ calls: createSeries('UTC', 1440, [0, 86_400_000, 172_800_000], [1, 2, 3]) });
   * const b = buildDayTable({ calls: createSeries('UTC', 1440, [0, 86_400_000, 172_800_000], [1, 5, 3]) });
   * new ValidationMemo(a).sharedRows(b); // 1 (the second day differs)
   */
  sharedRows(table: DayTable): number {
    let rows = this.#sharedRows.get(table);
    if (rows === undefined) {
      rows = commonRows(this.#reference, table);
      this.#sharedRows.set(table, rows);
    }
    return rows;
  }

  /**
   * The forecast `compute()` makes from rows `[0, row]` of `table`, `key` naming all else it
   * depends on besides the model parameters and special days of the backtest: the one computed
   * before for `row` and `key` when rows `[0, row]` are the reference's, else computed (and
   * remembered if they are). Callers must not change the array.
   *
   * @example
   * import { buildDayTable } from './dayTable.js';
   * const table = buildDayTable({ calls: createSeries('UTC', 1440, [0, 86_400_000], [1, 2]) });
   * const memo = new ValidationMemo(table);
   * memo.forecast(table, 0, 'm', () => Float64Array.of(1));
   * memo.forecast(table, 0, 'm', () => Float64Array.of(2)); // Float64Array [1] (remembered)
   */
  forecast(table: DayTable, row: number, key: string, compute: () => Float64Array): Float64Array {
    if (row + 1 > this.sharedRows(table)) return compute();
    if (row < this.#lowestAsked) this.#lowestAsked = row;
    let byKey = this.#byRow.get(row);
    if (byKey === undefined) {
      byKey = new Map();
      this.#byRow.set(row, byKey);
    }
    let f = byKey.get(key);
    if (f === undefined) {
      f = compute();
      byKey.set(key, f);
    }
    return f;
  }

  /**
   * Ends a backtest origin: drops the forecasts from rows before the lowest row it asked for (the
   * backtest's origins ascend, and so does the first validation row each one reaches, so no later
   * origin asks for them).
   *
   * @example
   * import { buildDayTable } from './dayTable.js';
   * const table = buildDayTable({ calls: createSeries('UTC', 1440, [0, 86_400_000, 172_800_000], [1, 2, 3]) });
   * const memo = new ValidationMemo(table);
   * memo.forecast(table, 0, 'm', () => Float64Array.of(1));
   * memo.endOrigin();
   * memo.forecast(table, 1, 'm', () => Float64Array.of(2));
   * memo.endOrigin();
   * memo.forecast(table, 0, 'm', () => Float64Array.of(3)); // Float64Array [3] (row 0 dropped, computed again)
   */
  endOrigin(): void {
    const lowest = this.#lowestAsked;
    for (const r of this.#byRow.keys()) if (r < lowest) this.#byRow.delete(r);
    this.#lowestAsked = Number.POSITIVE_INFINITY;
  }
}

/** Leading rows where `b` equals `a` (day numbers, calls bit for bit, open flags). */
function commonRows(a: DayTable, b: DayTable): number {
  if (a.slotsPerDay !== b.slotsPerDay) return 0;
  const s = a.slotsPerDay;
  const rows = Math.min(a.dayNumbers.length, b.dayNumbers.length);
  for (let r = 0; r < rows; r++) {
    if (a.dayNumbers[r] !== b.dayNumbers[r]) return r;
    for (let c = r * s; c < (r + 1) * s; c++) {
      if (!Object.is(a.values[c], b.values[c]) || a.present[c] !== b.present[c]) return r;
    }
  }
  return rows;
}
