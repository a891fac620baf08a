import { StaffcastError } from '../errors.js';
import { escapeControl } from '../messageText.js';
import type { GapRange } from '../time/completeGrid.js';

export type { GapRange };

/**
 * What a reader did with every row of a file: nothing is dropped or filled silently.
 * `rowsRead = rowsUsed + rowsRejected + rowsExcluded`; every rejected row has a reason (the first
 * `maxReportedErrors` are in `errors`, formatted `file:line:column: what is wrong`, line = line
 * number in the file with the header as line 1).
 */
export interface ReadReport {
  /** File name as given (or `fileName`, or `stdin`). */
  file: string;
  /** Data rows read (the header excluded; blank lines skipped). */
  rowsRead: number;
  /** Rows whose values are in the result. */
  rowsUsed: number;
  /** Rows left out, each for a reason (bad value, duplicate interval, DST gap/overlap ...). */
  rowsRejected: number;
  /** Rows left out on purpose by a rule (per-contact records such as PHANTOM calls); 0 for interval files. */
  rowsExcluded: number;
  /** The first rejection reasons, in file order. */
  errors: string[];
  /** Notices that did not reject rows (rows out of order, ...), first few. */
  warnings: string[];
  /** IANA zone timestamps without offset were read in. */
  timeZone: string;
  /** Interval length of the result in minutes (detected or given). */
  intervalMinutes: number;
  /** Whether `intervalMinutes` was detected from the data. */
  intervalDetected: boolean;
  /** Rows whose interval repeats an earlier row's (rejected; the first row is kept). */
  duplicateIntervals: number;
  /** Rows that started before the row above them (kept; the rows were sorted by time). */
  unsortedRows: number;
  /** Counts with a fractional part (accepted; e.g. upstream-imputed x.5 values). */
  fractionalCounts: number;
  /** Missing intervals inside open hours: NaN in the series. */
  gapIntervals: number;
  /** The runs of missing intervals, in time order. */
  gaps: GapRange[];
  /** Local days with at least one used row. */
  openDays: number;
  /** Weekdays (0 = Sunday) never open in the file: absent by design (weekends ...). */
  closedWeekdays: number[];
  /** Absent local dates (`YYYY-MM-DD`) of weekdays that are otherwise open: holidays, closures. */
  closedDays: string[];
  /** Absent intervals on open days outside the learned opening hours (nights ...). */
  closedIntervals: number;
  /**
   * Per-contact records only (`aggregateRecords`): how many used records fell into each class.
   * `handled + abandoned + neither = rowsUsed`; `excluded = rowsExcluded`.
   */
  recordClasses?: RecordClasses;
  /** Columns of the file the reader did not use. */
  ignoredColumns: string[];
  /** First and last interval start of the result (epoch ms; NaN when empty). */
  firstStart: number;
  /** Last interval start of the result (epoch ms). */
  lastStart: number;
}

/** How per-contact records were counted (see `ReadReport.recordClasses`). */
export interface RecordClasses {
  /** Records meeting the handled conditions. */
  handled: number;
  /** Records meeting the abandoned conditions. */
  abandoned: number;
  /** Records counted as offered contacts but neither handled nor abandoned (HANG before queueing ...). */
  neither: number;
  /** Records left out of every count (PHANTOM ...). */
  excluded: number;
}

/**
 * Keeps the first `limit` messages by line number (internal). Messages may arrive out of line
 * order (duplicates are found after sorting); the earliest lines win. O(limit) per add.
 *
 * @example
 * const p = new ProblemList(1); p.add(9, 'b'); p.add(3, 'a'); p.messages(); // ['a'] (p.count is 2)
 */
export class ProblemList {
  private readonly items: { line: number; message: string }[] = [];
  /** Total problems added, kept or not. */
  count = 0;

  constructor(private readonly limit: number) {}

  /** Records a problem at `line`. */
  add(line: number, message: string): void {
    this.count++;
    if (this.limit <= 0) return;
    const items = this.items;
    if (items.length === this.limit && line >= items[items.length - 1]!.line) return;
    let i = items.length;
    while (i > 0 && items[i - 1]!.line > line) i--;
    items.splice(i, 0, { line, message });
    if (items.length > this.limit) items.pop();
  }

  /**
   * Records a rejected row as `file:line:column: what`, or throws it as `CSV_ROW` when the policy
   * is `'throw'`.
   */
  reject(
    file: string,
    line: number,
    column: string | undefined,
    what: string,
    policy: 'skip' | 'throw',
  ): void {
    const message = `${file}:${line}:${column === undefined ? '' : `${column}:`} ${escapeControl(what)}`;
    if (policy === 'throw') throw new StaffcastError('CSV_ROW', message, { file, row: line, column });
    this.add(line, message);
  }

  /** The kept messages in line order. */
  messages(): string[] {
    return this.items.map((item) => item.message);
  }
}
