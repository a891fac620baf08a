import { dirname, resolve } from 'node:path';
import { planFileContents } from '../app/plan/planOutputs.js';
import type { PlanProgress } from '../app/plan/progress.js';
import { planReportInput } from '../app/plan/reportInput.js';
import { plan } from '../app/plan.js';
import { formatReadReport } from '../io/formatReadReport.js';
import { readTextInput } from '../io/readTextInput.js';
import { writeFilesAtomically } from '../io/writeFilesAtomically.js';
import { renderReportHtml } from '../report/html.js';
import { renderTerminalSummary } from '../report/terminal.js';
import { readPlanConfig } from '../schemas/planConfig.js';
import { VERSION } from '../version.js';
import type { CommandRegistrar } from './context.js';

interface PlanFlags {
  config: string;
  out: string;
  quiet?: boolean;
}

const STEP_LABELS: Record<PlanProgress['step'] | 'write', string> = {
  read: 'read history',
  forecast: 'forecast',
  staff: 'staff',
  schedule: 'schedule',
  evaluate: 'evaluate',
  write: 'write files',
};

/**
 * `staffcast plan --config plan.json [--out out] [--quiet]`: runs `plan` (history -> forecast ->
 * staffing -> schedule -> evaluation) and writes forecast.csv, requirements.csv, schedule.csv,
 * coverage.csv, summary.json and report.html into the output folder, all or nothing. Step lines
 * with timings go to stderr when it is a terminal (not with --quiet); a compact summary with a
 * chart of the busiest day goes to stdout unless --quiet (coloured on a terminal without NO_COLOR);
 * it shows the coverage warnings (intervals no shift can cover, no agents, under-coverage), which
 * go to stderr with --quiet.
 * The config's `fittedParams` (the JSON of `calibrate --params-out`) is read by `plan` itself.
 *
 * @example
 * // staffcast plan --config examples/plan.json --out out
 */
export const registerPlan: CommandRegistrar = (program, ctx) => {
  program
    .command('plan')
    .description('history -> forecast -> staffing -> schedule -> report in one run (`staffcast schema plan`)')
    .requiredOption('--config <file>', 'plan config JSON; its paths are relative to its folder')
    .option('--out <dir>', 'output folder', 'out')
    .option('-q, --quiet', 'no progress and no summary')
    .action(async (flags: PlanFlags) => {
      const configPath = resolve(ctx.cwd, flags.config);
      const text = await readTextInput(flags.config, { baseDir: ctx.cwd });
      const json = (() => {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          return readPlanConfig(text, flags.config); // throws the CONFIG message
        }
      })();
      const showProgress = ctx.stderrIsTTY && flags.quiet !== true;
      let lineOpen = false;
      // On a terminal: "plan: schedule ..." while a step runs, replaced by its timing when done.
      const step = (
        e: PlanProgress | { step: 'write'; phase: 'start' | 'done'; seconds?: number; detail?: string },
      ) => {
        if (!showProgress) return;
        const label = STEP_LABELS[e.step].padEnd(12);
        lineOpen = e.phase === 'start';
        if (e.phase === 'start') ctx.stderr.write(`plan: ${label} ...`);
        else
          ctx.stderr.write(
            `\r\x1b[2Kplan: ${label} ${(e.seconds ?? 0).toFixed(2).padStart(6)} s  ${e.detail ?? ''}\n`,
          );
      };
      let result: Awaited<ReturnType<typeof plan>>;
      let input: ReturnType<typeof planReportInput>;
      let tWrite = 0;
      try {
        result = await plan(json as Parameters<typeof plan>[0], {
          baseDir: dirname(configPath),
          source: flags.config,
          onProgress: step,
        });
        step({ step: 'write', phase: 'start' });
        tWrite = performance.now();
        input = planReportInput(result, { generatedAt: Date.now(), generator: `staffcast ${VERSION} plan` });
        const html = await renderReportHtml(input);
        await writeFilesAtomically(resolve(ctx.cwd, flags.out), planFileContents(result, html));
      } catch (error) {
        if (lineOpen) ctx.stderr.write(' failed\n'); // end the open progress line before the error
        throw error;
      }
      step({
        step: 'write',
        phase: 'done',
        seconds: (performance.now() - tWrite) / 1000,
        detail: `6 files in ${flags.out}`,
      });
      if (flags.quiet !== true) {
        if (result.queues === null) ctx.stderr.write(formatReadReport(result.readReport));
        else
          for (const q of result.queues)
            ctx.stderr.write(`queue ${q.name}: ${formatReadReport(q.readReport)}`);
      }
      if (flags.quiet !== true) {
        const color = ctx.stderrIsTTY && (ctx.env.NO_COLOR ?? '') === '';
        ctx.stdout.write(`${renderTerminalSummary(input, { color })}\n`);
      }
      // the summary shows the warnings; without it they still reach the planner on stderr
      else for (const w of result.summary.warnings) ctx.stderr.write(`plan: warning: ${w}\n`);
    });
};
