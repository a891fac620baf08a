import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exampleProgram, runExample } from './exampleProgram.js';
import { allExamples, type DocExample, exampleId } from './extractExamples.js';
import { PENDING } from './pending.js';

// Every `@example` in the doc comments of src/**/*.ts runs here as a test: each `expression; // result`
// line is checked (rules in ./expected.ts and ./exampleProgram.ts). An example marked
// `// (not run: reason)` is listed, not run; a block that does not parse, or has no checked line, fails.

const root = fileURLToPath(new URL('../../', import.meta.url));
const examples = allExamples(root);

const modules = new Map<string, Promise<Record<string, unknown>>>();
function load(file: string): Promise<Record<string, unknown>> {
  let m = modules.get(file);
  if (m === undefined) {
    m = import(/* @vite-ignore */ `${root}${file}`) as Promise<Record<string, unknown>>;
    modules.set(file, m);
  }
  return m;
}

/**
 * `import { x } from 'staffcast'` in an example reads the public API, `'./dayTable.js'` the module beside
 * the example's file (as the file itself would import it); other specifiers load as usual.
 */
function importForExample(example: DocExample): (specifier: string) => Promise<unknown> {
  return (specifier) => {
    if (specifier === 'staffcast') return load('src/index.ts');
    if (specifier.startsWith('.')) {
      const target = posix.join(posix.dirname(example.file), specifier).replace(/\.js$/, '.ts');
      return load(target);
    }
    return import(/* @vite-ignore */ specifier);
  };
}

/** Every export of src/index.ts, then every export of the example's own module (which wins). */
async function scopeFor(example: DocExample): Promise<Record<string, unknown>> {
  return { ...(await load('src/index.ts')), ...(await load(example.file)) };
}

function title(example: DocExample, all: DocExample[]): string {
  const nth = / #\d+$/.exec(exampleId(example, all))?.[0] ?? '';
  return `${example.symbol} example${nth} in ${example.file}:${example.line}`;
}

/** Runs one example; throws when it does not parse, a statement throws, or a check fails. */
async function check(ex: DocExample): Promise<void> {
  const program = exampleProgram(ex);
  if (program.kind === 'not-run') {
    // listed in the count above; the marker's reason must say something
    expect(program.reason.trim().length).toBeGreaterThan(0);
    return;
  }
  const failures = await runExample(program, await scopeFor(ex), importForExample(ex));
  expect(failures.join('\n')).toBe('');
}

const notRun: string[] = [];
for (const ex of examples) {
  try {
    const p = exampleProgram(ex);
    if (p.kind === 'not-run') notRun.push(`${ex.file}:${ex.line} ${ex.symbol}: ${p.reason}`);
  } catch {
    // reported by the example's own test
  }
}

describe('doc examples', () => {
  it('are found in src/**/*.ts (the extractor sees the examples)', () => {
    expect(examples.length).toBeGreaterThan(300);
  });

  it(`are almost all run: ${notRun.length} of ${examples.length} marked "not run" (under 10%)`, () => {
    expect(notRun.length).toBeLessThan(examples.length / 10);
  });

  const ids = new Set(examples.map((ex) => exampleId(ex, examples)));
  it(`pending list (${PENDING.length} examples still to rewrite) names only existing examples`, () => {
    expect(PENDING.filter((id) => !ids.has(id))).toEqual([]);
  });

  for (const ex of examples) {
    const id = exampleId(ex, examples);
    if (PENDING.includes(id)) {
      // an example still to rewrite must fail: once it runs, it leaves the list
      it.fails(`${title(ex, examples)} (pending: still to rewrite as runnable)`, () => check(ex));
    } else {
      it(title(ex, examples), () => check(ex));
    }
  }
});
