import { lstatSync, renameSync, rmdirSync } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { StaffcastError } from '../errors.js';
import { readFailureReason } from './readTextInput.js';
import { removeStaleTemporaries, temporaryPath, trackTemporary, untrackTemporary } from './temporaryFiles.js';

/**
 * Writes a set of files into the folder `outDir` all or nothing (the output folder of
 * `staffcast plan`). Every file is first written into a fresh temporary folder beside `outDir`
 * (`.<name>.staffcast-tmp-<pid>-<random>`, see `temporaryPath`); only when all writes succeeded
 * is the set committed, in one synchronous step that no signal handler can interrupt: the
 * temporary folder is renamed to `outDir` when that does not exist, else each file is renamed
 * over its namesake in `outDir` (other entries of `outDir` are kept) and the temporary folder is
 * removed. So a failed run, or one stopped by SIGINT/SIGTERM, leaves `outDir` exactly as it was
 * and nothing beside it (the CLI removes the temporary folder on those signals); a run killed
 * with SIGKILL leaves its temporary folder, which the next write to the same `outDir` removes.
 * File names must be plain names (no folder part). Cost O(total size).
 *
 * @internal
 * @throws StaffcastError `FILE_READ` "`<outDir>`: cannot write (<reason>)" when a write or rename
 *   fails, `outDir` is a file, or a name in it to be replaced is a folder.
 * @example
 * // (not run: writes files)
 * await writeFilesAtomically('out', { 'a.txt': 'x' }); // out/a.txt holds 'x'
 */
export async function writeFilesAtomically(
  outDir: string,
  files: Readonly<Record<string, string>>,
): Promise<void> {
  const tmp = temporaryPath(outDir);
  let created = false;
  trackTemporary(tmp);
  try {
    await mkdir(dirname(outDir), { recursive: true });
    await removeStaleTemporaries(outDir);
    await mkdir(tmp);
    created = true;
    for (const [name, content] of Object.entries(files)) await writeFile(join(tmp, name), content);
    const existing = await stat(outDir).catch(() => undefined);
    if (existing !== undefined && !existing.isDirectory()) throw new Error('exists and is not a folder');
    // Commit: synchronous from here, so SIGINT/SIGTERM (handled on the event loop) cannot split it.
    if (existing === undefined) renameSync(tmp, outDir);
    else {
      for (const name of Object.keys(files)) {
        const target = join(outDir, name);
        let isFolder = false;
        try {
          isFolder = lstatSync(target).isDirectory();
        } catch {
          // absent: fine
        }
        if (isFolder) throw new Error(`${name} is a folder`);
      }
      for (const name of Object.keys(files)) renameSync(join(tmp, name), join(outDir, name));
      rmdirSync(tmp);
    }
    created = false;
  } catch (error) {
    throw new StaffcastError('FILE_READ', `${outDir}: cannot write (${readFailureReason(error)})`, {
      file: outDir,
    });
  } finally {
    if (created) await rm(tmp, { recursive: true, force: true });
    untrackTemporary(tmp);
  }
}
