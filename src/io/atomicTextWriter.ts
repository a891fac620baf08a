import { createWriteStream, type WriteStream } from 'node:fs';
import { chmod, realpath, rename, rm, stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { StaffcastError } from '../errors.js';
import { readFailureReason } from './readTextInput.js';
import { removeStaleTemporaries, temporaryPath, trackTemporary, untrackTemporary } from './temporaryFiles.js';

/**
 * A text file being written piece by piece by `openAtomicTextWriter`.
 *
 * @internal
 */
export interface AtomicTextWriter {
  /** Appends text (UTF-8), resolving once the stream can take more (backpressure). */
  write(text: string): Promise<void>;
  /** Finishes the file and renames it into place. */
  commit(): Promise<void>;
  /** Drops what was written: the old file stays as it was and the temporary file is removed. */
  abort(): Promise<void>;
}

/**
 * `writeTextFile` for text that is produced in pieces and too large to hold as one string: opens
 * a temporary file beside `file` (the path resolved against `baseDir`, a symbolic link followed;
 * `.<name>.staffcast-tmp-<pid>-<random>`, registered with `trackTemporary` so SIGINT/SIGTERM
 * remove it), `write` appends to it, `commit` closes it and renames it over the file (an existing
 * file keeps its permission bits), `abort` removes it. A reader sees the old file or the whole new
 * one, never a part. A device or a pipe (`/dev/null`, `/dev/stdout`, a FIFO) is written into
 * directly. Stale temporaries of dead runs beside the file are removed on opening. Memory: the
 * stream's buffer, not the file.
 *
 * @internal
 * @throws StaffcastError `FILE_READ` "cannot write <file>: <reason>" (the file as given), from
 *   opening, `write` or `commit`; the temporary file is removed first.
 * @example
 * // (not run: writes a file)
 * const out = await openAtomicTextWriter('requirements.csv', { baseDir: process.cwd() });
 * await out.write('a,b\n'); await out.write('1,2\n'); await out.commit(); // the file holds 'a,b\n1,2\n'
 */
export async function openAtomicTextWriter(
  file: string,
  options: { baseDir: string },
): Promise<AtomicTextWriter> {
  const given = isAbsolute(file) ? file : resolve(options.baseDir, file);
  const path = await realpath(given).catch(() => given);
  const tmp = temporaryPath(path);
  const fail = async (error: unknown): Promise<never> => {
    await rm(tmp, { force: true });
    untrackTemporary(tmp);
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : readFailureReason(error);
    throw new StaffcastError('FILE_READ', `cannot write ${file}: ${reason}`, { file });
  };
  trackTemporary(tmp);
  let stream: WriteStream;
  let direct = false;
  let oldMode: number | undefined;
  try {
    await removeStaleTemporaries(path);
    const old = await stat(path).catch(() => undefined);
    if (old?.isDirectory() === true) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    direct = old !== undefined && !old.isFile();
    oldMode = old === undefined ? undefined : old.mode & 0o7777;
    stream = await opened(createWriteStream(direct ? path : tmp, { flags: direct ? 'w' : 'wx' }));
  } catch (error) {
    return fail(error);
  }
  let streamError: unknown;
  stream.on('error', (error) => {
    streamError ??= error;
  });
  const ended = (): Promise<void> =>
    new Promise((done, reject) => {
      if (streamError !== undefined) reject(streamError);
      else stream.end(() => (streamError === undefined ? done() : reject(streamError)));
    });
  return {
    async write(text) {
      if (streamError !== undefined) return fail(streamError);
      if (stream.write(text)) return;
      await new Promise<void>((done) => {
        const settle = () => {
          stream.off('drain', settle);
          stream.off('error', settle);
          done();
        };
        stream.on('drain', settle);
        stream.on('error', settle);
      });
      if (streamError !== undefined) return fail(streamError);
    },
    async commit() {
      try {
        await ended();
        if (!direct) {
          if (oldMode !== undefined) await chmod(tmp, oldMode);
          await rename(tmp, path);
        }
        untrackTemporary(tmp);
      } catch (error) {
        return fail(error);
      }
    },
    async abort() {
      if (!stream.closed) await new Promise<void>((done) => stream.destroy().once('close', done));
      await rm(tmp, { force: true });
      untrackTemporary(tmp);
    },
  };
}

/** The stream once its file is open, or the opening error. */
function opened(stream: WriteStream): Promise<WriteStream> {
  return new Promise((done, reject) => {
    stream.once('open', () => done(stream));
    stream.once('error', reject);
  });
}
