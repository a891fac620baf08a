import { createReadStream } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { StaffcastError } from '../errors.js';
import type { Requirement } from './../staffing/types.js';
import { csvText } from './csvText.js';
import { readFailureReason } from './readTextInput.js';
import { requirementStartText, requirementValueCells, writeRequirementCsv } from './requirementCsv.js';
import { removeStaleTemporaries, temporaryPath, trackTemporary, untrackTemporary } from './temporaryFiles.js';

/**
 * Per-queue requirement rows on disk, merged into one requirement CSV by `merge`.
 *
 * @internal
 */
export interface RequirementSpill {
  /** The temporary folder holding one file per queue. */
  readonly folder: string;
  /**
   * Writes one queue's rows (its requirement; `queue` is ignored, `timeZone` is the spill's) to a
   * file of its own. Queues are merged in the order they were added. Rows must be in start order.
   */
  add(queueName: string, requirement: Requirement): Promise<void>;
  /**
   * Streams the requirement CSV of every queue added to `write`: the header with a `queue` column,
   * then the rows ordered by start, then by the order the queues were added, in pieces of about
   * 64 KiB, each written (awaited) before the next is made.
   */
  merge(write: (text: string) => Promise<void> | void): Promise<void>;
  /** Removes the temporary folder and everything in it (also after an error; idempotent). */
  remove(): Promise<void>;
}

/** Rows per `csvText` call when a queue is written out (bounds the memory of one call). */
const ROWS_PER_WRITE = 8192;
/** Characters of output gathered before a piece is written. */
const PIECE_CHARS = 1 << 16;

/**
 * Spills the requirement of many queues to disk so the combined table (`MultiQueueStaffing.requirement`)
 * can be written without holding every queue's rows: `add` writes each queue's rows to a file in a
 * fresh temporary folder under `options.dir` (`.staffcast-spill.staffcast-tmp-<pid>-<random>`,
 * registered with `trackTemporary`, so SIGINT/SIGTERM remove it; folders of dead runs are removed
 * when a new spill starts), one line per row: epoch ms then the numeric cells as
 * `writeRequirementCsv` rounds and writes them. `merge` is a k-way merge over line readers of
 * those files (a binary heap on start, then queue order), writing each distinct start once as
 * `interval_start` in `options.timeZone` and each queue's name cell as `writeRequirementCsv` quotes
 * it: the output is byte for byte `writeRequirementCsv` of the combined table. Memory: one read
 * buffer per queue plus a 64 KiB piece, independent of the number of rows; disk: about 60 bytes a
 * row. Cost O(rows x log queues).
 *
 * @internal
 * @throws StaffcastError `FILE_READ` "temporary folder <folder>: <reason>" when the folder cannot
 *   be made, written or read.
 * @example
 * // (not run: writes temporary files)
 * const spill = await createRequirementSpill({ dir: os.tmpdir(), timeZone: 'UTC' });
 * try {
 *   await spill.add('a', requirementOfA); await spill.add('b', requirementOfB);
 *   await spill.merge((text) => process.stdout.write(text)); // = writeRequirementCsv(combined)
 * } finally {
 *   await spill.remove();
 * }
 */
export async function createRequirementSpill(options: {
  dir: string;
  timeZone: string;
  decimals?: number;
}): Promise<RequirementSpill> {
  const decimals = options.decimals ?? 4;
  const base = join(options.dir, 'staffcast-spill');
  const folder = temporaryPath(base);
  const failure = (error: unknown): StaffcastError =>
    new StaffcastError('FILE_READ', `temporary folder ${folder}: ${readFailureReason(error)}`, {
      file: folder,
    });
  trackTemporary(folder);
  try {
    await removeStaleTemporaries(base);
    await mkdir(folder);
  } catch (error) {
    untrackTemporary(folder);
    throw failure(error);
  }
  const queueCells: string[] = [];
  let removed = false;
  return {
    folder,
    async add(queueName, requirement) {
      const file = join(folder, `${queueCells.length}.rows`);
      queueCells.push(queueCell(queueName));
      try {
        const handle = await open(file, 'wx');
        try {
          const n = requirement.starts.length;
          for (let from = 0; from < n; from += ROWS_PER_WRITE) {
            const rows: number[][] = [];
            for (let i = from; i < Math.min(n, from + ROWS_PER_WRITE); i++)
              rows.push([requirement.starts[i]!, ...requirementValueCells(requirement, i, decimals)]);
            await handle.write(csvText(rows));
          }
        } finally {
          await handle.close();
        }
      } catch (error) {
        throw failure(error);
      }
    },
    async merge(write) {
      const header = writeRequirementCsv({ ...emptyRequirement(options.timeZone), queue: [] });
      await write(header);
      try {
        await mergeFiles(
          queueCells.map((_, q) => join(folder, `${q}.rows`)),
          queueCells,
          options.timeZone,
          write,
        );
      } catch (error) {
        if (error instanceof StaffcastError) throw error;
        throw failure(error);
      }
    },
    async remove() {
      if (removed) return;
      removed = true;
      await rm(folder, { recursive: true, force: true });
      untrackTemporary(folder);
    },
  };
}

function emptyRequirement(timeZone: string): Requirement {
  const none = () => new Float64Array(0);
  return {
    timeZone,
    intervalMinutes: 15,
    starts: none(),
    calls: none(),
    ahtSeconds: none(),
    agents: none(),
    scheduledAgents: none(),
    serviceLevel: none(),
    asaSeconds: none(),
    abandonRate: none(),
    occupancy: none(),
  };
}

