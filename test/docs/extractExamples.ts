import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

/** One `@example` block of a doc comment, as written in the source. */
export interface DocExample {
  /** Path relative to the repository root, with `/` separators (`src/queueing/erlangC.ts`). */
  file: string;
  /** The documented symbol: `erlangC`, `ProblemList.add`, or `(file)` for a file comment. */
  symbol: string;
  /** 1-based line of the `@example` tag in `file`. */
  line: number;
  /** The example's lines with the leading ` * ` removed. */
  lines: string[];
  /** The 1-based source line of each entry of `lines`. */
  lineNumbers: number[];
}

/** Every `.ts` file under `dir` (recursive, sorted), as repository-relative paths with `/`. */
export function sourceFiles(root: string, dir = 'src'): string[] {
  const entries = readdirSync(join(root, dir), { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** The name a doc comment documents: the declaration it is attached to, `Parent.member` for members. */
function symbolName(node: ts.Node): string {
  const own = (n: ts.Node): string | undefined => {
    if (ts.isVariableStatement(n)) {
      const names = n.declarationList.declarations.map((d) => d.name.getText());
      return names.join(', ');
    }
    const name = (n as { name?: ts.Node }).name;
    if (name !== undefined) return name.getText();
    if (ts.isConstructorDeclaration(n)) return 'constructor';
    return undefined;
  };
  const base = own(node) ?? '(file)';
  let parent: ts.Node | undefined = node.parent;
  while (parent !== undefined && !ts.isSourceFile(parent)) {
    if (
      ts.isClassDeclaration(parent) ||
      ts.isInterfaceDeclaration(parent) ||
      ts.isModuleDeclaration(parent) ||
      ts.isEnumDeclaration(parent)
    ) {
      const p = own(parent);
      if (p !== undefined) return `${p}.${base}`;
    }
    parent = parent.parent;
  }
  return base;
}

/**
 * Every `@example` block in the doc comments (`/** ... *\/` attached to a declaration, found with the
 * TypeScript parser) of one file. A block runs from the `@example` tag to the next line that starts
 * with a tag (`@throws` ...) or to the end of the comment; text on the tag's own line is ignored
 * (it is a caption).
 */
export function extractExamples(file: string, text: string): DocExample[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const seen = new Set<number>();
  const out: DocExample[] = [];
  const visit = (node: ts.Node): void => {
    const docs = (node as { jsDoc?: ts.JSDoc[] }).jsDoc ?? [];
    for (const doc of docs) {
      if (seen.has(doc.pos)) continue;
      seen.add(doc.pos);
      out.push(...examplesOfComment(file, text, doc.pos, doc.end, symbolName(node)));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out.sort((a, b) => a.line - b.line);
}

function examplesOfComment(
  file: string,
  text: string,
  pos: number,
  end: number,
  symbol: string,
): DocExample[] {
  const raw = text.slice(pos, end);
  const firstLine = text.slice(0, pos).split('\n').length;
  const lines = raw.split('\n').map((l) =>
    l
      .replace(/^\s*\/\*\*\s?/, '')
      .replace(/\s*\*\/\s*$/, '')
      .replace(/^\s*\* ?/, ''),
  );
  const out: DocExample[] = [];
  let current: DocExample | undefined;
  lines.forEach((line, i) => {
    const tag = /^@(\w+)/.exec(line.trim());
    if (tag !== null) {
      if (current !== undefined) out.push(current);
      current =
        tag[1] === 'example' ? { file, symbol, line: firstLine + i, lines: [], lineNumbers: [] } : undefined;
      return;
    }
    if (current !== undefined) {
      current.lines.push(line);
      current.lineNumbers.push(firstLine + i);
    }
  });
  if (current !== undefined) out.push(current);
  for (const ex of out) {
    // drop blank lines at the end (the comment's closing line)
    while (ex.lines.length > 0 && (ex.lines.at(-1) ?? '').trim() === '') {
      ex.lines.pop();
      ex.lineNumbers.pop();
    }
  }
  return out;
}

/** Every example of every file under `src/`, read from disk. */
export function allExamples(root: string): DocExample[] {
  return sourceFiles(root).flatMap((f) => extractExamples(f, readFileSync(join(root, f), 'utf8')));
}

/**
 * A name for an example that survives folder moves: `erlangB.ts:erlangB`, or `erlangB.ts:erlangB #2` for
 * the second example of the same symbol in that file.
 */
export function exampleId(example: DocExample, all: DocExample[]): string {
  const same = all.filter((e) => e.file === example.file && e.symbol === example.symbol);
  const base = `${example.file.split('/').at(-1)}:${example.symbol}`;
  return same.length > 1 ? `${base} #${same.indexOf(example) + 1}` : base;
}
