import { StaffcastError } from '../errors.js';
import { writeCoverageCsv } from '../io/coverageCsv.js';
import { inputLabel, readTextInput } from '../io/readTextInput.js';
import { readRequirementCsv } from '../io/requirementCsv.js';
import { writeScheduleCsv } from '../io/scheduleCsv.js';
import { writeScheduleJson } from '../io/scheduleJson.js';
import { writeToursCsv } from '../io/toursCsv.js';
import { type ShiftSchedule, scheduleShifts } from '../scheduling/scheduleShifts.js';
import type { ShiftRulesInput } from '../schemas/shiftRules.js';
import { parseJsonText } from '../schemas/validateConfig.js';
import { type OnProgress, progressStep } from './progress.js';

/** Options of `runSchedule`. */
export interface RunScheduleOptions {
  /** Requirement CSV (`interval_start`, `agents`, `scheduled_agents` ...), or `-` for `stdin`. */
  requirementFile: string;
  /** Shift rules JSON (`staffcast schema rules`). */
  rulesFile: string;
  /** Folder both files are resolved against. */
  cwd: string;
  /** Standard input, for a requirement file `-`. */
  stdin?: NodeJS.ReadableStream | undefined;
  /** IANA zone of the rules (weekdays, times of day), of the requirement's rows and of the output. */
  timeZone: string;
  /**
   * Requirement column to cover. Default: `scheduled_agents` when every row has it, else `agents`.
   * Given, it must be present on every row.
   */
  column?: 'agents' | 'scheduled_agents' | undefined;
  /** Wall-clock safety net of the MIP, seconds (a schedule stopped by it depends on machine load). */
  timeLimitSeconds: number;
  /** Deterministic work budget of the MIP in simplex iterations. Default: scaled to the model. */
  workLimit?: number | undefined;
  /** Output format of `output`: the schedule CSV (tours CSV with tours) or one JSON document. */
  format: 'csv' | 'json';
  /** Receives the steps `read` and `schedule` (start, done with a one-line result). Default: none. */
  onProgress?: OnProgress | undefined;
}

/** What `runSchedule` returns: the schedule and the texts the command writes. */
export interface ScheduleRun {
  schedule: ShiftSchedule;
  /**
   * The schedule as `format`: `writeScheduleCsv` (the one schedule.csv format, also `plan`'s),
   * `writeToursCsv` when the rules asked for tours, or `writeScheduleJson`.
   */
  output: string;
  /**
   * Coverage per interval as CSV (`writeCoverageCsv`, the format of `plan`'s coverage.csv): `calls`
   * and `required_agents` from the requirement's `calls` and `agents` columns, `required_scheduled`
   * the column covered; `on_phone` and the service columns are empty (no shrinkage or queue model).
   */
  coverageCsv: string;
  /**
   * Lines for the planner (stderr), each ending in a newline: status, why the solver stopped, gap,
   * shifts, tours and break method; coverage and efficiency figures; one line per warning.
   */
  messages: string[];
}

/** Why the MIP stopped, as told after the status. */
const STOPPED: Record<NonNullable<ShiftSchedule['stoppedBy']> | 'none', string> = {
  gap: '',
  none: ' (no solver)',
  work: ' (stopped by the work budget: the same on every run)',
  time: ' (stopped by the wall-clock safety net --time-limit: depends on machine load)',
  error: ' (solver failed: greedy schedule)',
};

const pct = (v: number) => `${(100 * v).toFixed(2)}%`;

/**
 * The lines `staffcast schedule` prints about a schedule: status and why the solver stopped (gap,
 * work budget, wall-clock safety net, failure), objective, gap and bound, shifts, tours and break
 * method; coverage, utilisation, interval efficiency, share within +/-10%, under- and
 * over-coverage in agent-intervals; then `schedule: warning: ...` per warning. O(shifts).
 *
 * @example
 * // 2 shifts of 4 h covering 2 agents 02:00-06:00, proven optimal
 * const s = await scheduleShifts({ intervalMinutes: 60, required: [0, 0, 2, 2, 2, 2, 0, 0] },
 *   { shiftTypes: [{ name: 'd', earliestStart: '00:00', latestStart: '04:00', startStepMinutes: 60,
 *     lengthsMinutes: [240] }] });
 * scheduleMessages(s)[0];
 * // 'schedule: status optimal, objective 8.00, gap 0.00% (bound 8.00), 2 shifts, breaks explicit\n'
 */
export function scheduleMessages(schedule: ShiftSchedule): string[] {
  const s = schedule;
  const e = s.efficiency;
  const agents = s.shifts.reduce((a, b) => a + b.count, 0);
  return [
    `schedule: status ${s.status}${STOPPED[s.stoppedBy ?? 'none']}, objective ${s.objective.toFixed(2)}` +
      (s.gap === null
        ? ', no proven bound'
        : `, gap ${pct(s.gap)} (bound ${(s.bestBound ?? 0).toFixed(2)})`) +
      `, ${agents} shifts${s.tours === undefined ? '' : `, ${s.tours.reduce((a, t) => a + t.count, 0)} tours`}` +
      `, breaks ${s.breakMethod}\n`,
    `schedule: coverage ${pct(e.coverage)}, utilisation ${pct(e.utilisation)}, interval efficiency ${pct(e.intervalEfficiency)}, within +/-10% ${pct(e.withinTenPercent)}, under ${s.underAgentIntervals.toFixed(1)} / over ${s.overAgentIntervals.toFixed(1)} agent-intervals\n`,
    ...s.warnings.map((w) => `schedule: warning: ${w}\n`),
  ];
}

