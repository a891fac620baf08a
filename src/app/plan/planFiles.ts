import { isAbsolute, resolve } from 'node:path';
import { StaffcastError } from '../../errors.js';
import { readTextInput } from '../../io/readTextInput.js';

/**
 * Resolves a path of a plan config against the config's folder (absolute paths stay as they are).
 *
 * @example
 * resolvePlanPath('/srv/staffcast/examples', '../data/h.csv'); // '/srv/staffcast/data/h.csv'
 */
export function resolvePlanPath(baseDir: string, file: string): string {
  return isAbsolute(file) ? file : resolve(baseDir, file);
}

/**
 * Reads a text file named by a plan config (rules JSON, special days CSV). Cost O(size).
 *
 * @throws StaffcastError `FILE_READ` naming the file as written in the config.
 * @example
 * (await readPlanText('examples', 'us-bank-rules.json')).slice(0, 17); // '{\n  "shiftTypes":'
 */
export function readPlanText(baseDir: string, file: string): Promise<string> {
  return readTextInput(file, { baseDir });
}

/**
 * Reads and parses a JSON file named by a plan config (the shift rules).
 *
 * @throws StaffcastError `FILE_READ` when it cannot be read, `CONFIG` when it is not valid JSON.
 * @example
 * Object.keys(await readPlanJson('examples', 'us-bank-rules.json')); // ['shiftTypes', 'openingHours', ...]
 */
export async function readPlanJson(baseDir: string, file: string): Promise<unknown> {
  const text = await readPlanText(baseDir, file);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new StaffcastError('CONFIG', `${file}: not valid JSON: ${(error as Error).message}`, { file });
  }
}

/**
 * Runs `read` (a read of a file the config names) and prefixes a `FILE_READ` error's message
 * with the config's name and the key that named the file, so the user knows where to look:
 * `plan.json: history.file: cannot read data/x.csv: no such file`. Other errors pass unchanged.
 *
 * @throws StaffcastError `FILE_READ` with the prefixed message (details gain `key`); whatever
 *   else `read` throws.
 * @example
 * await withConfigKey('plan.json', 'history.file', () => readPlanText('/w', 'x.csv'));
 * // throws FILE_READ 'plan.json: history.file: cannot read x.csv: no such file'
 */
export async function withConfigKey<T>(source: string, key: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof StaffcastError && error.code === 'FILE_READ')
      throw new StaffcastError('FILE_READ', `${source}: ${key}: ${error.message}`, { ...error.details, key });
    throw error;
  }
}
