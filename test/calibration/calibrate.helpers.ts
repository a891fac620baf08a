import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { type CallRecordsRead, readCallRecords } from '../../src/io/callRecords.js';

/** Path of the gzipped February 1999 bank fixture (see its .md). */
export const BANK_CALLS_GZ = fileURLToPath(
  new URL('../fixtures/calls/anonymous_bank_feb1999_calls.csv.gz', import.meta.url),
);

let month: Promise<CallRecordsRead> | undefined;

/**
 * Reads the whole February 1999 bank month from the fixture, once per test file (the records are
 * only read by the calibration, never changed).
 */
export function readBankMonth(): Promise<CallRecordsRead> {
  month ??= readCallRecords(createReadStream(BANK_CALLS_GZ).pipe(createGunzip()), { fileLabel: 'bank.csv' });
  return month;
}
