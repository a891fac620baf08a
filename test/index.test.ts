import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

const barrel = fileURLToPath(new URL('../src/index.ts', import.meta.url));

function sourceOf(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
}

/** The module file a relative specifier names ('./x.js' -> './x.ts'). */
function moduleFile(from: string, specifier: string): string {
  return resolve(dirname(from), specifier).replace(/\.js$/, '.ts');
}

/** Whether `source` re-exports its local (imported) binding `name` with `export { name }`. */
function reExportsLocal(source: ts.SourceFile, name: string): boolean {
  return source.statements.some(
    (s) =>
      ts.isExportDeclaration(s) &&
      !s.moduleSpecifier &&
      s.exportClause !== undefined &&
      ts.isNamedExports(s.exportClause) &&
      s.exportClause.elements.some((e) => e.name.text === name),
  );
}

/** The JSDoc tag names on the declaration of `name` in `file`, following `export { name } from`. */
function declarationTags(file: string, name: string): string[] | undefined {
  const source = sourceOf(file);
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      // `import { name } from` ... `export { name }`: the declaration is in the imported module
      const bindings = statement.importClause?.namedBindings;
      const element =
        bindings && ts.isNamedImports(bindings)
          ? bindings.elements.find((e) => e.name.text === name)
          : undefined;
      if (element && reExportsLocal(source, name)) {
        const target = moduleFile(file, (statement.moduleSpecifier as ts.StringLiteral).text);
        return declarationTags(target, (element.propertyName ?? element.name).text);
      }
      continue;
    }
    if (ts.isExportDeclaration(statement)) {
      const clause = statement.exportClause;
      if (!statement.moduleSpecifier || !clause || !ts.isNamedExports(clause)) continue;
      const element = clause.elements.find((e) => e.name.text === name);
      if (!element) continue;
      const target = moduleFile(file, (statement.moduleSpecifier as ts.StringLiteral).text);
      return declarationTags(target, (element.propertyName ?? element.name).text);
    }
    const named = ts.isVariableStatement(statement)
      ? statement.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === name)
      : (ts.isFunctionDeclaration(statement) ||
          ts.isClassDeclaration(statement) ||
          ts.isInterfaceDeclaration(statement) ||
          ts.isTypeAliasDeclaration(statement) ||
          ts.isEnumDeclaration(statement)) &&
        statement.name?.text === name;
    if (named) return ts.getJSDocTags(statement).map((t) => t.tagName.text);
  }
  return undefined;
}

/** Every name `src/index.ts` exports, with the JSDoc tags of the declaration it stands for. */
function barrelTags(): Map<string, string[] | undefined> {
  const tags = new Map<string, string[] | undefined>();
  for (const statement of sourceOf(barrel).statements) {
    if (!ts.isExportDeclaration(statement) || !statement.moduleSpecifier) continue;
    const clause = statement.exportClause;
    if (!clause || !ts.isNamedExports(clause)) continue;
    const target = moduleFile(barrel, (statement.moduleSpecifier as ts.StringLiteral).text);
    for (const element of clause.elements) {
      tags.set(element.name.text, declarationTags(target, (element.propertyName ?? element.name).text));
    }
  }
  return tags;
}

describe('src/index.ts (the public API)', () => {
  it('exports at most 150 names at run time (the rest stays in its module, tagged @internal)', () => {
    const count = Object.keys(api).length;
    expect(count).toBeGreaterThan(50);
    expect(count).toBeLessThanOrEqual(150);
  });

  it('exports no declaration tagged @internal (typedoc would leave it out of the reference)', () => {
    const tags = barrelTags();
    for (const name of Object.keys(api)) expect(tags.has(name), name).toBe(true);
    const unresolved = [...tags].filter(([, t]) => t === undefined).map(([name]) => name);
    expect(unresolved).toEqual([]);
    const internal = [...tags].filter(([, t]) => t?.includes('internal')).map(([name]) => name);
    expect(internal).toEqual([]);
  });

  it('keeps the entry points the package smoke test and the examples call', () => {
    for (const name of [
      'requiredAgents',
      'queueMetrics',
      'staffingPlan',
      'scheduleShifts',
      'readHistoryCsv',
    ]) {
      expect(typeof (api as Record<string, unknown>)[name]).toBe('function');
    }
  });
});
