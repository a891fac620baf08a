import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Option } from 'commander';
import { StaffcastError } from '../errors.js';
import { compareScenarios } from '../scenario/compareScenarios.js';
import { formatScenarioCsv, formatScenarioTable } from '../scenario/formatScenarioTable.js';
import { parseSweep, sweepVariants } from '../scenario/sweep.js';
import type { CommandRegistrar } from './program.js';

interface ScenarioFlags {
  base?: string;
  sweep?: string;
  json?: boolean;
  format: 'table' | 'csv';
  schedule: boolean;
}

async function readJson(path: string, name: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new StaffcastError('FILE_READ', `${name}: cannot read (${(error as Error).message})`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new StaffcastError('CONFIG', `${name}: not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * `staffcast scenario scenarios.json [--json] [--format table|csv] [--no-schedule]` and
 * `staffcast scenario --base plan.json --sweep volume=0.9:1.2:0.05` (also aht=, sl=, shrinkage=):
 * runs `compareScenarios` and prints one row per scenario (base first): calls, agent-hours, FTE,
 * peak agents, schedule cost, service level, ASA, abandonment.
 *
 * @example
 * // staffcast scenario examples/scenarios.json --no-schedule
 */
export const registerScenario: CommandRegistrar = (program, ctx) => {
  program
    .command('scenario')
    .description('compare what-if variants of a plan side by side (`staffcast schema scenario`)')
    .argument('[file]', 'scenario file JSON; its paths are relative to its folder')
    .option('--base <plan>', 'plan config to sweep (with --sweep)')
    .option('--sweep <spec>', 'sweep one parameter: volume|aht|sl|shrinkage=<from>:<to>:<step>')
    .option('--json', 'print the rows as JSON')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'csv']).default('table'))
    .option('--no-schedule', 'skip scheduling: figures of the requirement (fast)')
    .action(async (file: string | undefined, flags: ScenarioFlags) => {
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
        const path = resolve(ctx.cwd, file);
        scenario = await readJson(path, file);
        baseDir = dirname(path);
        source = file;
      }
      const rows = await compareScenarios(scenario, { baseDir, schedule: flags.schedule, source });
      if (flags.json === true) ctx.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      else if (flags.format === 'csv') ctx.stdout.write(formatScenarioCsv(rows));
      else ctx.stdout.write(formatScenarioTable(rows));
    });
};
