import { Readable } from 'node:stream';
import { StaffcastError } from '../errors.js';
import { type IntradayShares, learnIntradayShares } from '../forecast/intradayShares.js';
import { splitDailyTotals } from '../forecast/splitDailyTotals.js';
import type { History } from '../time/history.js';
import { parseCsvText } from './csvSource.js';
import { readDailyTotalsCsv } from './dailyTotalsCsv.js';
import { readIntradaySharesCsv } from './intradaySharesCsv.js';
import { readHistoryCsv } from './readHistoryCsv.js';

/**
 * An intraday profile from the text of a file: a profile CSV (`weekday,time,share`, see
 * `readIntradaySharesCsv`) when its header has a `weekday` column, else an interval history CSV
 * read in `timeZone` whose profile is learned (`learnIntradayShares`). O(size).
 *
 * @throws StaffcastError `CSV_ROW` / `NO_DATA` from the readers.
 * @example
 * (await readIntradayProfile('weekday,time,share\nMon,09:00,1\n', 'p.csv', 'UTC')).intervalMinutes; // 180
 */
export async function readIntradayProfile(
  text: string,
  fileName: string,
  timeZone: string,
): Promise<IntradayShares> {
  const firstLine = text.slice(0, Math.max(0, text.indexOf('\n')) || text.length);
  const header = parseCsvText(firstLine, fileName, { trim: true })[0]?.fields ?? [];
  if (header.some((h) => h.toLowerCase() === 'weekday')) return readIntradaySharesCsv(text, fileName);
  const read = await readHistoryCsv(Readable.from([text]), { timeZone, fileName });
  return learnIntradayShares(read.history);
}

/**
 * Reads a daily-totals CSV (`readDailyTotalsCsv`) and splits it into an interval history with
 * `splitDailyTotals` in `timeZone`; a day the profile cannot split is reported at its line of the
 * totals file. O(days x slots).
 *
 * @throws StaffcastError `CSV_ROW` "`<file>:<line>:date: profile <profileName> has no Saturday
 * (2026-03-07 has 40 calls)`", and the readers' errors.
 * @example
 * import { readIntradaySharesCsv } from './intradaySharesCsv.js';
 * const mondayProfile = readIntradaySharesCsv('weekday,time,share\nMon,09:00,1\n', 'p.csv');
 * dailyTotalsHistory('date,calls\n2024-01-01,8\n', 'd.csv', mondayProfile, 'p.csv', 'UTC').days; // 1
 */
export function dailyTotalsHistory(
  text: string,
  fileName: string,
  profile: IntradayShares,
  profileName: string,
  timeZone: string,
): { history: History; days: number } {
  const { totals, lines } = readDailyTotalsCsv(text, fileName);
  try {
    return { history: splitDailyTotals(totals, profile, { timeZone }), days: totals.length };
  } catch (error) {
    const date = error instanceof StaffcastError ? error.details?.date : undefined;
    const i = totals.findIndex((t) => t.date === date);
    if (i < 0) throw error;
    const message = (error as StaffcastError).message.replace(
      /^splitDailyTotals: profile/,
      `profile ${profileName}`,
    );
    throw new StaffcastError('CSV_ROW', `${fileName}:${lines[i]}:date: ${message}`, {
      file: fileName,
      row: lines[i],
      column: 'date',
    });
  }
}
