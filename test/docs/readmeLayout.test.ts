import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const README = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/** The tree drawn in the README's Layout section: the folder names it lists (`name/`). */
function layoutFolders(readme: string): string[] {
  const section = readme.split('\n## Layout\n')[1]?.split('\n## ')[0] ?? '';
  const tree = section.split('```')[1] ?? '';
  return [...tree.matchAll(/^ {2}([a-z]+)\/ /gm)].map((m) => m[1]!);
}

describe("the README's Layout section", () => {
  it('lists every folder of src/ (one line each) and every top-level file', () => {
    const folders = readdirSync(SRC, { withFileTypes: true });
    const listed = layoutFolders(README);
    expect(listed.length).toBeGreaterThan(10);
    for (const f of folders.filter((e) => e.isDirectory())) expect(listed).toContain(f.name);
    const section = README.split('\n## Layout\n')[1] ?? '';
    for (const f of folders.filter((e) => e.isFile())) expect(section).toContain(f.name);
  });
});
