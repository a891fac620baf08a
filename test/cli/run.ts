import { Readable } from 'node:stream';
import { runCli } from '../../src/cli/program.js';

/** What one in-process CLI run produced. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `staffcast <argv>` in-process with captured output and optional stdin text. */
export async function runStaffcast(
  argv: readonly string[],
  options: { stdin?: string; cwd?: string; env?: Record<string, string | undefined> } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: Readable.from(options.stdin === undefined ? [] : [options.stdin]),
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {},
    stderrIsTTY: false,
  });
  return { code, stdout, stderr };
}
