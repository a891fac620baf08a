import ts from 'typescript';
import { compare, EXPECTED_HELPERS, type Expected, parseExpected } from './expected.js';
import type { DocExample } from './extractExamples.js';

/** One checked statement: an expression and the result its comment states. */
export interface ExampleCheck {
  /** 1-based source line of the comment (in the file the example is in). */
  line: number;
  /** The expression as written. */
  expression: string;
  /** The comment text, continuation lines joined. */
  comment: string;
  expected: Expected;
}

/** An example turned into a program: JavaScript to run, and the checks it reports to. */
export type ExampleProgram =
  | { kind: 'not-run'; reason: string }
  | { kind: 'run'; checks: ExampleCheck[]; javascript: string };

/** The marker line of an example that is not run: `// (not run: needs a file)`. */
export const NOT_RUN = /^\/\/\s*\(not run: ([^)]+)\)\s*$/;

/**
 * Turns an example into a program. Every expression statement followed by a `//` comment on its last line
 * (continued by comment lines indented with `//  `), or with no comment on its line but comment lines
 * directly below it, is a check; other statements (declarations, expressions without a comment) run as
 * written. Comments before a statement describe it. Throws with a reason when the example does not parse,
 * has no check, or a result comment is not a value (the test then fails).
 */
export function exampleProgram(example: DocExample): ExampleProgram {
  for (const line of example.lines) {
    const m = NOT_RUN.exec(line.trim());
    if (m !== null) return { kind: 'not-run', reason: m[1] ?? '' };
  }
  const code = example.lines.join('\n');
  const source = ts.createSourceFile('example.ts', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const diagnostics = (source as unknown as { parseDiagnostics: ts.DiagnosticWithLocation[] })
    .parseDiagnostics;
  if (diagnostics.length > 0) {
    const d = diagnostics[0];
    const at = d === undefined ? 0 : source.getLineAndCharacterOfPosition(d.start).line;
    throw new Error(
      `example does not parse at line ${example.lineNumbers[at] ?? example.line}: ${ts.flattenDiagnosticMessageText(d?.messageText ?? '', ' ')}`,
    );
  }
  const lines = example.lines;
  const lineOf = (pos: number): number => source.getLineAndCharacterOfPosition(pos).line;
  const isCommentLine = (k: number): boolean => (lines[k] ?? '').trim().startsWith('//');
  const commentText = (k: number): string => (lines[k] ?? '').trim().replace(/^\/\/ ?/, '');

  const checks: ExampleCheck[] = [];
  const edits: { start: number; end: number; text: string }[] = [];
  const statements = source.statements;
  statements.forEach((stmt, index) => {
    if (ts.isImportDeclaration(stmt)) {
      // `import { a, b as c } from 'x'` -> `const { a, b: c } = await __import('x')`
      const bindings = stmt.importClause?.namedBindings;
      if (bindings === undefined || !ts.isNamedImports(bindings) || stmt.importClause?.name !== undefined)
        throw new Error(
          `line ${example.lineNumbers[lineOf(stmt.getStart(source))]}: only named imports are supported`,
        );
      const names = bindings.elements.map((el) =>
        el.propertyName === undefined ? el.name.text : `${el.propertyName.getText(source)}: ${el.name.text}`,
      );
      edits.push({
        start: stmt.getStart(source),
        end: stmt.end,
        text: `const { ${names.join(', ')} } = await __import(${stmt.moduleSpecifier.getText(source)});`,
      });
      return;
    }
    if (!ts.isExpressionStatement(stmt)) return;
    const endLine = lineOf(stmt.end);
    const next = statements[index + 1];
    if (next !== undefined && lineOf(next.getStart(source)) === endLine) return; // not last on its line
    const trailing = ts.getTrailingCommentRanges(code, stmt.end) ?? [];
    const single = trailing.find((c) => c.kind === ts.SyntaxKind.SingleLineCommentTrivia);
    const parts: string[] = [];
    let commentLine: number;
    let k = endLine + 1;
    if (single !== undefined) {
      parts.push(code.slice(single.pos + 2, single.end).trim());
      commentLine = endLine;
      // continuation: comment lines indented by at least two spaces after `//`
      while (k < lines.length && isCommentLine(k) && /^\/\/ {2,}\S/.test((lines[k] ?? '').trim())) {
        parts.push(commentText(k).trim());
        k++;
      }
    } else {
      commentLine = k;
      while (k < lines.length && isCommentLine(k)) {
        parts.push(commentText(k).trim());
        k++;
      }
      if (parts.length === 0) return;
    }
    const comment = parts.join(' ');
    let expected: Expected;
    try {
      expected = parseExpected(comment);
    } catch (e) {
      throw new Error(
        `line ${example.lineNumbers[commentLine] ?? example.line}: ${(e as Error).message} (in "// ${comment}")`,
      );
    }
    const n = checks.length;
    checks.push({
      line: example.lineNumbers[commentLine] ?? example.line,
      expression: stmt.expression.getText(source),
      comment,
      expected,
    });
    edits.push({
      start: stmt.getStart(source),
      end: stmt.end,
      // the expected value is built where the expression runs, so it may name the example's variables
      text:
        expected.kind === 'value'
          ? `await __check(${n}, async () => (${stmt.expression.getText(source)}), () => (${expected.source}));`
          : `await __check(${n}, async () => (${stmt.expression.getText(source)}));`,
    });
  });
  if (checks.length === 0)
    throw new Error(
      'example has no checked statement (write `expression; // result`, or mark it `// (not run: reason)`)',
    );
  let instrumented = code;
  for (const e of [...edits].reverse())
    instrumented = instrumented.slice(0, e.start) + e.text + instrumented.slice(e.end);
  const javascript = ts.transpileModule(instrumented, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, sourceMap: false },
    reportDiagnostics: false,
  }).outputText;
  return { kind: 'run', checks, javascript };
}

