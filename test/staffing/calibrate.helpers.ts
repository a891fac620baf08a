import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { type CallRecordsRead, readCallRecords } from '../../src/io/callRecords.js';

/** Path of the gzipped February 1999 bank fixture (see its .md). */
export const BANK_CALLS_GZ = fileURLToPath(
  new URL('../fixtures/calls/anonymous_bank_feb1999_calls.csv.gz', import.meta.url),
);

/** Reads the whole February 1999 bank month from the fixture. */
export function readBankMonth(): Promise<CallRecordsRead> {
  return readCallRecords(createReadStream(BANK_CALLS_GZ).pipe(createGunzip()), { fileLabel: 'bank.csv' });
}
