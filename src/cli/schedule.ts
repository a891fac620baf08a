import { StaffcastError } from '../errors.js';
import { writeScheduleCoverageCsv } from '../io/coverageCsv.js';
import { inputLabel, readTextInput } from '../io/readTextInput.js';
import { readRequirementCsv } from '../io/requirementCsv.js';
import { writeScheduleCsv } from '../io/scheduleCsv.js';
import { writeScheduleJson } from '../io/scheduleJson.js';
import { writeToursCsv } from '../io/toursCsv.js';
import { writeTextFile } from '../io/writeTextFile.js';
import { type ShiftSchedule, scheduleShifts } from '../scheduling/scheduleShifts.js';
import type { ShiftRulesInput } from '../schemas/shiftRules.js';
import { parseJsonText } from '../schemas/validateConfig.js';
import type { CommandRegistrar } from './context.js';
import { writeOutput } from './output.js';
import { defaultTimeZone, parsePositive, parsePositiveInt, parseTimeZone } from './usage.js';

interface ScheduleFlags {
  rules: string;
  timeLimit: number;
  workLimit?: number;
  format: string;
  coverage?: string;
  output?: string;
  tz: string;
  column?: string;
}

function usage(message: string): never {
  throw new StaffcastError('USAGE', `schedule: ${message}`);
}

function readText(file: string, cwd: string, stdin: NodeJS.ReadableStream | undefined): Promise<string> {
  return readTextInput(file, { baseDir: cwd, ...(stdin === undefined ? {} : { stdin }) });
}

/** Why the MIP stopped, as told after the status on stderr. */
const STOPPED: Record<NonNullable<ShiftSchedule['stoppedBy']> | 'none', string> = {
  gap: '',
  none: ' (no solver)',
  work: ' (stopped by the work budget: the same on every run)',
  time: ' (stopped by the wall-clock safety net --time-limit: depends on machine load)',
  error: ' (solver failed: greedy schedule)',
};

function pct(v: number): string {
  return `${(100 * v).toFixed(2)}%`;
}

/**
 * `staffcast schedule <requirements.csv|-> --rules rules.json [--work-limit n] [--time-limit 600] [--format csv|json]
 * [--coverage coverage.csv] [-o schedule.csv] [--tz UTC] [--column agents|scheduled_agents]`:
 * reads a requirement CSV (DESIGN.md 5) and shift rules, builds the schedule (`scheduleShifts`),
 * writes the shifts (one row per shift start with count and break times) or, with tours, the
 * tours; status, why the solver stopped (gap, work budget or wall-clock safety net), gap and
 * efficiency figures, and a warning naming the intervals no shift can cover, go to stderr. A row
 * whose UTC offset is not `--tz`'s at that instant is an error (the opening hours and shift times
 * are read in `--tz`, so they would be shifted silently).
 *
 * @example
 * // staffcast schedule requirement.csv --rules rules.json --work-limit 50000 --coverage cov.csv -o shifts.csv
 */
export const registerSchedule: CommandRegistrar = (program, ctx) => {
  program
    .command('schedule')
    .description('cover a requirement with shifts, breaks and tours (HiGHS MIP with a greedy fallback)')
    .argument(
      '<requirements>',
      'requirement CSV (interval_start, agents, scheduled_agents ...), or - for stdin',
    )
    .requiredOption('--rules <file>', 'shift rules JSON (`staffcast schema rules` prints its schema)')
    .option(
      '--work-limit <iterations>',
      'deterministic work budget of the MIP solver in simplex iterations (default: scaled to the model)',
      parsePositiveInt,
    )
    .option(
      '--time-limit <seconds>',
      'wall-clock safety net of the MIP solver (a schedule stopped by it depends on machine load)',
      parsePositive,
      600,
    )
    .option('--format <format>', 'output format: csv or json', 'csv')
    .option('--coverage <file>', 'also write the coverage per interval as CSV')
    .option('-o, --output <file>', 'write the schedule here instead of stdout')
    .option(
      '--tz <zone>',
      'IANA zone of the rules (weekdays, times of day) and of the output',
      parseTimeZone,
      defaultTimeZone(ctx.env),
    )
    .option(
      '--column <name>',
      'requirement column to cover: scheduled_agents (default when present) or agents',
    )
    .action(async (file: string, flags: ScheduleFlags) => {
      if (flags.format !== 'csv' && flags.format !== 'json')
        usage(`--format must be csv or json (got '${flags.format}')`);
      if (flags.column !== undefined && flags.column !== 'agents' && flags.column !== 'scheduled_agents')
        usage(`--column must be agents or scheduled_agents (got '${flags.column}')`);
      const label = inputLabel(file);
      // --column is read as the requirement's agents column: required on every row, named by file line
      const requirement = readRequirementCsv(await readText(file, ctx.cwd, ctx.stdin), {
        source: label,
        timeZone: flags.tz,
        offsetsMatchZone: true,
        ...(flags.column === undefined ? {} : { agentsColumn: flags.column }),
      });
      if (requirement.queue !== undefined && new Set(requirement.queue).size > 1)
        throw new StaffcastError(
          'CSV_ROW',
          `${label}: several queues in one requirement; schedule one queue at a time`,
        );
      const values =
        flags.column === undefined && requirement.scheduledAgents.every((v) => Number.isFinite(v))
          ? requirement.scheduledAgents
          : requirement.agents;
      const rulesJson = parseJsonText(await readText(flags.rules, ctx.cwd, undefined), flags.rules);
      const schedule = await scheduleShifts(
        {
          intervalMinutes: requirement.intervalMinutes,
          required: values,
          starts: requirement.starts,
          timeZone: flags.tz,
        },
        rulesJson as ShiftRulesInput,
        {
          timeLimitSeconds: flags.timeLimit,
          ...(flags.workLimit === undefined ? {} : { workLimit: flags.workLimit }),
          rulesSource: flags.rules,
        },
      );
      const tz = flags.tz;
      let out: string;
      if (flags.format === 'json') out = writeScheduleJson(schedule, tz);
      else if (schedule.tours !== undefined) out = writeToursCsv(schedule.tours);
      else out = writeScheduleCsv(schedule.shifts, tz);
      await writeOutput(ctx, flags.output, out);
      if (flags.coverage !== undefined)
        await writeTextFile(
          flags.coverage,
          writeScheduleCoverageCsv(schedule.coverage, schedule.starts, tz),
          {
            baseDir: ctx.cwd,
          },
        );
      const e = schedule.efficiency;
      const agents = schedule.shifts.reduce((a, b) => a + b.count, 0);
      ctx.stderr.write(
        `schedule: status ${schedule.status}${STOPPED[schedule.stoppedBy ?? 'none']}, objective ${schedule.objective.toFixed(2)}` +
          (schedule.gap === null
            ? ', no proven bound'
            : `, gap ${pct(schedule.gap)} (bound ${(schedule.bestBound ?? 0).toFixed(2)})`) +
          `, ${agents} shifts${schedule.tours === undefined ? '' : `, ${schedule.tours.reduce((a, t) => a + t.count, 0)} tours`}` +
          `, breaks ${schedule.breakMethod}\n` +
          `schedule: coverage ${pct(e.coverage)}, utilisation ${pct(e.utilisation)}, interval efficiency ${pct(e.intervalEfficiency)}, within +/-10% ${pct(e.withinTenPercent)}, under ${schedule.underAgentIntervals.toFixed(1)} / over ${schedule.overAgentIntervals.toFixed(1)} agent-intervals\n`,
      );
      for (const w of schedule.warnings) ctx.stderr.write(`schedule: warning: ${w}\n`);
    });
};