/**
 * The `staffcast schedule` use case: reads a requirement CSV (`readRequirementCsv` in `timeZone`,
 * a row whose UTC offset is not the zone's at that instant is an error, since the rules' times
 * would be shifted silently) and the shift rules (`parseJsonText`), covers the chosen column
 * (`column`; default `scheduled_agents` when every row has it, else `agents`) with shifts
 * (`scheduleShifts`, HiGHS within `workLimit`, `timeLimitSeconds` as a safety net), and returns
 * the schedule, its text in `format`, the coverage CSV and the messages for the planner
 * (`scheduleMessages`). Pure apart from reading the two files. Cost: at most the work budget (or
 * the time limit), plus the greedy warm start.
 *
 * @throws StaffcastError `FILE_READ` for a file that cannot be read; `CSV_ROW` for a bad row or a
 *   requirement with several queues; `CONFIG` for rules that are not JSON or not valid;
 *   `INFEASIBLE`, `SOLVER_FAILED` from `scheduleShifts`.
 * @example
 * import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * // 2 agents 02:00-06:00 on Monday 2024-01-01 (UTC), 4-hour shifts starting on the hour
 * const dir = mkdtempSync(join(tmpdir(), 'staffcast-schedule-'));
 * const rows = [0, 0, 2, 2, 2, 2, 0, 0].map((agents, h) => `2024-01-01T0${h}:00:00Z,${agents}`);
 * writeFileSync(join(dir, 'req.csv'), `interval_start,agents\n${rows.join('\n')}\n`);
 * writeFileSync(join(dir, 'rules.json'), JSON.stringify({ shiftTypes: [{ name: 'day', earliestStart: '00:00',
 *   latestStart: '04:00', startStepMinutes: 60, lengthsMinutes: [240] }] }));
 * const run = await runSchedule({ requirementFile: 'req.csv', rulesFile: 'rules.json', cwd: dir,
 *   timeZone: 'UTC', timeLimitSeconds: 600, format: 'csv' });
 * run.output.split('\n')[0]; // 'type,day,start,end,start_time,end_time,length_minutes,paid_minutes,count,breaks'
 * run.output.split('\n')[1]; // 'day,mon,2024-01-01T02:00:00Z,2024-01-01T06:00:00Z,02:00,06:00,240,240,2,'
 * rmSync(dir, { recursive: true });
 */
export async function runSchedule(options: RunScheduleOptions): Promise<ScheduleRun> {
  const { cwd, timeZone, column } = options;
  const label = inputLabel(options.requirementFile);
  const { requirement, rules } = await progressStep(
    options.onProgress,
    'read',
    async () => {
      // a given column is read as the requirement's agents column: required on every row, named by file line
      const text = await readTextInput(options.requirementFile, {
        baseDir: cwd,
        ...(options.stdin === undefined ? {} : { stdin: options.stdin }),
      });
      const requirement = readRequirementCsv(text, {
        source: label,
        timeZone,
        offsetsMatchZone: true,
        ...(column === undefined ? {} : { agentsColumn: column }),
      });
      if (requirement.queue !== undefined && new Set(requirement.queue).size > 1)
        throw new StaffcastError(
          'CSV_ROW',
          `${label}: several queues in one requirement; schedule one queue at a time`,
        );
      const rules = parseJsonText(
        await readTextInput(options.rulesFile, { baseDir: cwd }),
        options.rulesFile,
      ) as ShiftRulesInput;
      return { requirement, rules };
    },
    (r) => `${r.requirement.starts.length} intervals of ${r.requirement.intervalMinutes} minutes`,
  );
  const required =
    column === undefined && requirement.scheduledAgents.every((v) => Number.isFinite(v))
      ? requirement.scheduledAgents
      : requirement.agents;
  const schedule = await progressStep(
    options.onProgress,
    'schedule',
    () =>
      scheduleShifts(
        { intervalMinutes: requirement.intervalMinutes, required, starts: requirement.starts, timeZone },
        rules,
        {
          timeLimitSeconds: options.timeLimitSeconds,
          ...(options.workLimit === undefined ? {} : { workLimit: options.workLimit }),
          rulesSource: options.rulesFile,
        },
      ),
    (s) => `${s.status}, ${s.shifts.reduce((a, b) => a + b.count, 0)} shifts`,
  );
  let output: string;
  if (options.format === 'json') output = writeScheduleJson(schedule, timeZone);
  else if (schedule.tours !== undefined) output = writeToursCsv(schedule.tours);
  else output = writeScheduleCsv(schedule.shifts, timeZone);
  return {
    schedule,
    output,
    coverageCsv: writeCoverageCsv({
      starts: requirement.starts,
      timeZone,
      calls: requirement.calls,
      // with column 'scheduled_agents', that column was read into agents: the on-phone need is not known
      requiredAgents:
        column === 'scheduled_agents'
          ? new Float64Array(required.length).fill(Number.NaN)
          : requirement.agents,
      coverage: schedule.coverage,
    }),
    messages: scheduleMessages(schedule),
  };
}
