import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { StaffcastError } from '../errors.js';

/** Where the use cases find a file argument: the folder relative names resolve against, and stdin. */
export interface InputFileOptions {
  /** Folder relative file names are resolved against (the CLI's working directory). */
  baseDir: string;
  /** Standard input, read when the file argument is `-`. */
  stdin?: Readable;
}

/**
 * A file argument as the streaming readers (`readHistoryCsv`, `readCallRecords`,
 * `aggregateRecords`) take it: `-` is `options.stdin`, any other name a path resolved against
 * `options.baseDir`. Messages name it with `inputLabel(file)` (`stdin` for `-`).
 *
 * @throws StaffcastError `FILE_READ` "cannot read -: no standard input here" for `-` without `stdin`.
 * @example
 * inputSource('h.csv', { baseDir: '/data' }); // '/data/h.csv'
 */
export function inputSource(file: string, options: InputFileOptions): Readable | string {
  if (file !== '-') return resolve(options.baseDir, file);
  if (options.stdin === undefined) {
    throw new StaffcastError('FILE_READ', 'cannot read -: no standard input here', { file });
  }
  return options.stdin;
}
