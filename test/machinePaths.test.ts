import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SKIP = new Set(['node_modules', 'dist', '.git', 'coverage', 'docs-api']);
const TEXT = /\.(ts|js|mjs|cjs|json|md|sh|txt|yml|yaml|html)$/;

function* textFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* textFiles(path);
    else if (TEXT.test(entry.name) && entry.name !== 'package-lock.json') yield path;
  }
}

describe('repository text', () => {
  it('names no absolute path of the development machine (shared material is ../shared/...)', () => {
    const offenders: string[] = [];
    for (const file of textFiles(ROOT)) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/(^|[\s'"`(=])\/(work|home)\//.test(line)) offenders.push(`${relative(ROOT, file)}:${i + 1}`);
        });
    }
    expect(offenders).toEqual([]);
  });
});