/** The outcome of one check: `undefined` when it held, else what went wrong. */
async function runCheck(
  check: ExampleCheck,
  thunk: () => Promise<unknown>,
  expectedThunk: (() => unknown) | undefined,
): Promise<string | undefined> {
  const where = `line ${check.line}: ${check.expression}`;
  const e = check.expected;
  if (e.kind === 'throws') {
    try {
      const value = await thunk();
      return `${where}: expected a throw, returned ${String(value)}`;
    } catch (err) {
      const error = err as { code?: unknown; message?: unknown };
      if (e.code !== undefined && error.code !== e.code)
        return `${where}: expected code ${e.code}, got ${String(error.code)} (${String(error.message)})`;
      if (e.message !== undefined) {
        const message = String(error.message);
        const ok = e.messagePrefix === true ? message.startsWith(e.message) : message === e.message;
        if (!ok)
          return `${where}: expected message ${JSON.stringify(e.message)}, got ${JSON.stringify(message)}`;
      }
      return undefined;
    }
  }
  const actual = await thunk();
  let expected: unknown;
  try {
    if (expectedThunk === undefined) throw new Error('no expected value');
    expected = expectedThunk();
  } catch (err) {
    return `${where}: the result comment "${check.comment}" does not evaluate: ${(err as Error).message}`;
  }
  const mode =
    e.tolerance === undefined
      ? { approximate: e.approximate }
      : { approximate: e.approximate, tolerance: e.tolerance };
  const d = compare(actual, expected, mode);
  return d === undefined ? undefined : `${where}: ${d} (comment: ${check.comment})`;
}

/**
 * Runs a program with every name of `scope` in scope. Returns the failed checks (empty when all held);
 * an exception outside a check (a statement that throws, a name not in scope) is thrown.
 */
export async function runExample(
  program: Extract<ExampleProgram, { kind: 'run' }>,
  scope: Record<string, unknown>,
  importModule: (specifier: string) => Promise<unknown>,
): Promise<string[]> {
  const failures: string[] = [];
  let ran = 0;
  const check = async (n: number, thunk: () => Promise<unknown>, expected?: () => unknown): Promise<void> => {
    const c = program.checks[n];
    if (c === undefined) throw new Error(`no check ${n}`);
    ran++;
    const f = await runCheck(c, thunk, expected);
    if (f !== undefined) failures.push(f);
  };
  const helpers = { ...EXPECTED_HELPERS, __check: check, __import: importModule };
  const names = Object.keys(scope).filter((k) => !(k in helpers));
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
    ...args: string[]
  ) => (...values: unknown[]) => Promise<void>;
  // the body is a block so the example may declare a name that is also an export
  const run = new AsyncFunction(...names, ...Object.keys(helpers), `{\n${program.javascript}\n}`);
  await run(...names.map((k) => scope[k]), ...Object.values(helpers));
  if (ran !== program.checks.length)
    failures.push(`only ${ran} of ${program.checks.length} checks ran (a loop or branch skipped some)`);
  return failures;
}
