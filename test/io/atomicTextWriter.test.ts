import { chmodSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openAtomicTextWriter } from '../../src/io/atomicTextWriter.js';
import { TEMPORARY_MARK } from '../../src/io/temporaryFiles.js';
import { deadPid, freshDir, removeFreshDirs } from './tempDir.js';

const dir = (): string => freshDir('atomic-writer');
afterAll(removeFreshDirs);

describe('openAtomicTextWriter', () => {
  it('writes the pieces to a temporary file that replaces the old one only on commit', async () => {
    const d = dir();
    writeFileSync(join(d, 'out.csv'), 'old\n');
    linkSync(join(d, 'out.csv'), join(d, 'old-link.csv'));
    const out = await openAtomicTextWriter('out.csv', { baseDir: d });
    await out.write('a,b\n');
    await out.write('1,2\n'.repeat(50_000)); // beyond the stream's buffer: backpressure
    expect(readFileSync(join(d, 'out.csv'), 'utf8')).toBe('old\n');
    expect(readdirSync(d).filter((name) => name.includes(TEMPORARY_MARK))).toHaveLength(1);
    await out.commit();
    expect(readFileSync(join(d, 'out.csv'), 'utf8')).toBe(`a,b\n${'1,2\n'.repeat(50_000)}`);
    expect(readFileSync(join(d, 'old-link.csv'), 'utf8')).toBe('old\n');
    expect(readdirSync(d).sort()).toEqual(['old-link.csv', 'out.csv']);
  });

  it('leaves the old file and no temporary file when aborted', async () => {
    const d = dir();
    writeFileSync(join(d, 'out.csv'), 'old\n');
    const out = await openAtomicTextWriter(join(d, 'out.csv'), { baseDir: '/' });
    await out.write('half');
    await out.abort();
    expect(readFileSync(join(d, 'out.csv'), 'utf8')).toBe('old\n');
    expect(readdirSync(d)).toEqual(['out.csv']);
  });

  it('keeps the permission bits of the file it replaces', async () => {
    const d = dir();
    writeFileSync(join(d, 'out.csv'), 'old\n');
    chmodSync(join(d, 'out.csv'), 0o640);
    const out = await openAtomicTextWriter('out.csv', { baseDir: d });
    await out.write('new\n');
    await out.commit();
    expect(statSync(join(d, 'out.csv')).mode & 0o777).toBe(0o640);
  });

  it('writes into a device as it is (-o /dev/null)', async () => {
    const out = await openAtomicTextWriter('/dev/null', { baseDir: '/' });
    await out.write('discarded\n');
    await out.commit();
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(readdirSync('/dev').filter((name) => name.includes(TEMPORARY_MARK))).toEqual([]);
  });

  it('fails with FILE_READ naming the file when its folder does not exist or it is a folder', async () => {
    const d = dir();
    await expect(openAtomicTextWriter('no/out.csv', { baseDir: d })).rejects.toMatchObject({
      code: 'FILE_READ',
      message: 'cannot write no/out.csv: no such folder',
    });
    mkdirSync(join(d, 'out.csv'));
    await expect(openAtomicTextWriter('out.csv', { baseDir: d })).rejects.toThrow(
      'cannot write out.csv: is a directory',
    );
    expect(readdirSync(d)).toEqual(['out.csv']);
  });

  it('removes the temporary file a killed run left beside the file, not one of a live run', async () => {
    const d = dir();
    const stale = `.out.csv${TEMPORARY_MARK}${deadPid()}-0123456789ab`;
    const live = `.out.csv${TEMPORARY_MARK}${process.pid}-0123456789ab`;
    writeFileSync(join(d, stale), 'half');
    writeFileSync(join(d, live), 'being written');
    const out = await openAtomicTextWriter('out.csv', { baseDir: d });
    await out.commit();
    expect(readdirSync(d).sort()).toEqual([live, 'out.csv'].sort());
  });
});
