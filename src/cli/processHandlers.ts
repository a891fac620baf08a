import { removePendingTemporaries } from '../io/temporaryFiles.js';

/** Exit codes of a run stopped by a signal: 128 + the signal number, as shells report them. */
export const SIGNAL_EXIT_CODES = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;

/** The parts of `process` the handlers use (a test may pass a stand-in). */
export interface HandledProcess {
  stdout: { on(event: 'error', listener: (error: Error) => void): unknown };
  stderr: { write(chunk: string): unknown };
  once(event: keyof typeof SIGNAL_EXIT_CODES, listener: () => void): unknown;
  exit(code: number): never;
}

/**
 * Process-level behaviour of the `staffcast` executable:
 * - a closed stdout (`staffcast ... | head -1`: EPIPE) ends the run quietly with exit code 0, the
 *   reader having taken what it wanted; any other stdout error is one line on stderr, exit 1;
 * - SIGINT, SIGTERM and SIGHUP remove the temporary files and folders of outputs not yet renamed
 *   into place (`removePendingTemporaries`), so an interrupted run leaves its outputs as they were
 *   and nothing beside them, then exit with 128 + the signal number (130, 143, 129).
 *
 * @example
 * installProcessHandlers(process); // in src/cli/main.ts, before runCli
 */
export function installProcessHandlers(proc: HandledProcess): void {
  proc.stdout.on('error', (error) => {
    removePendingTemporaries();
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') proc.exit(0);
    proc.stderr.write(`staffcast: cannot write to stdout: ${error.message}\n`);
    proc.exit(1);
  });
  for (const [signal, code] of Object.entries(SIGNAL_EXIT_CODES)) {
    proc.once(signal as keyof typeof SIGNAL_EXIT_CODES, () => {
      removePendingTemporaries();
      proc.exit(code);
    });
  }
}
