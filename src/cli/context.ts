import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import type { Command } from 'commander';

/** Where a CLI run reads and writes: the real process, or buffers in tests. */
export interface CliContext {
  /** Data output (CSV, JSON, tables). */
  stdout: { write(chunk: string): unknown };
  /** Progress, reading reports, warnings and errors. */
  stderr: { write(chunk: string): unknown };
  /** Standard input, for `-` file arguments. */
  stdin: Readable;
  /** Working directory that relative paths resolve against. */
  cwd: string;
  /** Environment (NO_COLOR ...). */
  env: Record<string, string | undefined>;
  /** True when stderr is a terminal (progress bars are shown only then). */
  stderrIsTTY: boolean;
}

/** The context of the running process. */
export function processContext(): CliContext {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    cwd: process.cwd(),
    env: process.env,
    stderrIsTTY: Boolean(process.stderr.isTTY),
  };
}

/**
 * A file argument as the streaming readers take it: `-` is the context's standard input, any other
 * name a path resolved against `ctx.cwd`. Name it in messages with `inputLabel(file)`.
 *
 * @example
 * openInput({ ...processContext(), cwd: '/data' }, 'h.csv'); // '/data/h.csv'
 */
export function openInput(ctx: CliContext, file: string): Readable | string {
  return file === '-' ? ctx.stdin : resolve(ctx.cwd, file);
}

/** A command module: adds one subcommand to the program. */
export type CommandRegistrar = (program: Command, ctx: CliContext) => void;
