import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TEMPORARY_MARK } from '../../src/io/temporaryFiles.js';
import { writeFilesAtomically } from '../../src/io/writeFilesAtomically.js';
import { deadPid, freshDir, removeFreshDirs } from './tempDir.js';

afterAll(removeFreshDirs);

describe('writeFilesAtomically', () => {
  it('creates the folder with every file and leaves nothing beside it', async () => {
    const d = freshDir('folder');
    await writeFilesAtomically(join(d, 'out'), { 'a.csv': 'A', 'b.json': 'B' });
    expect(readdirSync(d)).toEqual(['out']);
    expect(readdirSync(join(d, 'out')).sort()).toEqual(['a.csv', 'b.json']);
    expect(readFileSync(join(d, 'out', 'b.json'), 'utf8')).toBe('B');
  });

  it('replaces the named files of an existing folder and keeps its other entries', async () => {
    const d = freshDir('folder');
    mkdirSync(join(d, 'out'));
    writeFileSync(join(d, 'out', 'a.csv'), 'old A');
    writeFileSync(join(d, 'out', 'notes.txt'), 'mine');
    await writeFilesAtomically(join(d, 'out'), { 'a.csv': 'A', 'b.json': 'B' });
    expect(readdirSync(d)).toEqual(['out']);
    expect(readdirSync(join(d, 'out')).sort()).toEqual(['a.csv', 'b.json', 'notes.txt']);
    expect(readFileSync(join(d, 'out', 'a.csv'), 'utf8')).toBe('A');
    expect(readFileSync(join(d, 'out', 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('leaves an existing folder exactly as it was, and nothing beside it, when a write fails midway', async () => {
    const d = freshDir('folder');
    mkdirSync(join(d, 'out'));
    writeFileSync(join(d, 'out', 'a.csv'), 'old A');
    // the second file cannot be written (its folder does not exist) after the first one was
    await expect(
      writeFilesAtomically(join(d, 'out'), { 'a.csv': 'A', 'missing/b.json': 'B' }),
    ).rejects.toMatchObject({ code: 'FILE_READ', message: `${join(d, 'out')}: cannot write (no such file)` });
    expect(readdirSync(d)).toEqual(['out']);
    expect(readdirSync(join(d, 'out'))).toEqual(['a.csv']);
    expect(readFileSync(join(d, 'out', 'a.csv'), 'utf8')).toBe('old A');
  });

  it('replaces nothing when one of the names is a folder in the existing output', async () => {
    const d = freshDir('folder');
    mkdirSync(join(d, 'out', 'b.json'), { recursive: true });
    writeFileSync(join(d, 'out', 'a.csv'), 'old A');
    await expect(writeFilesAtomically(join(d, 'out'), { 'a.csv': 'A', 'b.json': 'B' })).rejects.toThrow(
      'cannot write (b.json is a folder)',
    );
    expect(readFileSync(join(d, 'out', 'a.csv'), 'utf8')).toBe('old A');
    expect(readdirSync(d)).toEqual(['out']);
  });

  it('fails when the output path is a file, leaving it and nothing beside it', async () => {
    const d = freshDir('folder');
    writeFileSync(join(d, 'out'), 'a file');
    await expect(writeFilesAtomically(join(d, 'out'), { 'a.csv': 'A' })).rejects.toThrow(
      'cannot write (exists and is not a folder)',
    );
    expect(readdirSync(d)).toEqual(['out']);
    expect(readFileSync(join(d, 'out'), 'utf8')).toBe('a file');
  });

  it('removes the temporary folder a killed run left beside the output, not one of a live run', async () => {
    const d = freshDir('folder');
    const stale = `.out${TEMPORARY_MARK}${deadPid()}-0123456789ab`;
    const live = `.out${TEMPORARY_MARK}${process.pid}-0123456789ab`;
    mkdirSync(join(d, stale));
    writeFileSync(join(d, stale, 'forecast.csv'), 'half');
    mkdirSync(join(d, live));
    await writeFilesAtomically(join(d, 'out'), { 'a.csv': 'A' });
    expect(readdirSync(d).sort()).toEqual([live, 'out'].sort());
  });
});
