import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * The mark in the name of every temporary file or folder staffcast writes beside an output:
 * `.<output name>.staffcast-tmp-<pid>-<random>`. The process id lets a later run tell a temporary
 * item of a run that is gone (removed) from one of a run still going (left alone).
 */
export const TEMPORARY_MARK = '.staffcast-tmp-';

// Temporary items of this process not yet renamed into place or removed.
const pending = new Set<string>();
let onPendingChange: ((count: number) => void) | undefined;

/**
 * Calls `listener` with the number of pending temporary items each time it changes (one listener;
 * `undefined` removes it). The CLI uses it to handle SIGINT/SIGTERM only while an output is being
 * written, so a signal during a long computation still stops the process at once.
 *
 * @example
 * const counts: number[] = [];
 * watchPendingTemporaries((count) => counts.push(count));
 * trackTemporary('/data/.out.csv.staffcast-tmp-1'); untrackTemporary('/data/.out.csv.staffcast-tmp-1');
 * watchPendingTemporaries(undefined);
 * counts; // [1, 0]
 */
export function watchPendingTemporaries(listener: ((count: number) => void) | undefined): void {
  onPendingChange = listener;
}

/**
 * A fresh temporary path beside `target` (same folder, so the final rename stays on one file
 * system): `<folder>/.<name>.staffcast-tmp-<pid>-<12 hex digits>`. Nothing is created.
 *
 * @example
 * /^\/data\/\.out\.csv\.staffcast-tmp-\d+-[0-9a-f]{12}$/.test(temporaryPath('/data/out.csv')); // true
 * // e.g. '/data/.out.csv.staffcast-tmp-4242-3f9a0c1b2d4e'
 */
export function temporaryPath(target: string): string {
  const name = `.${basename(target)}${TEMPORARY_MARK}${process.pid}-${randomBytes(6).toString('hex')}`;
  return join(dirname(target), name);
}

/**
 * Registers a temporary item of this process, so `removePendingTemporaries` removes it if the
 * process is stopped (SIGINT, SIGTERM, a closed stdout) before the item is renamed into place.
 *
 * @example
 * const tmp = temporaryPath('/data/out.csv');
 * trackTemporary(tmp); // returns undefined (then write, rename, and untrackTemporary(tmp))
 * untrackTemporary(tmp);
 */
export function trackTemporary(path: string): void {
  pending.add(path);
  onPendingChange?.(pending.size);
}

/**
 * Forgets a temporary item (it was renamed into place or removed).
 *
 * @example
 * const tmp = temporaryPath('/data/out.csv');
 * trackTemporary(tmp);
 * untrackTemporary(tmp); // returns undefined (the path is no longer removed at exit)
 */
export function untrackTemporary(path: string): void {
  if (pending.delete(path)) onPendingChange?.(pending.size);
}

/**
 * Removes, synchronously, every temporary item of this process still registered (a file or a
 * whole folder), ignoring failures: for signal and exit handlers, which cannot wait.
 *
 * @example
 * // (not run: installs a signal handler)
 * process.once('SIGTERM', () => { removePendingTemporaries(); process.exit(143); });
 */
export function removePendingTemporaries(): void {
  for (const path of pending) {
    try {
      rmSync(path, { recursive: true, force: true });
    } catch {
      // best effort: the process is ending
    }
  }
  pending.clear();
  onPendingChange?.(0);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

/**
 * Removes the temporary items beside `target` left by runs that no longer exist (killed with
 * SIGKILL, or the machine stopped): entries `.<name>.staffcast-tmp-<pid>-*` of its folder whose
 * process is gone. Items of a live process (this one included) are left alone. Failures are
 * ignored (the folder may not exist yet). Cost O(entries of the folder).
 *
 * @example
 * // (not run: removes files)
 * await removeStaleTemporaries('/data/out'); // '/data/.out.staffcast-tmp-999999-ab12...' is gone
 */
export async function removeStaleTemporaries(target: string): Promise<void> {
  const prefix = `.${basename(target)}${TEMPORARY_MARK}`;
  let names: string[];
  try {
    names = await readdir(dirname(target));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]);
    if (!Number.isInteger(pid) || pid <= 0 || processAlive(pid)) continue;
    await rm(join(dirname(target), name), { recursive: true, force: true }).catch(() => undefined);
  }
}
