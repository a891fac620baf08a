import { dirname, resolve } from 'node:path';
import { Option } from 'commander';
import { planReportInput } from '../app/plan/reportInput.js';
import type { PlanResult } from '../app/plan.js';
import { compareScenarios } from '../app/scenario.js';
import { StaffcastError } from '../errors.js';
import { readTextInput } from '../io/readTextInput.js';
import { writeTextFile } from '../io/writeTextFile.js';
import { renderReportHtml } from '../report/html.js';
import {
  formatScenarioCsv,
  formatScenarioTable,
  scenarioFteNote,
  scenarioTableNotes,
} from '../scenario/formatScenarioTable.js';
import { scenarioReportTable } from '../scenario/scenarioReportTable.js';
import { parseSweep, sweepVariants } from '../scenario/sweep.js';
import { parseJsonText } from '../schemas/validateConfig.js';
import { VERSION } from '../version.js';
import type { CommandRegistrar } from './context.js';
import { parsePositiveInt } from './usage.js';

interface ScenarioFlags {
  base?: string;
  sweep?: string;
  json?: boolean;
  format: 'table' | 'csv';
  schedule: boolean;
  report?: string;
  concurrency?: number;
}

/**
 * `staffcast scenario scenarios.json [--json] [--format table|csv] [--no-schedule]
 * [--report out.html] [--concurrency n]` and `staffcast scenario --base plan.json --sweep
 * volume=0.9:1.2:0.05` (also aht-factor=, aht-seconds=, sl=, shrinkage=): runs `compareScenarios` and prints one row
 * per scenario (base first): calls, agent-hours, FTE, peak agents, schedule cost, service level,
 * ASA, abandonment, outbound calls that fit (--json and csv also the schedule's solve status, why
 * the solver stopped and the gap). In the table a schedule cost ending in `*` (work budget) or `!`
 * (wall-clock safety net) marks a schedule not proven optimal, explained by a legend line at the
 * end of the table. `--report` also writes the base plan's HTML report with the scenario
 * comparison (needs scheduling).
 *
 * @example
 * // (not run: a shell command)
 * // staffcast scenario examples/scenarios.json --no-schedule
 */
export const registerScenario: CommandRegistrar = (program, ctx) => {
  program
    .command('scenario')
    .description('compare what-if variants of a plan side by side (`staffcast schema scenario`)')
    .argument('[file]', 'scenario file JSON (- for stdin); its paths are relative to its folder')
    .option('--base <plan>', 'plan config to sweep (with --sweep)')
    .option(
      '--sweep <spec>',
      'sweep one parameter: volume|aht-factor|aht-seconds|sl|shrinkage=<from>:<to>:<step>',
    )
    .option('--json', 'print the rows as JSON')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'csv']).default('table'))
    .option('--no-schedule', 'skip scheduling: figures of the requirement (fast)')
    .option('--report <file>', "write the base plan's HTML report with the scenario comparison")
    .option(
      '--concurrency <n>',
      'scenarios planned at once (default: available cores; 1: one after another)',
      parsePositiveInt,
    )
    .action(async (file: string | undefined, flags: ScenarioFlags) => {
      if (flags.report !== undefined && !flags.schedule)
        throw new StaffcastError(
          'USAGE',
          'scenario: --report needs scheduling (the report shows the schedule); drop --no-schedule',
        );
      let scenario: unknown;
      let baseDir: string;
      let source: string;
      if (flags.sweep !== undefined || flags.base !== undefined) {
        if (file !== undefined)
          throw new StaffcastError(
            'USAGE',
            'scenario: give a scenario file or --base with --sweep, not both',
          );
        if (flags.base === undefined)
          throw new StaffcastError('USAGE', 'scenario: --sweep needs --base <plan>');
        if (flags.sweep === undefined)
          throw new StaffcastError('USAGE', 'scenario: --base needs --sweep <spec>');
        const sweep = parseSweep(flags.sweep);
        scenario = { base: flags.base, variants: sweepVariants(sweep) };
        baseDir = ctx.cwd;
        source = `--sweep ${flags.sweep}`;
      } else {
        if (file === undefined)
          throw new StaffcastError(
            'USAGE',
            'scenario: give a scenario file, or --base <plan> --sweep <spec>',
          );
        source = file === '-' ? 'stdin' : file;
        scenario = parseJsonText(await readTextInput(file, { baseDir: ctx.cwd, stdin: ctx.stdin }), source);
        baseDir = file === '-' ? ctx.cwd : dirname(resolve(ctx.cwd, file));
      }
      let basePlan: PlanResult | undefined;
      const rows = await compareScenarios(scenario, {
        baseDir,
        schedule: flags.schedule,
        source,
        ...(flags.concurrency !== undefined ? { concurrency: flags.concurrency } : {}),
        ...(flags.report !== undefined
          ? {
              onPlan: (name: string, r: PlanResult) => {
                if (name === 'base') basePlan = r;
              },
            }
          : {}),
      });
      if (flags.report !== undefined && basePlan !== undefined) {
        const input = planReportInput(basePlan, {
          generatedAt: Date.now(),
          generator: `staffcast ${VERSION} scenario`,
        });
        input.scenarios = scenarioReportTable(rows);
        const notes = scenarioTableNotes(rows);
        if (notes.length > 0) input.notes = [...(input.notes ?? []), ...notes];
        await writeTextFile(flags.report, await renderReportHtml(input), { baseDir: ctx.cwd });
      }
      if (flags.json === true) ctx.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      else if (flags.format === 'csv') ctx.stdout.write(formatScenarioCsv(rows));
      else {
        ctx.stdout.write(formatScenarioTable(rows));
        if (rows.length > 0) ctx.stderr.write(`scenario: ${scenarioFteNote(rows)}\n`);
      }
    });
};
