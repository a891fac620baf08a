import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { StaffcastError } from '../errors.js';
import { assertText } from './textCheck.js';

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
 * The name messages give an input argument: `stdin` for `-`, else the name as given.
 *
 * @example
 * inputLabel('-'); // 'stdin'
 */
export function inputLabel(file: string): string {
  return file === '-' ? 'stdin' : file;
}

/**
 * Reads a whole text input (UTF-8): `-` is `stdin`, any other name a file path resolved against
 * `baseDir`. Used for JSON configs and small CSVs; large histories stream through `csvRecords`.
 * The bytes must be UTF-8 text (a BOM is kept for the parser to strip): a NUL byte or invalid
 * UTF-8 is an error naming the byte, so no parser ever quotes binary garbage. Cost O(size).
 *
 * @throws StaffcastError `FILE_READ` "cannot read <file>: <reason>", naming the file as given;
 *   `FILE_READ` "<file>: not a text CSV file (binary data at byte N: 0xNN)" (`JSON` for a `.json`
 *   name or `options.kind`).
 * @example
 * (await readTextInput('us-bank-rules.json', { baseDir: 'examples' })).slice(0, 17); // '{\n  "shiftTypes":'
 */
export async function readTextInput(
  file: string,
  options: { baseDir: string; stdin?: NodeJS.ReadableStream; kind?: string },
): Promise<string> {
  let bytes: Buffer;
  try {
    if (file === '-') {
      if (options.stdin === undefined) throw new Error('no standard input here');
      bytes = await buffer(options.stdin);
    } else {
      bytes = await readFile(isAbsolute(file) ? file : resolve(options.baseDir, file));
    }
  } catch (error) {
    throw new StaffcastError('FILE_READ', `cannot read ${file}: ${readFailureReason(error)}`, { file });
  }
  assertText(bytes, inputLabel(file), options.kind ?? (/\.json$/i.test(file) ? 'JSON' : 'CSV'));
  return bytes.toString('utf8');
}
