import { createReadStream } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { StaffcastError } from '../errors.js';
import { csvText } from './csvText.js';
import { readFailureReason } from './readTextInput.js';
import {
  type Requirement,
  requirementStartText,
  requirementValueCells,
  writeRequirementCsv,
} from './requirementCsv.js';
import { removeStaleTemporaries, temporaryPath, trackTemporary, untrackTemporary } from './temporaryFiles.js';

/** Per-queue requirement rows on disk, merged into one requirement CSV by `merge`. */
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
 * Spills the requirement of many queues to disk so the combined table (`MultiQueuePlan.requirement`)
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
 * @throws StaffcastError `FILE_READ` "temporary folder <folder>: <reason>" when the folder cannot
 *   be made, written or read.
 * @example
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

/** Complete lines of a file, a read buffer at a time. */
async function* lineBatches(file: string): AsyncGenerator<string[]> {
  let rest = '';
  for await (const chunk of createReadStream(file, { encoding: 'utf8' })) {
    const lines = (rest + (chunk as string)).split('\n');
    rest = lines.pop()!;
    if (lines.length > 0) yield lines;
  }
  if (rest !== '') yield [rest];
}

/** One queue's file being merged: its buffered lines and the start of the current one. */
interface Cursor {
  queue: number;
  lines: string[];
  at: number;
  start: number;
  batches: AsyncGenerator<string[]>;
}

async function advance(cursor: Cursor): Promise<boolean> {
  cursor.at++;
  while (cursor.at >= cursor.lines.length) {
    const next = await cursor.batches.next();
    if (next.done === true) return false;
    cursor.lines = next.value;
    cursor.at = 0;
  }
  const line = cursor.lines[cursor.at]!;
  cursor.start = Number(line.slice(0, line.indexOf(',')));
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
  const cursors: Cursor[] = [];
  try {
    for (let q = 0; q < files.length; q++) {
      const cursor: Cursor = { queue: q, lines: [], at: -1, start: 0, batches: lineBatches(files[q]!) };
      cursors.push(cursor);
      if (await advance(cursor)) {
        heap.push(cursor);
        up(heap.length - 1);
      }
    }
    await drain(heap, down, queueCells, timeZone, write);
  } finally {
    // close the files still open (an error stopped the merge)
    for (const cursor of cursors) await cursor.batches.return(undefined);
  }
}

async function drain(
  heap: Cursor[],
  down: (i: number) => void,
  queueCells: readonly string[],
  timeZone: string,
  write: (text: string) => Promise<void> | void,
): Promise<void> {
  let lastStart = Number.NaN;
  let startText = '';
  let piece = '';
  while (heap.length > 0) {
    const top = heap[0]!;
    if (top.start !== lastStart) {
      lastStart = top.start;
      startText = requirementStartText(top.start, timeZone);
    }
    const line = top.lines[top.at]!;
    piece += `${startText},${queueCells[top.queue]!}${line.slice(line.indexOf(','))}\n`;
    if (piece.length >= PIECE_CHARS) {
      await write(piece);
      piece = '';
    }
    if (await advance(top)) down(0);
    else {
      const last = heap.pop()!;
      if (heap.length > 0) {
        heap[0] = last;
        down(0);
      }
    }
  }
  if (piece !== '') await write(piece);
}
