import { removePendingTemporaries, watchPendingTemporaries } from '../io/temporaryFiles.js';

/** Exit codes of a run stopped by a signal: 128 + the signal number, as shells report them. */
export const SIGNAL_EXIT_CODES = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;

/** A signal `installProcessHandlers` handles while outputs are being written. */
export type HandledSignal = keyof typeof SIGNAL_EXIT_CODES;

/** The parts of `process` the handlers use (a test may pass a stand-in). */
export interface HandledProcess {
  stdout: { on(event: 'error', listener: (error: Error) => void): unknown };
  stderr: { write(chunk: string): unknown };
  on(event: HandledSignal, listener: () => void): unknown;
  removeListener(event: HandledSignal, listener: () => void): unknown;
  exit(code: number): never;
}

/**
 * Process-level behaviour of the `staffcast` executable:
 * - a closed stdout (`staffcast ... | head -1`: EPIPE) ends the run quietly with exit code 0, the
 *   reader having taken what it wanted; any other stdout error is one line on stderr, exit 1;
 * - while an output is being written (a temporary file or folder is pending, see
 *   `trackTemporary`), SIGINT, SIGTERM and SIGHUP remove the pending temporaries, so an interrupted
 *   run leaves its outputs as they were and nothing beside them, then exit with 128 + the signal
 *   number (130, 143, 129). At any other time the signals keep Node's default (the process ends at
 *   once, even inside a long synchronous solve), as there is nothing to clean.
 *
 * @example
 * // (not run: installs handlers on the running process)
 * installProcessHandlers(process); // in src/cli/main.ts, before runCli
 */
export function installProcessHandlers(proc: HandledProcess): void {
  proc.stdout.on('error', (error) => {
    removePendingTemporaries();
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') proc.exit(0);
    proc.stderr.write(`staffcast: cannot write to stdout: ${error.message}\n`);
    proc.exit(1);
  });
  const handlers = Object.entries(SIGNAL_EXIT_CODES).map(([signal, code]) => ({
    signal: signal as HandledSignal,
    handler: () => {
      removePendingTemporaries();
      proc.exit(code);
    },
  }));
  let installed = false;
  watchPendingTemporaries((count) => {
    if (count > 0 && !installed) for (const { signal, handler } of handlers) proc.on(signal, handler);
    else if (count === 0 && installed)
      for (const { signal, handler } of handlers) proc.removeListener(signal, handler);
    installed = count > 0;
  });
}