/** The queue cell of a row as `writeRequirementCsv` writes it (quoted, formula-escaped). */
function queueCell(name: string): string {
  const zero = () => Float64Array.of(0);
  const one: Requirement = {
    timeZone: 'UTC',
    intervalMinutes: 15,
    starts: zero(),
    queue: [name],
    calls: zero(),
    ahtSeconds: zero(),
    agents: zero(),
    scheduledAgents: zero(),
    serviceLevel: zero(),
    asaSeconds: zero(),
    abandonRate: zero(),
    occupancy: zero(),
  };
  const text = writeRequirementCsv(one);
  const row = text.slice(text.indexOf('\n') + 1);
  const before = '1970-01-01T00:00:00Z,';
  const after = `,${Array.from({ length: 8 }, () => '0').join(',')}\n`;
  return row.slice(before.length, row.length - after.length);
}

/** One queue's file being merged: its read buffer, the current line and its start. */
interface Cursor {
  queue: number;
  /** Bytes read and not yet merged; the current line is `buf[at..end]` (`end` at its '\n'). */
  buf: Buffer;
  at: number;
  end: number;
  /** Index of the comma after the epoch ms of the current line. */
  comma: number;
  start: number;
  chunks: AsyncIterator<Buffer>;
}

const NEWLINE = 10;
const COMMA = 44;

/** Moves to the next line of the file (reading more when needed); false at the end. */
async function advance(cursor: Cursor): Promise<boolean> {
  let from = cursor.end + 1;
  let end = cursor.buf.indexOf(NEWLINE, from);
  while (end < 0) {
    const next = await cursor.chunks.next();
    if (next.done === true) {
      if (from >= cursor.buf.length) return false;
      cursor.buf = Buffer.concat([cursor.buf.subarray(from), Buffer.of(NEWLINE)]);
    } else cursor.buf = Buffer.concat([cursor.buf.subarray(from), next.value]);
    from = 0;
    end = cursor.buf.indexOf(NEWLINE);
  }
  const { buf } = cursor;
  const comma = buf.indexOf(COMMA, from);
  // the epoch ms, parsed from its digits without making a string
  let start = 0;
  let k = from;
  const negative = buf[k] === 45;
  if (negative) k++;
  for (; k < comma; k++) start = start * 10 + (buf[k]! - 48);
  cursor.at = from;
  cursor.end = end;
  cursor.comma = comma;
  cursor.start = negative ? -start : start;
  return true;
}

async function mergeFiles(
  files: readonly string[],
  queueCells: readonly string[],
  timeZone: string,
  write: (text: string) => Promise<void> | void,
): Promise<void> {
  const before = (a: Cursor, b: Cursor): boolean =>
    a.start < b.start || (a.start === b.start && a.queue < b.queue);
  const heap: Cursor[] = [];
  const up = (i: number) => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i]!, heap[parent]!)) return;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  };
  const down = (i: number) => {
    for (;;) {
      let least = i;
      for (const c of [2 * i + 1, 2 * i + 2])
        if (c < heap.length && before(heap[c]!, heap[least]!)) least = c;
      if (least === i) return;
      [heap[i], heap[least]] = [heap[least]!, heap[i]!];
      i = least;
    }
  };
  const streams = files.map((file) => createReadStream(file));
  try {
    for (let q = 0; q < files.length; q++) {
      const chunks = streams[q]![Symbol.asyncIterator]() as AsyncIterator<Buffer>;
      const cursor: Cursor = { queue: q, buf: Buffer.alloc(0), at: 0, end: -1, comma: 0, start: 0, chunks };
      if (await advance(cursor)) {
        heap.push(cursor);
        up(heap.length - 1);
      }
    }
    await drain(heap, down, queueCells, timeZone, write);
  } finally {
    // close the files still open (an error stopped the merge)
    for (const stream of streams) stream.destroy();
  }
}

/**
 * Writes the rows in heap order: each row is copied as bytes (start text, queue cell, the
 * numeric cells of the spilled line) into a piece, so the merge makes no string per row.
 */
async function drain(
  heap: Cursor[],
  down: (i: number) => void,
  queueCells: readonly string[],
  timeZone: string,
  write: (text: string) => Promise<void> | void,
): Promise<void> {
  const cells = queueCells.map((cell) => Buffer.from(cell));
  let piece = Buffer.allocUnsafe(PIECE_CHARS);
  let used = 0;
  let lastStart = Number.NaN;
  let startText = Buffer.alloc(0);
  const flush = async (room: number) => {
    if (used > 0) await write(piece.toString('utf8', 0, used));
    used = 0;
    if (room > piece.length) piece = Buffer.allocUnsafe(room);
  };
  while (heap.length > 0) {
    const top = heap[0]!;
    if (top.start !== lastStart) {
      lastStart = top.start;
      startText = Buffer.from(`${requirementStartText(top.start, timeZone)},`);
    }
    const cell = cells[top.queue]!;
    const size = startText.length + cell.length + (top.end + 1 - top.comma);
    if (used + size > piece.length) await flush(size);
    used += startText.copy(piece, used);
    used += cell.copy(piece, used);
    used += top.buf.copy(piece, used, top.comma, top.end + 1);
    if (await advance(top)) down(0);
    else {
      const last = heap.pop()!;
      if (heap.length > 0) {
        heap[0] = last;
        down(0);
      }
    }
  }
  await flush(0);
}
