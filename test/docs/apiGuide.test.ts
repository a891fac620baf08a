import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const guide = readFileSync(join(root, 'docs', 'api-guide.md'), 'utf8');
const api = pathToFileURL(join(root, 'src', 'index.ts')).href;
const work = mkdtempSync(join(tmpdir(), 'staffcast-guide-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Snippet {
  /** The `##` heading the snippet is under. */
  heading: string;
  code: string;
  /** The `text` block that follows it: what it prints. */
  output: string;
}

/** Every ```ts block of the guide with the ```text block right after it. */
function snippets(markdown: string): Snippet[] {
  const found: Snippet[] = [];
  const block = /^## (.+)$|^```(\w+)\n([\s\S]*?)^```$/gm;
  let heading = '';
  let pending: string | undefined;
  for (const m of markdown.matchAll(block)) {
    if (m[1] !== undefined) {
      heading = m[1];
      pending = undefined;
    } else if (m[2] === 'ts') {
      if (pending !== undefined)
        throw new Error(`api-guide.md: "${heading}" has a ts block with no output block`);
      pending = m[3]!;
    } else if (m[2] === 'text' && pending !== undefined) {
      found.push({ heading, code: pending, output: m[3]! });
      pending = undefined;
    }
  }
  if (pending !== undefined)
    throw new Error(`api-guide.md: "${heading}" has a ts block with no output block`);
  return found;
}

/** Runs a snippet as a user would (`npx tsx guide.ts` from the repository root), against src/. */
function run(code: string, name: string): { status: number | null; stdout: string; stderr: string } {
  const file = join(work, `${name}.mts`);
  writeFileSync(file, code.replaceAll("from 'staffcast'", `from '${api}'`));
  const r = spawnSync(process.execPath, ['--import', 'tsx', file], {
    cwd: root,
    encoding: 'utf8',
    timeout: 280_000,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The compiler's messages for the snippets, each importing `src/index.ts` where it says
 * 'staffcast', with the repository's strict options (what a user's strict project sees).
 */
function typeErrors(codes: readonly string[]): string {
  const barrel = join(root, 'src', 'index.js');
  const files = codes.map((code, i) => {
    const file = join(work, `check${i + 1}.mts`);
    writeFileSync(file, code.replaceAll("from 'staffcast'", `from '${barrel}'`));
    return file;
  });
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2023.d.ts'],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    verbatimModuleSyntax: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
    typeRoots: [join(root, 'node_modules', '@types')],
  });
  const diagnostics = files.flatMap((file) => {
    const source = program.getSourceFile(file)!;
    return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
  });
  return ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => root,
    getNewLine: () => '\n',
  });
}

const all = snippets(guide);

describe('docs/api-guide.md', () => {
  it('has the five sections, each with a snippet and its output', () => {
    expect(all.map((s) => s.heading)).toEqual([
      '1. Agents for a service-level target (Erlang C and Erlang A)',
      '2. Forecast a history CSV',
      '3. Staff a forecast',
      '4. Schedule a requirement',
      '5. Run a plan and compare scenarios',
    ]);
    for (const s of all) expect(s.code).toMatch(/from 'staffcast';/);
  });

  it('every snippet type-checks against the public API with strict options', () => {
    expect(typeErrors(all.map((s) => s.code))).toBe('');
  }, 120_000);

  it.each(all.map((s, i) => [s.heading, i] as const))(
    '"%s" prints exactly the output shown',
    (_, i) => {
      const s = all[i]!;
      const r = run(s.code, `snippet${i + 1}`);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(s.output);
    },
    300_000,
  );
});
