import { type FileHandle, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { StaffcastError } from '../errors.js';
import type { GridSpan } from '../staffing/multiQueuePlan.js';
import type { CsvInput } from './csvSource.js';
import {
  type ForecastRead,
  type ForecastRowCheck,
  forecastReadOf,
  type ReadForecastOptions,
  scanForecastCsv,
} from './readForecastCsv.js';
import { readFailureReason } from './readTextInput.js';
import { removeStaleTemporaries, temporaryPath, trackTemporary, untrackTemporary } from './temporaryFiles.js';

/** Options of `spillForecastCsvByQueue`: the reader's, plus where the spill file goes. */
export interface SpillForecastOptions extends ReadForecastOptions {
  /** Folder of the temporary spill file (e.g. `os.tmpdir()` or `TMPDIR`). */
  dir: string;
}

/** A multi-queue forecast read once and kept on disk, one queue loaded at a time. */
export interface SpilledForecasts {
  /** Queue names in the order they first appear in the file (`''` without a `queue` column). */
  readonly queues: readonly string[];
  /** Whether the file has an `aht_seconds` column (then every queue's forecast has `ahtSeconds`). */
  readonly hasAhtSeconds: boolean;
  /** Data rows of the file, every queue's. */
  readonly rows: number;
  /** The spill file (removed by `remove`). */
  readonly file: string;
  /** A queue's grid without its rows: interval length, first and last start, rows (`planTotalsAccumulator`). */
  grid(queue: string): GridSpan;
  /**
   * Reads one queue's forecast back from disk: equal, value for value and report for report, to
   * `readForecastCsvByQueue(input, options).get(queue)`.
   *
   * @throws StaffcastError `INVALID_INPUT` for a queue not in the file; `FILE_READ` when the spill
   *   file cannot be read (or was removed).
   */
  load(queue: string): Promise<ForecastRead>;
  /** Closes and removes the spill file (also after an error; idempotent). */
  remove(): Promise<void>;
}

/** Rows of the first block of a queue; each next block doubles, up to `MAX_BLOCK_ROWS`. */
const FIRST_BLOCK_ROWS = 64;
/** Rows of the largest block: 32 KiB a queue with four columns. */
const MAX_BLOCK_ROWS = 1024;

/** One queue's rows being written: its row check, the block being filled and the blocks written. */
interface QueueSpill {
  check: ForecastRowCheck;
  block: Float64Array;
  rows: number;
  /** Byte position and row count of each block written, in row order. */
  blocks: number[];
}

/**
 * `readForecastCsvByQueue` in bounded memory: one pass over the file checks every row exactly as
 * that reader does (same errors, same first failing line) and appends each queue's numbers
 * (float64: start, calls, [aht], quantiles) in blocks to one temporary file beside `options.dir`
 * (`.staffcast-forecast.staffcast-tmp-<pid>-<random>`, registered with `trackTemporary`, so
 * SIGINT/SIGTERM remove it; files of dead runs are removed when a new spill starts); `load` then
 * reads one queue's blocks back into its forecast. Memory: the CSV parser's buffer plus one block
 * (at most 1024 rows) and a few numbers per queue, whatever the number of rows; each `load`, one
 * queue's forecast. Disk: 8 bytes a number (32 bytes a row with `aht_seconds`). Cost O(rows),
 * plus O(rows of the queue) per `load`. Works on a stream (stdin) as on a file: the input is read
 * once.
 *
 * @throws StaffcastError as `readForecastCsvByQueue`; `FILE_READ` "temporary file <file>: <reason>"
 *   when the spill file cannot be made or written.
 * @example
 * import { tmpdir } from 'node:os';
 * import { Readable } from 'node:stream';
 * const text = 'interval_start,queue,calls\n2024-01-01T09:00:00Z,a,3\n2024-01-01T09:00:00Z,b,4\n' +
 *   '2024-01-01T09:30:00Z,a,5\n2024-01-01T09:30:00Z,b,6\n';
 * const spill = await spillForecastCsvByQueue(Readable.from([text]), { dir: tmpdir() });
 * spill.queues; // ['a', 'b']
 * (await spill.load('b')).forecast.calls; // Float64Array [4, 6]
 * await spill.remove();
 */
export async function spillForecastCsvByQueue(
  input: CsvInput,
  options: SpillForecastOptions,
): Promise<SpilledForecasts> {
  const base = join(options.dir, 'staffcast-forecast');
  const file = temporaryPath(base);
  const failure = (error: unknown): StaffcastError =>
    error instanceof StaffcastError
      ? error
      : new StaffcastError('FILE_READ', `temporary file ${file}: ${readFailureReason(error)}`, { file });
  trackTemporary(file);
  let handle: FileHandle | undefined;
  let removed = false;
  const remove = async () => {
    if (removed) return;
    removed = true;
    await handle?.close().catch(() => undefined);
    await rm(file, { force: true });
    untrackTemporary(file);
  };
  try {
    await removeStaleTemporaries(base);
    handle = await open(file, 'wx+').catch((error: unknown) => {
      throw failure(error);
    });
    const fh = handle;
    const spills = new Map<ForecastRowCheck, QueueSpill>();
    let position = 0;
    let width = 0;
    const flush = async (q: QueueSpill) => {
      if (q.rows === 0) return;
      const bytes = q.rows * width * 8;
      await fh.write(new Uint8Array(q.block.buffer, 0, bytes), 0, bytes, position).catch((error: unknown) => {
        throw failure(error);
      });
      q.blocks.push(position, q.rows);
      position += bytes;
      const nextRows = Math.min(MAX_BLOCK_ROWS, 2 * (q.block.length / width));
      if (nextRows * width > q.block.length) q.block = new Float64Array(nextRows * width);
      q.rows = 0;
    };
    const scan = await scanForecastCsv(input, options, 'queue', (check, values) => {
      let q = spills.get(check);
      if (q === undefined) {
        width = values.length;
        q = { check, block: new Float64Array(FIRST_BLOCK_ROWS * width), rows: 0, blocks: [] };
        spills.set(check, q);
      }
      q.block.set(values, q.rows * width);
      q.rows++;
      return q.rows * width === q.block.length ? flush(q) : undefined;
    });
    for (const q of spills.values()) {
      await flush(q);
      q.block = new Float64Array(0);
    }
    const byName = new Map([...scan.queues].map(([name, check]) => [name, spills.get(check)!]));
    const find = (queue: string): QueueSpill => {
      const q = byName.get(queue);
      if (q === undefined)
        throw new StaffcastError(
          'INVALID_INPUT',
          `spillForecastCsvByQueue: no queue '${queue}' in the forecast`,
          {
            queue,
          },
        );
      return q;
    };
    return {
      queues: [...scan.queues.keys()],
      hasAhtSeconds: scan.shape.ahtAt >= 0,
      rows: [...scan.queues.values()].reduce((sum, check) => sum + check.rowsRead, 0),
      file,
      grid(queue) {
        const { check } = find(queue);
        return {
          intervalMinutes: check.intervalMinutes,
          firstStart: check.firstStart,
          lastStart: check.lastStart,
          offsetMinutesGcd: check.offsetMinutesGcd,
        };
      },
      async load(queue) {
        const q = find(queue);
        if (removed)
          throw new StaffcastError('FILE_READ', `temporary file ${file}: already removed`, { file });
        const n = q.check.rowsRead;
        const columns = Array.from({ length: scan.shape.width }, () => new Float64Array(n));
        const buffer = new Float64Array(MAX_BLOCK_ROWS * width);
        const bytes = new Uint8Array(buffer.buffer);
        let row = 0;
        for (let b = 0; b < q.blocks.length; b += 2) {
          const at = q.blocks[b]!;
          const rows = q.blocks[b + 1]!;
          const { bytesRead } = await fh.read(bytes, 0, rows * width * 8, at).catch((error: unknown) => {
            throw failure(error);
          });
          if (bytesRead !== rows * width * 8)
            throw new StaffcastError('FILE_READ', `temporary file ${file}: truncated`, { file });
          for (let i = 0; i < rows; i++, row++)
            for (let k = 0; k < width; k++) columns[k]![row] = buffer[i * width + k]!;
        }
        return forecastReadOf(q.check, columns);
      },
      remove,
    };
  } catch (error) {
    // reading errors (CSV_ROW, FILE_READ of the input) pass as they are; spill-file errors were
    // already named by `failure` where they happened
    await remove();
    throw error;
  }
}
