import { writeTextFile } from '../io/writeTextFile.js';
import type { CliContext } from './context.js';

/**
 * Writes a command's data to the `-o` file when one is given, else to stdout.
 *
 * @throws StaffcastError `FILE_READ` when the file cannot be written
 * @example
 * import { processContext } from './context.js';
 * const printed: string[] = [];
 * const ctx = { ...processContext(), stdout: { write: (text: string) => printed.push(text) } } as unknown as CliContext;
 * await writeOutput(ctx, undefined, 'a,b\n');
 * printed; // ['a,b\n'] (printed on ctx.stdout)
 */
export async function writeOutput(ctx: CliContext, file: string | undefined, text: string): Promise<void> {
  if (file === undefined) ctx.stdout.write(text);
  else await writeTextFile(file, text, { baseDir: ctx.cwd });
}
