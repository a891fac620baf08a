import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the package's CommonJS entry beside a stand-in `dist/index.js` (an ES module). */
function packageWith(distIndex: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'staffcast-entry-'));
  made.push(dir);
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  copyFileSync(join(root, 'index.cjs'), join(dir, 'index.cjs'));
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'dist', 'index.js'), distIndex);
  return join(dir, 'index.cjs');
}

describe('package entry points', () => {
  it('exports the ES module to import and the CommonJS entry to require, and packs both', () => {
    expect(pkg.exports['.']).toEqual({
      types: './dist/index.d.ts',
      import: './dist/index.js',
      require: './index.cjs',
      default: './dist/index.js',
    });
    expect(pkg.files).toEqual(expect.arrayContaining(['dist', 'index.cjs']));
  });

  it('require() gives the ES module itself (require(esm), Node >= 20.19)', () => {
    const entry = packageWith('export function requiredAgents() { return 14; }\n');
    const m = createRequire(import.meta.url)(entry) as { requiredAgents: () => number };
    expect(m.requiredAgents()).toBe(14);
  });

  it('says to use import() when require() cannot load the ES module', () => {
    // top-level await is what makes require(esm) fail (ERR_REQUIRE_ASYNC_MODULE)
    const entry = packageWith('await Promise.resolve();\nexport const x = 1;\n');
    expect(() => createRequire(import.meta.url)(entry)).toThrow(
      /^staffcast is an ES module and this Node \(v[\d.]+\) cannot require\(\) it: use `await import\('staffcast'\)`/,
    );
  });
});
