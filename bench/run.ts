/**
 * Runs the tinybench suites: `npm run bench` (all) or `npm run bench -- queueing` (names containing
 * "queueing"). Each `bench/*.bench.ts` exports `run(): Promise<void>`, which builds its Bench,
 * runs it and prints its table (and any checks against its targets).
 */
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? '';
const files = (await readdir(here)).filter((f) => f.endsWith('.bench.ts') && f.includes(filter)).sort();
if (files.length === 0) {
  console.error(`bench: no suite matches '${filter}'`);
  process.exitCode = 2;
}
for (const file of files) {
  console.log(`\n## ${file}`);
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { run: () => Promise<void> };
  await mod.run();
}
