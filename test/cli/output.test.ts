import { linkSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/context.js';
import { writeOutput } from '../../src/cli/output.js';
import { freshDir, removeFreshDirs } from '../io/tempDir.js';

afterAll(removeFreshDirs);

function context(cwd: string): CliContext & { out: () => string } {
  let out = '';
  return {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: () => true },
    stdin: Readable.from([]),
    cwd,
    env: {},
    stderrIsTTY: false,
    out: () => out,
  };
}

describe('writeOutput (-o)', () => {
  it('prints the data on stdout without a file', async () => {
    const ctx = context(freshDir('output'));
    await writeOutput(ctx, undefined, 'a,b\n');
    expect(ctx.out()).toBe('a,b\n');
  });

  it('replaces an existing -o file whole (renamed into place, never emptied first), leaving no temporary file', async () => {
    const dir = freshDir('output');
    const ctx = context(dir);
    writeFileSync(join(dir, 'forecast.csv'), 'old run\n');
    linkSync(join(dir, 'forecast.csv'), join(dir, 'reader.csv')); // a reader holding the old file
    await writeOutput(ctx, 'forecast.csv', 'new run\n');
    expect(readFileSync(join(dir, 'forecast.csv'), 'utf8')).toBe('new run\n');
    expect(readFileSync(join(dir, 'reader.csv'), 'utf8')).toBe('old run\n');
    expect(readdirSync(dir).sort()).toEqual(['forecast.csv', 'reader.csv']);
    expect(ctx.out()).toBe('');
  });
});
