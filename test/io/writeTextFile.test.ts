import { chmodSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TEMPORARY_MARK } from '../../src/io/temporaryFiles.js';
import { writeTextFile } from '../../src/io/writeTextFile.js';
import { deadPid, freshDir, removeFreshDirs } from './tempDir.js';

const dir = (): string => freshDir('write');
afterAll(removeFreshDirs);

describe('writeTextFile', () => {
  it('writes a new file relative to baseDir and leaves no temporary file', async () => {
    const d = dir();
    await writeTextFile('out.csv', 'a,b\n1,2\n', { baseDir: d });
    expect(readFileSync(join(d, 'out.csv'), 'utf8')).toBe('a,b\n1,2\n');
    expect(readdirSync(d)).toEqual(['out.csv']);
  });

  it('replaces an existing file by a rename, never rewriting the old file in place', async () => {
    const d = dir();
    writeFileSync(join(d, 'out.csv'), 'old\n');
    linkSync(join(d, 'out.csv'), join(d, 'old-link.csv')); // a second name of the old file's data
    await writeTextFile('out.csv', 'new\n', { baseDir: d });
    expect(readFileSync(join(d, 'out.csv'), 'utf8')).toBe('new\n');
    // had the old file been truncated and rewritten, its other name would show the new text
    expect(readFileSync(join(d, 'old-link.csv'), 'utf8')).toBe('old\n');
    expect(readdirSync(d).sort()).toEqual(['old-link.csv', 'out.csv']);
  });

  it('keeps the permission bits of the file it replaces', async () => {
    const d = dir();
    writeFileSync(join(d, 'out.csv'), 'old\n');
    chmodSync(join(d, 'out.csv'), 0o640);
    await writeTextFile(join(d, 'out.csv'), 'new\n', { baseDir: '/' });
    expect(statSync(join(d, 'out.csv')).mode & 0o777).toBe(0o640);
  });

  it('writes into a device as it is, never replacing it (-o /dev/null)', async () => {
    await writeTextFile('/dev/null', 'discarded\n', { baseDir: '/' });
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(readdirSync('/dev').filter((name) => name.includes(TEMPORARY_MARK))).toEqual([]);
  });

  it('fails with FILE_READ naming the file when its folder does not exist, leaving nothing', async () => {
    const d = dir();
    await expect(writeTextFile('no/out.csv', 'x', { baseDir: d })).rejects.toMatchObject({
      code: 'FILE_READ',
      message: 'cannot write no/out.csv: no such folder',
    });
    expect(readdirSync(d)).toEqual([]);
  });

  it('fails when the path is a folder, which stays as it was, with no temporary file', async () => {
    const d = dir();
    mkdirSync(join(d, 'out.csv'));
    writeFileSync(join(d, 'out.csv', 'inside'), 'kept');
    await expect(writeTextFile('out.csv', 'x', { baseDir: d })).rejects.toThrow(
      'cannot write out.csv: is a directory',
    );
    expect(readdirSync(d)).toEqual(['out.csv']);
    expect(readFileSync(join(d, 'out.csv', 'inside'), 'utf8')).toBe('kept');
  });

  it('removes the temporary file a killed run left beside the file, not one of a live run', async () => {
    const d = dir();
    const stale = `.out.csv${TEMPORARY_MARK}${deadPid()}-0123456789ab`;
    const live = `.out.csv${TEMPORARY_MARK}${process.pid}-0123456789ab`;
    writeFileSync(join(d, stale), 'half');
    writeFileSync(join(d, live), 'being written');
    await writeTextFile('out.csv', 'x', { baseDir: d });
    expect(readdirSync(d).sort()).toEqual([live, 'out.csv'].sort());
  });
});
