import { type CalibrationResult, calibrate } from '../calibration/calibrate.js';
import { formatCalibrationReport } from '../calibration/diagnostics/report.js';
import { calibrationTargets } from '../calibration/diagnostics/targets.js';
import type { CalibrateOptions } from '../calibration/options.js';
import { readCallRecords } from '../io/callRecords.js';
import { inputLabel } from '../io/readTextInput.js';
import { formatInstant } from '../time/formatInstant.js';
import { type InputFileOptions, inputSource } from './inputFile.js';
import { type OnProgress, progressStep } from './progress.js';

/** Options of `calibrateFromFile`: where the file is, `calibrate`'s options, and the output form. */
export interface CalibrateFromFileOptions extends InputFileOptions, CalibrateOptions {
  /** `text` is the whole result as JSON (ISO interval starts, targets) instead of the report. Default false. */
  json?: boolean;
  /** Progress steps `read` and `calibrate`. */
  onProgress?: OnProgress;
  /** Receives the line counting rows read, used and rejected, and the first 10 rejections. */
  onMessage?: (text: string) => void;
}

/** What `calibrateFromFile` returns. */
export interface CalibrateFromFileResult {
  result: CalibrationResult;
  /** Data rows of the file (header excluded), rows turned into records, rows rejected. */
  rows: { read: number; used: number; rejected: number };
  /**
   * The error table and fitted parameters (`formatCalibrationReport`) or, with `json`, the result
   * as indented JSON: every field of `CalibrationResult`, interval `start`s as ISO-8601 in the
   * zone, and `targets` (`calibrationTargets` of the held-out Erlang A errors).
   */
  text: string;
  /** The fitted parameters as indented JSON (`calibrationParamsSchema`), for `staff` / `plan`. */
  paramsJson: string;
}

/** Lines about a read: the counts, then at most 10 rejections and how many more. */
function readMessage(read: {
  rowsRead: number;
  rowsUsed: number;
  rowsRejected: number;
  errors: string[];
}): string {
  const lines = [
    `calibrate: ${read.rowsRead} rows read, ${read.rowsUsed} used, ${read.rowsRejected} rejected`,
  ];
  for (const message of read.errors.slice(0, 10)) lines.push(`  ${message}`);
  if (read.errors.length > 10) lines.push(`  ... ${read.errors.length - 10} more`);
  return `${lines.join('\n')}\n`;
}

/**
 * The `calibrate` use case: reads per-call records (`readCallRecords`: a path, or `-` for stdin;
 * bad rows rejected and counted), checks Erlang C and Erlang A against them and fits AHT,
 * patience and agent availability (`calibrate`), and formats the report (or JSON) and the
 * parameters file. The read counts go to `onMessage` before the (long) calibration starts.
 * Progress steps: `read`, `calibrate`.
 *
 * @throws StaffcastError the reader's `FILE_READ` / `CSV_ROW` / `NO_DATA`; `calibrate`'s
 *   `INVALID_INPUT` for bad options.
 * @example
 * // (not run: reads the February 1999 bank month)
 * const run = await calibrateFromFile('anonymous_bank_feb1999_calls.csv', { baseDir: '.', timeZone: 'Asia/Jerusalem' });
 * run.rows; // { read: 33344, used: 33319, rejected: 25 }
 */
export async function calibrateFromFile(
  file: string,
  options: CalibrateFromFileOptions,
): Promise<CalibrateFromFileResult> {
  const { baseDir, stdin, json, onProgress, onMessage, ...calibrateOptions } = options;
  const timeZone = options.timeZone ?? 'UTC';
  const read = await progressStep(
    onProgress,
    'read',
    () =>
      readCallRecords(inputSource(file, options), {
        timeZone,
        fileLabel: inputLabel(file),
      }),
    (r) => `${r.rowsUsed} records`,
  );
  onMessage?.(readMessage(read));
  const result = await progressStep(
    onProgress,
    'calibrate',
    () => calibrate(read.records, calibrateOptions),
    (r) => `availability factor ${r.params.availabilityFactor.toFixed(3)}`,
  );
  let text: string;
  if (json === true) {
    const intervals = result.intervals.map((v) => ({ ...v, start: formatInstant(v.startMs, timeZone) }));
    const targets = calibrationTargets(result.errors.test.erlangA);
    text = `${JSON.stringify({ ...result, targets, intervals }, null, 2)}\n`;
  } else {
    text = formatCalibrationReport(result);
  }
  return {
    result,
    rows: { read: read.rowsRead, used: read.rowsUsed, rejected: read.rowsRejected },
    text,
    paramsJson: `${JSON.stringify(result.params, null, 2)}\n`,
  };
}
