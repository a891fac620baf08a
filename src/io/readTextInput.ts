import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { text } from 'node:stream/consumers';
import { StaffcastError } from '../errors.js';

/**
 * Why a file could not be read, in words: `no such file`, `is a directory`, `permission denied`, or
 * the system's message.
 *
 * @example
 * readFailureReason(Object.assign(new Error('x'), { code: 'ENOENT' })); // 'no such file'
 */
export function readFailureReason(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'no such file';
    if (code === 'EISDIR') return 'is a directory';
    if (code === 'EACCES') return 'permission denied';
    return error.message;
  }
  return String(error);
}

/**
 * Reads a whole text input (UTF-8): `-` is `stdin`, any other name a file path resolved against
 * `baseDir`. Used for JSON configs and small CSVs; large histories stream through `csvRecords`.
 * Cost O(size).
 *
 * @throws StaffcastError `FILE_READ` "cannot read <file>: <reason>", naming the file as given.
 * @example
 * await readTextInput('rules.json', { baseDir: '/work/examples' }); // '{ "shiftTypes": ...'
 */
export async function readTextInput(
  file: string,
  options: { baseDir: string; stdin?: NodeJS.ReadableStream },
): Promise<string> {
  try {
    if (file === '-') {
      if (options.stdin === undefined) throw new Error('no standard input here');
      return await text(options.stdin);
    }
    return await readFile(isAbsolute(file) ? file : resolve(options.baseDir, file), 'utf8');
  } catch (error) {
    throw new StaffcastError('FILE_READ', `cannot read ${file}: ${readFailureReason(error)}`, { file });
  }
}
