import { chmod, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { StaffcastError } from '../errors.js';
import { readFailureReason } from './readTextInput.js';
import { removeStaleTemporaries, temporaryPath, trackTemporary, untrackTemporary } from './temporaryFiles.js';

/**
 * Writes a whole text file (UTF-8) atomically, the path resolved against `baseDir`: the text goes
 * to a temporary file in the same folder (`.<name>.staffcast-tmp-<pid>-<random>`, see
 * `temporaryPath`), which is then renamed over the file. A reader sees the old file or the new one,
 * never a truncated or half-written one; a failed or stopped run leaves the old file as it was and
 * no temporary file (removed on error, on SIGINT/SIGTERM by the CLI, and, after a SIGKILL, by the
 * next write of the same file). An existing file keeps its permission bits; a symbolic link is
 * followed (its target is replaced); a device or a pipe (`/dev/null`, `/dev/stdout`, a FIFO) is
 * written into as it is. Cost O(size).
 *
 * @throws StaffcastError `FILE_READ` "cannot write <file>: <reason>", naming the file as given.
 * @example
 * // (not run: writes a file)
 * await writeTextFile('forecast.csv', csv, { baseDir: process.cwd() }); // the file now holds csv
 */
export async function writeTextFile(file: string, text: string, options: { baseDir: string }): Promise<void> {
  const given = isAbsolute(file) ? file : resolve(options.baseDir, file);
  const path = await realpath(given).catch(() => given);
  const tmp = temporaryPath(path);
  trackTemporary(tmp);
  try {
    await removeStaleTemporaries(path);
    const old = await stat(path).catch(() => undefined);
    if (old?.isDirectory() === true) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (old !== undefined && !old.isFile()) {
      // a device or pipe (-o /dev/null, /dev/stdout, a FIFO): written into, never replaced
      await writeFile(path, text);
      return;
    }
    await writeFile(tmp, text, { flag: 'wx' });
    if (old !== undefined) await chmod(tmp, old.mode & 0o7777);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : readFailureReason(error);
    throw new StaffcastError('FILE_READ', `cannot write ${file}: ${reason}`, { file });
  } finally {
    untrackTemporary(tmp);
  }
}
