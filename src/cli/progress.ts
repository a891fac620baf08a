import type { OnProgress, ProgressEvent } from '../app/progress.js';
import type { CliContext } from './context.js';

/** Options of `progressPrinter`. */
export interface ProgressPrinterOptions {
  /** Command name that prefixes each line, e.g. `'plan'`. */
  command: string;
  /** No progress at all (`--quiet`). Default false. */
  quiet?: boolean;
  /** Milliseconds since some origin; injectable for tests. Default `performance.now`. */
  now?: () => number;
  /** Width of the bar in characters. Default 20. */
  barWidth?: number;
}

/** A progress printer: the callback to hand to a use case, and `close` to end an open line on error. */
export interface ProgressPrinter {
  onProgress: OnProgress;
  /** Ends a line left open by a step that did not finish (call before printing an error). */
  close(): void;
}

/** `m:ss` (or `h:mm:ss`) of a number of seconds, for an ETA. */
function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/**
 * Draws `ProgressEvent`s on stderr, only when stderr is a terminal and not `quiet` (pipes and CI
 * logs stay clean): `plan: forecast ...` while a step runs; with a known total a bar, the percent
 * and an ETA from the pace so far (`scenario: run [#####-----]  50%  3/6  eta 0:12`), redrawn in
 * place; replaced by the step's time and detail when it is done. The ETA is display only.
 *
 * @example
 * const out: string[] = [];
 * const ctx = { stderrIsTTY: true, stderr: { write: (s: string) => out.push(s) } };
 * let t = 0;
 * const p = progressPrinter(ctx, { command: 'scenario', now: () => t });
 * p.onProgress({ step: 'run', phase: 'start', total: 4 });
 * t = 10_000;
 * p.onProgress({ step: 'run', phase: 'advance', done: 1, total: 4 });
 * out.at(-1); // '\r\x1b[2Kscenario: run      [#####---------------]  25%  1/4  eta 0:30'
 */
export function progressPrinter(
  ctx: Pick<CliContext, 'stderr' | 'stderrIsTTY'>,
  options: ProgressPrinterOptions,
): ProgressPrinter {
  const show = ctx.stderrIsTTY && options.quiet !== true;
  const now = options.now ?? (() => performance.now());
  const width = options.barWidth ?? 20;
  let open = false;
  let started = 0;
  const label = (e: ProgressEvent) => `${options.command}: ${e.step.padEnd(8)}`;
  const onProgress: OnProgress = (e) => {
    if (!show) return;
    if (e.phase === 'start') {
      started = now();
      open = true;
      ctx.stderr.write(`${label(e)} ...`);
    } else if (e.phase === 'advance') {
      const total = e.total ?? 0;
      const done = e.done ?? 0;
      if (total <= 0) return;
      const share = Math.min(1, Math.max(0, done / total));
      const filled = Math.round(share * width);
      const elapsed = (now() - started) / 1000;
      const eta = done > 0 ? ` eta ${clock((elapsed / done) * (total - done))}` : '';
      const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
      open = true;
      ctx.stderr.write(
        `\r\x1b[2K${label(e)} ${bar} ${String(Math.round(share * 100)).padStart(3)}%  ${done}/${total} ${eta}`,
      );
    } else {
      open = false;
      ctx.stderr.write(
        `\r\x1b[2K${label(e)} ${(e.seconds ?? 0).toFixed(2).padStart(6)} s  ${e.detail ?? ''}`.trimEnd() +
          '\n',
      );
    }
  };
  return {
    onProgress,
    close() {
      if (show && open) ctx.stderr.write(' failed\n');
      open = false;
    },
  };
}
