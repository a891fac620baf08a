import { writeFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { StaffcastError } from '../errors.js';
import { readFailureReason } from './readTextInput.js';

/**
 * Writes a whole text file (UTF-8), the path resolved against `baseDir`. Cost O(size).
 *
 * @throws StaffcastError `FILE_READ` "cannot write <file>: <reason>", naming the file as given.
 * @example
 * await writeTextFile('forecast.csv', csv, { baseDir: process.cwd() }); // the file now holds csv
 */
export async function writeTextFile(file: string, text: string, options: { baseDir: string }): Promise<void> {
  try {
    await writeFile(isAbsolute(file) ? file : resolve(options.baseDir, file), text);
  } catch (error) {
    throw new StaffcastError('FILE_READ', `cannot write ${file}: ${readFailureReason(error)}`, { file });
  }
}
