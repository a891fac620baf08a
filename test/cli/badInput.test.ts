import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runStaffcast } from './run.js';

/** The broken-input corpus; every case below names its files relative to this folder. */
const corpus = fileURLToPath(new URL('../fixtures/bad/', import.meta.url));

/**
 * One bad-input case. `line` is the exact diagnostic line expected on stderr (trimmed): for failures
 * the one line starting with `staffcast:` or commander's `error:`; for accepted-with-warning inputs
 * (code 0) the per-row line of the read report. Every line is exact (no message quotes raw bytes).
 */
interface BadCase {
  name: string;
  argv: string[];
  code: 0 | 1 | 2;
  line: string;
  /** For code 0: the number of data rows the command must still write to stdout. */
  rows?: number;
}

const F = ['forecast', '--horizon', '1'];
const I = ['intraday', '--config', 'intraday_plan.json', '--schedule', 'intraday_schedule_bad.csv'];
/** A folder outside the corpus for `roster -o`: every roster case fails before writing anything. */
const ROSTER_OUT = join(tmpdir(), 'staffcast-bad-roster-never-written');
/**
 * `staffcast roster` with `agents` (and `more` flags) on `roster_requirement.csv` (queues regular,
 * prospects, stocks) and `roster_rules.json` (shift types day and part).
 */
const R = (agents: string, ...more: string[]): string[] => [
  'roster',
  '--agents',
  agents,
  ...more,
  '--rules',
  'roster_rules.json',
  '--requirement',
  'roster_requirement.csv',
  '-o',
  ROSTER_OUT,
  '-q',
];

const cases: BadCase[] = [
  {
    name: 'history CSV without the interval_start column is a data error naming the header',
    argv: [...F, 'bad_header.csv'],
    code: 1,
    line: "staffcast: bad_header.csv:1: missing column 'interval_start' (the interval start column; header has: time, count)",
  },
  {
    name: 'per-contact CSV without the arrival column is a data error naming the header',
    argv: ['aggregate', '--interval', '15', 'bad_header.csv'],
    code: 1,
    line: "staffcast: bad_header.csv:1: missing column 'arrival' (the arrival time column; header has: time, count)",
  },
  {
    name: 'a non-numeric count rejects that row with file:row:field and keeps the rest',
    argv: [...F, 'bad_number.csv'],
    code: 0,
    line: "bad_number.csv:14:calls: not a number (got '12x')",
    rows: 10,
  },
  {
    name: 'a control character in a cell is escaped in the rejection, never written raw',
    argv: [...F, 'control_char.csv'],
    code: 0,
    line: "control_char.csv:14:calls: not a number (got '1\\x1b[31m2')",
    rows: 10,
  },
  {
    name: 'a negative count rejects that row with file:row:field and keeps the rest',
    argv: [...F, 'negative_count.csv'],
    code: 0,
    line: 'negative_count.csv:14:calls: negative count (got -3)',
    rows: 10,
  },
  {
    name: 'a UTC offset like +99:99 rejects that row instead of shifting it by four days',
    argv: [...F, 'offset_out_of_range.csv'],
    code: 0,
    line: "offset_out_of_range.csv:14:interval_start: UTC offset +99:99 is not a real offset (-12:00 to +14:00) (got '2026-03-03T10:00:00+99:99')",
    rows: 10,
  },
  {
    name: 'a hexadecimal count is not read as a number',
    argv: [...F, 'hex_count.csv'],
    code: 0,
    line: "hex_count.csv:14:calls: not a decimal number (got '0x10')",
    rows: 10,
  },
  {
    name: 'a handle time of 1e308 seconds (over a day) rejects that row',
    argv: [...F, 'huge_aht.csv'],
    code: 0,
    line: 'huge_aht.csv:14:aht_seconds: duration too large (got 1e308; at most 86400)',
    rows: 10,
  },
  {
    name: 'a duplicate interval is ignored with a line naming both rows',
    argv: [...F, 'duplicate_rows.csv'],
    code: 0,
    line: 'duplicate_rows.csv:15:interval_start: duplicate interval 2026-03-03T10:00:00Z (first at line 14); row ignored',
    rows: 10,
  },
  {
    name: 'unsorted rows are sorted with a warning and exit 0',
    argv: [...F, 'unsorted_rows.csv'],
    code: 0,
    line: 'unsorted_rows.csv:6:interval_start: out of order (earlier than line 5); rows were sorted by time',
    rows: 10,
  },
  {
    name: 'a local time in the Europe/Madrid spring-forward gap is rejected and asks for an offset',
    argv: ['aggregate', '--interval', '60', '--tz', 'Europe/Madrid', 'dst_gap_madrid.csv'],
    code: 0,
    line: 'dst_gap_madrid.csv:3:arrival: local time 2026-03-29T02:30:00 does not exist in Europe/Madrid (skipped by a DST change); give a UTC offset',
    rows: 23,
  },
  {
    name: 'an empty file is a data error',
    argv: [...F, 'empty.csv'],
    code: 1,
    line: 'staffcast: empty.csv: empty file (no header row)',
  },
  {
    name: 'binary garbage is a data error naming the first binary byte, never echoing it',
    argv: [...F, 'garbage.bin'],
    code: 1,
    line: 'staffcast: garbage.bin: not a text CSV file (binary data at byte 2: 0xf8)',
  },
  {
    name: 'binary garbage given to calibrate (per-call reader) gets the same message',
    argv: ['calibrate', 'garbage.bin'],
    code: 1,
    line: 'staffcast: garbage.bin: not a text CSV file (binary data at byte 2: 0xf8)',
  },
  {
    name: 'a Latin-1 CSV is a data error naming the byte and asking for UTF-8',
    argv: [...F, 'latin1.csv'],
    code: 1,
    line: 'staffcast: latin1.csv: not UTF-8 text (0xe9 at byte 56): save it as UTF-8 CSV',
  },
  {
    name: 'a UTF-16 CSV (Excel "Unicode text") is a data error asking for UTF-8',
    argv: [...F, 'utf16.csv'],
    code: 1,
    line: 'staffcast: utf16.csv: UTF-16 text, not UTF-8: save it as UTF-8 CSV',
  },
  {
    name: 'a binary staffing config is a data error naming the byte',
    argv: ['staff', 'forecast_queue.csv', '--sl', '80/20', '--config', 'binary_config.json'],
    code: 1,
    line: 'staffcast: binary_config.json: not a text JSON file (binary data at byte 2: 0xf8)',
  },
  {
    name: 'a binary --params file is a data error naming it as JSON',
    argv: ['staff', 'forecast_no_aht.csv', '--aht', '180', '--sl', '80/20', '--params', 'garbage.bin'],
    code: 1,
    line: 'staffcast: garbage.bin: not a text JSON file (binary data at byte 2: 0xf8)',
  },
  {
    name: 'a per-call CSV without the arrival column names the header like the interval readers',
    argv: ['calibrate', 'bad_header.csv'],
    code: 1,
    line: "staffcast: bad_header.csv:1: missing column 'arrival' (header has: time, count)",
  },
  {
    name: 'a missing input file is a data error',
    argv: [...F, 'no_such_file.csv'],
    code: 1,
    line: 'staffcast: cannot read no_such_file.csv: no such file',
  },
  {
    name: 'a directory given as the input file is a data error',
    argv: [...F, '.'],
    code: 1,
    line: 'staffcast: cannot read .: is a directory',
  },
  {
    name: 'forecast without --horizon is a usage error',
    argv: ['forecast', 'bom_crlf.csv'],
    code: 2,
    line: "error: required option '--horizon <days>' not specified",
  },
  {
    name: 'a forecast without aht_seconds and without --aht is a usage error naming the flag',
    argv: ['staff', 'forecast_no_aht.csv', '--sl', '80/20'],
    code: 2,
    line: 'staffcast: staff: forecast_no_aht.csv has no aht_seconds column: give the handle time with --aht <seconds>',
  },
  {
    name: 'staff --sl 80/20 --threshold 30 is a usage error (conflicting thresholds)',
    argv: ['staff', 'forecast_no_aht.csv', '--aht', '180', '--sl', '80/20', '--threshold', '30'],
    code: 2,
    line: 'staffcast: staff: --threshold 30 contradicts --sl 80/20 (threshold 20 s)',
  },
  {
    name: 'erlang --sl 80/20 --threshold 30 is a usage error (conflicting thresholds)',
    argv: [
      'erlang',
      '--calls',
      '100',
      '--interval',
      '30',
      '--aht',
      '180',
      '--sl',
      '80/20',
      '--threshold',
      '30',
    ],
    code: 2,
    line: 'staffcast: erlang: --threshold 30 contradicts --sl 80/20 (threshold 20 s)',
  },
  {
    name: '--sl 0.8 without --threshold is a usage error',
    argv: ['staff', 'forecast_no_aht.csv', '--aht', '180', '--sl', '0.8'],
    code: 2,
    line: 'staffcast: staff: --sl 0.8 needs --threshold <seconds> (or write --sl 80/20)',
  },
  {
    name: '--sl 0.8/20 (a fraction where the percentage belongs) is a usage error saying to write 80/20',
    argv: ['staff', 'forecast_no_aht.csv', '--aht', '180', '--sl', '0.8/20'],
    code: 2,
    line: "error: option '--sl <target>' argument '0.8/20' is invalid. '0.8/20': the percentage must be 1..100 (write 80/20 for 80% within 20 s).",
  },
  {
    name: 'scenario whose team change names an unknown agent is a config error naming the scenario and the field',
    argv: ['scenario', 'scenario_team_unknown_agent.json', '-q'],
    code: 1,
    line: "staffcast: scenario_team_unknown_agent.json: lose: team: attrition.agents[0]: unknown agent 'a09' (team: a01, a02)",
  },
  {
    name: 'scenario --sweep aht= (unit not named) is a usage error naming aht-factor= and aht-seconds=',
    argv: ['scenario', '--base', 'plan_infeasible_cap.json', '--sweep', 'aht=280:320:20'],
    code: 2,
    line: "staffcast: --sweep: 'aht' does not say its unit: write aht-factor=280:320:20 (multiplies the handle time) or aht-seconds=280:320:20 (sets it in seconds)",
  },
  {
    name: 'scenario --sweep with an absurd handle-time factor is a usage error pointing to aht-seconds=',
    argv: ['scenario', '--base', 'plan_infeasible_cap.json', '--sweep', 'aht-factor=280:320:20'],
    code: 2,
    line: 'staffcast: --sweep: aht-factor must be 0.1..10 (a factor of the handle time; got 280): for seconds write aht-seconds=280:320:20',
  },
  {
    name: 'staff --aht 1e308 is a usage error (handle time at most one day)',
    argv: ['staff', 'forecast_no_aht.csv', '--aht', '1e308', '--sl', '80/20'],
    code: 2,
    line: "error: option '--aht <seconds>' argument '1e308' is invalid. '1e308' must be at most 86400 seconds (one day).",
  },
  {
    name: 'staff --concurrency 1e9 is a usage error (at most 100 contacts per agent)',
    argv: ['staff', 'forecast_no_aht.csv', '--aht', '180', '--sl', '80/20', '--concurrency', '1000000000'],
    code: 2,
    line: "error: option '--concurrency <n>' argument '1000000000' is invalid. '1000000000' must be a whole number from 1 to 100.",
  },
  {
    name: 'staff --min-agents 1e9 is a usage error (at most maxAgents)',
    argv: ['staff', 'forecast_no_aht.csv', '--aht', '180', '--sl', '80/20', '--min-agents', '1000000000'],
    code: 2,
    line: "error: option '--min-agents <n>' argument '1000000000' is invalid. '1000000000' must be at most 100000 agents.",
  },
  {
    name: 'erlang --calls 1e308 is a usage error naming the highest rate, not a hang',
    argv: ['erlang', '--calls', '1e308', '--interval', '30', '--aht', '180', '--sl', '80/20'],
    code: 2,
    line: 'staffcast: erlang: --calls 1e+308 per 30 min is more than 100000 contacts per second (at most 180000000 per interval)',
  },
  {
    name: 'erlang --patience 1e308 is a usage error (patience at most one day)',
    argv: [
      'erlang',
      '--calls',
      '100',
      '--interval',
      '30',
      '--aht',
      '180',
      '--sl',
      '80/20',
      '--patience',
      '1e308',
    ],
    code: 2,
    line: "error: option '--patience <seconds>' argument '1e308' is invalid. '1e308' must be at most 86400 seconds (one day; longer is Erlang C: drop --patience).",
  },
  {
    name: 'erlang --agents 1e9 is a usage error, not a hang',
    argv: ['erlang', '--calls', '100', '--interval', '30', '--aht', '180', '--agents', '1000000000'],
    code: 2,
    line: "error: option '--agents <n>' argument '1000000000' is invalid. '1000000000' must be at most 1000000 agents.",
  },
  {
    name: 'a load needing more than maxAgents is TARGET_UNREACHABLE at once (data error)',
    argv: ['erlang', '--calls', '1.8e8', '--interval', '30', '--aht', '86400', '--sl', '80/20'],
    code: 1,
    line: 'staffcast: requiredAgents: no agent count up to maxAgents 100000 meets the target (load 8.64000e+9 Erlangs)',
  },
  {
    name: 'a non-numeric flag value is a usage error',
    argv: ['erlang', '--calls', 'abc', '--interval', '30', '--aht', '180'],
    code: 2,
    line: "error: option '--calls <n>' argument 'abc' is invalid. 'abc' is not a number.",
  },
  {
    name: 'a shrinkage above 1 is a usage error',
    argv: ['staff', 'forecast_no_aht.csv', '--aht', '180', '--sl', '80/20', '--shrinkage', '1.2'],
    code: 2,
    line: "error: option '--shrinkage <fraction>' argument '1.2' is invalid. '1.2' must be a fraction between 0 and 1.",
  },
  {
    name: 'a percentage where a fraction belongs is a usage error saying how to write it',
    argv: ['staff', 'forecast_no_aht.csv', '--aht', '180', '--sl', '80/20', '--max-occupancy', '85'],
    code: 2,
    line: "error: option '--max-occupancy <fraction>' argument '85' is invalid. '85' must be a fraction between 0 and 1 (write 0.85 for 85%).",
  },
  {
    name: 'an unknown --scope choice is a usage error listing the choices',
    argv: ['staff', 'forecast_no_aht.csv', '--aht', '180', '--sl', '80/20', '--scope', 'month'],
    code: 2,
    line: "error: option '--scope <scope>' argument 'month' is invalid. Allowed choices are interval, day, week.",
  },
  {
    name: 'daily totals with calls on a weekday the profile lacks name the row of the totals file',
    argv: [...F, '--daily-totals', 'daily_totals.csv', '--profile', 'profile_weekdays.csv'],
    code: 1,
    line: 'staffcast: daily_totals.csv:7:date: profile profile_weekdays.csv has no Saturday (2026-03-07 has 40 calls)',
  },
  {
    name: 'a profile whose weekday shares do not sum to 1 is a data error naming its first row',
    argv: [...F, '--daily-totals', 'daily_totals.csv', '--profile', 'profile_bad_sum.csv'],
    code: 1,
    line: 'staffcast: profile_bad_sum.csv:2: the shares of Monday sum to 0.9 (must be 1)',
  },
  {
    name: '--daily-totals without a profile is a usage error',
    argv: [...F, '--daily-totals', 'daily_totals.csv'],
    code: 2,
    line: 'staffcast: forecast: --daily-totals needs one of --profile <profile.csv> or --profile-from <history.csv>',
  },
  {
    name: 'an unknown command is a usage error',
    argv: ['bogus'],
    code: 2,
    line: "error: unknown command 'bogus'",
  },
  {
    name: 'a staffing config without the queue of the forecast is a data error naming both',
    argv: ['staff', 'forecast_queue.csv', '--config', 'staffing_unknown_queue.json', '--sl', '80/20'],
    code: 1,
    line: "staffcast: staffing_unknown_queue.json: queue 'sales' is in forecast_queue.csv but not in the config (config queues: support)",
  },
  {
    name: 'a bad value in one queue of a multi-queue forecast names the queue and the line of the file',
    argv: ['staff', 'forecast_two_queues_bad.csv', '--config', 'staffing_two_queues.json', '--sl', '80/20'],
    code: 1,
    line: "staffcast: forecast_two_queues_bad.csv (queue care):7:calls: not a number (got 'x')",
  },
  {
    name: 'a multi-queue forecast row without a queue name is a data error naming line and column',
    argv: ['staff', 'forecast_empty_queue.csv', '--config', 'staffing_two_queues.json', '--sl', '80/20'],
    code: 1,
    line: 'staffcast: forecast_empty_queue.csv:4:queue: empty queue name (every row of a multi-queue forecast names its queue)',
  },
  {
    name: 'a rules JSON with an unknown key is a config error naming the path',
    argv: ['schedule', 'requirement.csv', '--rules', 'rules_unknown_key.json'],
    code: 1,
    line: 'staffcast: rules_unknown_key.json: shiftTypes[0]: unknown key "maxShiftsPerDay" (known keys: name, days, earliestStart, latestStart, startStepMinutes, lengthsMinutes, lengthMinutes, paid, fixedDuration, costPerPaidHour, minCount, maxCount, minShare, maxShare, breaks)',
  },
  {
    name: 'a rules break that cannot fit its shift is a config error naming the break',
    argv: ['schedule', 'requirement.csv', '--rules', 'rules_break_no_fit.json'],
    code: 1,
    line: 'staffcast: rules_break_no_fit.json: shiftTypes[1].breaks[0]: lunch of 30 min starting 240..300 min after the shift start does not fit in a shift of 240 min',
  },
  {
    name: 'rules whose tour hours no shift type can reach are a config error',
    argv: ['schedule', 'requirement.csv', '--rules', 'rules_tour_hours.json'],
    code: 1,
    line: 'staffcast: rules_tour_hours.json: tours: no shift type and length gives 45-any paid hours a week in 4-5 shifts (day 480 min: 32-40 h)',
  },
  {
    name: 'a rules shift longer than a week is a config error naming the length',
    argv: ['schedule', 'requirement.csv', '--rules', 'rules_week_shift.json'],
    code: 1,
    line: 'staffcast: rules_week_shift.json: shiftTypes[0].lengthsMinutes[1]: a shift of 10095 min is longer than a week (10080 min)',
  },
  {
    name: 'a requirement whose offsets are not those of --tz is a data error',
    argv: ['schedule', 'requirement_other_zone.csv', '--rules', 'rules_week_shift.json'],
    code: 1,
    line: "staffcast: requirement_other_zone.csv:2:interval_start: offset differs from UTC's at that instant (2003-10-27T12:00:00Z); give the requirement's zone with --tz (got '2003-10-27T07:00:00-05:00')",
  },
  {
    name: 'a rules minCount of 1e9 is a config error (bounded), not a solver that never ends',
    argv: ['schedule', 'requirement.csv', '--rules', 'rules_huge_min_count.json'],
    code: 1,
    line: 'staffcast: rules_huge_min_count.json: shiftTypes[0].minCount: Too big: expected number to be <=100000',
  },
  {
    name: 'roster rules limiting a shift type the rules do not have is a config error naming it',
    argv: ['schedule', 'requirement.csv', '--rules', 'rules_roster_unknown_type.json'],
    code: 1,
    line: "staffcast: rules_roster_unknown_type.json: roster.shiftTypeLimits.night: unknown shift type 'night' (known: day)",
  },
  {
    name: 'a requirement CSV with times without offset is a data error naming row and column',
    argv: ['schedule', 'requirement_no_offset.csv', '--rules', 'rules_unknown_key.json'],
    code: 1,
    line: "staffcast: requirement_no_offset.csv:2:interval_start: must be an ISO-8601 time with offset (got '2026-03-02T08:00:00')",
  },
  {
    name: 'a requirement CSV error names the file line, counting the header and blank lines',
    argv: ['schedule', 'requirement_blank_line.csv', '--rules', 'rules_unknown_key.json'],
    code: 1,
    line: "staffcast: requirement_blank_line.csv:4:agents: must be a number >= 0 (got '-2')",
  },
  {
    name: 'a requirement CSV without the agents column is a data error',
    argv: ['schedule', 'forecast_no_aht.csv', '--rules', 'rules_unknown_key.json'],
    code: 1,
    line: "staffcast: forecast_no_aht.csv:1: missing column 'agents' (header has: interval_start, calls)",
  },
  {
    name: 'a blank scheduled_agents cell is an error naming line and column, not a switch to agents',
    argv: ['schedule', 'requirement_blank_scheduled.csv', '--rules', 'rules_unknown_key.json'],
    code: 1,
    line: "staffcast: requirement_blank_scheduled.csv:3:scheduled_agents: empty cell (other rows have scheduled_agents; give it on every row or on none) (got '')",
  },
  {
    name: 'a history header naming a column twice is an error naming both positions',
    argv: [...F, 'duplicate_column.csv'],
    code: 1,
    line: "staffcast: duplicate_column.csv:1: column 'calls' appears twice in the header (columns 2 and 4)",
  },
  {
    name: 'a per-call header naming a column twice is the same error in aggregate',
    argv: ['aggregate', '--interval', '60', 'records_duplicate_column.csv'],
    code: 1,
    line: "staffcast: records_duplicate_column.csv:1: column 'arrival' appears twice in the header (columns 1 and 4)",
  },
  {
    name: 'a per-call header naming a column twice is the same error in calibrate',
    argv: ['calibrate', 'records_duplicate_column.csv'],
    code: 1,
    line: "staffcast: records_duplicate_column.csv:1: column 'arrival' appears twice in the header (columns 1 and 4)",
  },
  {
    name: 'fitted parameters with an unknown key are a config error suggesting the known key',
    argv: [
      'staff',
      'forecast_no_aht.csv',
      '--aht',
      '180',
      '--sl',
      '80/20',
      '--params',
      'params_unknown_key.json',
    ],
    code: 1,
    line: 'staffcast: params_unknown_key.json: unknown key "availabilityFactr" (did you mean "availabilityFactor"?)',
  },
  {
    name: 'a JSON config with a UTF-8 BOM is read like a CSV with one',
    argv: ['staff', 'forecast_queue.csv', '--config', 'staffing_bom.json', '--sl', '80/20'],
    code: 0,
    line: 'staff: total: 4.5 agent-hours on the phones, 0.1 FTE (scheduled agent-hours per week / 40 h, 7-day horizon), peak 5 agents at 2026-03-02T08:30:00Z',
    rows: 2,
  },
  {
    name: 'aggregate counts outcomes whatever their case and says how many fell into each class',
    argv: ['aggregate', '--interval', '60', 'records_outcome_case.csv'],
    code: 0,
    line: 'records: 2 handled, 2 abandoned, 1 neither (offered only), 1 excluded',
    rows: 24,
  },
  {
    name: 'aggregate rejects a file with an outcome no rule names instead of dropping those calls',
    argv: ['aggregate', '--interval', '60', 'records_unknown_outcome.csv'],
    code: 1,
    line: "staffcast: records_unknown_outcome.csv:4:outcome: unknown outcome 'TRANSFER' (known: AGENT, HANG, PHANTOM); count it with --handled, --abandoned, --other or --exclude",
  },
  {
    name: 'aggregate refuses a span of more than a million intervals, naming the first and last arrivals',
    argv: ['aggregate', '--interval', '60', 'records_many_years.csv'],
    code: 1,
    line: 'staffcast: records_many_years.csv: records span 2026-03-02T08:01:00Z (line 2) to 2206-03-02T08:20:00Z (line 3): 1,577,856 intervals of 60 minutes, more than 1,000,000; check those dates, or allow it with --max-intervals',
  },
  {
    name: "an Excel export (';', dd/mm/yyyy, decimal comma, CRLF) reads without a flag when a day above 12 settles the order",
    argv: [...F, 'excel_export.csv'],
    code: 0,
    line: 'read 140 rows from excel_export.csv: 140 used, 0 rejected',
    rows: 10,
  },
  {
    name: 'an Excel export whose dates never show a day above 12 is an error naming the flag',
    argv: [...F, 'excel_ambiguous.csv'],
    code: 1,
    line: "staffcast: excel_ambiguous.csv:2:interval_start: ambiguous date order: no date has a day above 12 (first '02/03/2026 08:00'); give --date-format dmy (day first) or mdy (month first)",
  },
  {
    name: 'the ambiguous export reads with --date-format dmy',
    argv: [...F, 'excel_ambiguous.csv', '--date-format', 'dmy'],
    code: 0,
    line: 'read 70 rows from excel_ambiguous.csv: 70 used, 0 rejected',
    rows: 10,
  },
  {
    name: 'outbound --scheduled with only a gross column (agents at lunch included) is a data error naming --column',
    argv: ['outbound', 'requirement.csv', '--scheduled', 'coverage_gross.csv', '--aht', '300'],
    code: 1,
    line: "staffcast: coverage_gross.csv:1: no net column 'on_phone' or 'net' (header has: interval_start, scheduled, on_break): 'scheduled' counts agents on break too; if it counts only agents free to take calls, give --column scheduled",
  },
  {
    name: 'outbound reading a net column without --shrinkage is a usage error asking for it',
    argv: ['outbound', 'requirement.csv', '--scheduled', 'coverage_net.csv', '--aht', '300'],
    code: 2,
    line: "staffcast: outbound: give --shrinkage <fraction>: the share of the agents in column 'net' of coverage_net.csv not on the phones (meetings, training, absence; --shrinkage 0 if none)",
  },
  {
    name: 'a missing rules file is a data error',
    argv: ['schedule', 'requirement.csv', '--rules', 'no_such_rules.json'],
    code: 1,
    line: 'staffcast: cannot read no_such_rules.json: no such file',
  },
  {
    name: 'intraday actuals with a row ending after --at are a data error naming that row',
    argv: [...I, '--actuals', 'intraday_late.csv', '--at', '11:00'],
    code: 1,
    line: 'staffcast: intraday_late.csv:5:interval_start: the interval 11:00-12:00 ends after --at 11:00 (the actuals must end by the decision time)',
  },
  {
    name: 'intraday actuals from two days are a data error naming the first row of the second day',
    argv: [...I, '--actuals', 'intraday_two_days.csv', '--at', '11:00'],
    code: 1,
    line: 'staffcast: intraday_two_days.csv:4:interval_start: actuals from more than one day (2026-03-17 after 2026-03-16): give the rows of one day',
  },
  {
    name: 'intraday actuals of a day outside the forecast horizon are a data error naming the horizon',
    argv: [...I, '--actuals', 'intraday_outside.csv', '--at', '11:00'],
    code: 1,
    line: "staffcast: intraday_outside.csv:2:interval_start: 2026-03-20 is outside the plan's forecast horizon (2026-03-16 to 2026-03-16)",
  },
  {
    name: 'intraday --at that is not HH:MM is a usage error',
    argv: [...I, '--actuals', 'intraday_actuals.csv', '--at', '11h30'],
    code: 2,
    line: 'staffcast: intraday: --at 11h30 is not a time of day (write HH:MM, e.g. 11:30)',
  },
  {
    name: "intraday --at off the plan's interval grid is a usage error",
    argv: [...I, '--actuals', 'intraday_actuals.csv', '--at', '11:30'],
    code: 2,
    line: "staffcast: intraday: --at 11:30 is not on the plan's 60-minute grid",
  },
  {
    name: 'intraday --flex 5 (a percentage) is a usage error saying how to write it',
    argv: [...I, '--actuals', 'intraday_actuals.csv', '--at', '11:00', '--flex', '5'],
    code: 2,
    line: "error: option '--flex <fraction>' argument '5' is invalid. '5' must be a fraction between 0 and 1 (write 0.05 for 5%).",
  },
  {
    name: 'a schedule.csv with a count that is not a whole number is a data error naming line and column',
    argv: [...I, '--actuals', 'intraday_actuals.csv', '--at', '11:00'],
    code: 1,
    line: "staffcast: intraday_schedule_bad.csv:2:count: must be a whole number >= 0 (got 'x')",
  },
  {
    name: 'a per-call file for replay without the service_seconds column is a data error naming the header',
    argv: [
      'replay',
      '--config',
      '../replay/replay.json',
      '--weeks',
      '1',
      '--calls',
      'replay_calls_no_service.csv',
    ],
    code: 1,
    line: "staffcast: replay_calls_no_service.csv:1: missing column 'service_seconds' (header has: arrival, service_type, priority, outcome, vru_seconds, queued, queue_seconds, served_by_agent, agent)",
  },
  {
    name: 'roster: a skill that is not a queue of the requirement names the file, line and skills column',
    argv: R('agents_unknown_skill.csv'),
    code: 1,
    line: "staffcast: agents_unknown_skill.csv:3:skills: unknown skill 'stoks' (known queues: regular, prospects, stocks)",
  },
  {
    name: 'roster: an unknown skill in the JSON agents file names the agent path',
    argv: R('agents_unknown_skill.json'),
    code: 1,
    line: "staffcast: agents_unknown_skill.json: agents[1].skills: unknown skill 'stoks' (known queues: regular, prospects, stocks)",
  },
  {
    name: "roster: a queue listed twice in the rules' roster.queues is a config error naming the key",
    argv: [
      'roster',
      '--agents',
      'agents_valid.csv',
      '--rules',
      'rules_roster_queue_twice.json',
      '--requirement',
      'roster_requirement.csv',
      '-o',
      ROSTER_OUT,
      '-q',
    ],
    code: 1,
    line: 'staffcast: rules_roster_queue_twice.json: roster.queues: a queue is listed twice',
  },
  {
    name: 'roster: a duplicate agent id names the second row and the agent that has it first',
    argv: R('agents_duplicate_id.csv'),
    code: 1,
    line: "staffcast: agents_duplicate_id.csv:4:id: duplicate agent id 'a01' (already the id of A. Cohen, agent 1 of the list)",
  },
  {
    name: 'roster: min hours above max hours is an impossible contract',
    argv: R('agents_min_over_max.csv'),
    code: 1,
    line: 'staffcast: agents_min_over_max.csv:2:min_hours_per_week: min hours per week 45 is more than max hours per week 40',
  },
  {
    name: "roster: min hours beyond max days x the rules' longest allowed shift cannot be worked",
    argv: R('agents_hours_unworkable.csv'),
    code: 1,
    line: 'staffcast: agents_hours_unworkable.csv:3:min_hours_per_week: min hours per week 20 cannot be worked: at most 4 days x 4 paid hours (longest allowed shift) = 16 h',
  },
  {
    name: 'roster: max consecutive days too low for the min days per week',
    argv: R('agents_consecutive.csv'),
    code: 1,
    line: 'staffcast: agents_consecutive.csv:2:max_consecutive_days: at most 1 consecutive day allow at most 4 days in a week, less than min days per week 5',
  },
  {
    name: 'roster: a time window without two-digit hours names the availability cell',
    argv: R('agents_bad_window.csv'),
    code: 1,
    line: `staffcast: agents_bad_window.csv:2:availability: not a time window "HH:MM-HH:MM" (got '7:00-19:00')`,
  },
  {
    name: "roster: an unknown agent's time zone names the time_zone cell",
    argv: R('agents_unknown_zone.csv'),
    code: 1,
    line: "staffcast: agents_unknown_zone.csv:3:time_zone: unknown time zone 'Asia/Jerusalm' (an IANA name such as Asia/Jerusalem)",
  },
  {
    name: 'roster: overlapping leave of one agent names the later request in the time-off file',
    argv: R('agents_valid.csv', '--time-off', 'time_off_overlap.csv'),
    code: 1,
    line: "staffcast: time_off_overlap.csv:4:start: overlaps the agent's hard time off from 1999-03-08T00:00:00+02:00 to 1999-03-12T00:00:00+02:00",
  },
  {
    name: 'roster: an unknown column of the agents file is an error, not silently dropped',
    argv: R('agents_unknown_column.csv'),
    code: 1,
    line: "staffcast: agents_unknown_column.csv:1: unknown column 'skils' (known: id, name, contract, min_hours_per_week, max_hours_per_week, min_days_per_week, max_days_per_week, max_consecutive_days, min_rest_hours, shift_types, cost_per_hour, skills, site, time_zone, availability, days_off, preferences, seniority)",
  },
  {
    name: 'roster --schedule: a shift type the rules lack names the file, line and type column',
    argv: R('agents_valid.csv', '--schedule', 'roster_schedule_unknown_type.csv', '--queue', 'regular'),
    code: 1,
    line: "staffcast: roster_schedule_unknown_type.csv:3:type: unknown shift type 'night' (known: day, part)",
  },
  {
    name: 'roster --schedule: a start that is not a real time names the file, line and start column',
    argv: R('agents_valid.csv', '--schedule', 'roster_schedule_bad_time.csv', '--queue', 'regular'),
    code: 1,
    line: "staffcast: roster_schedule_bad_time.csv:3:start: not a real date-time (got '1999-03-01T25:00:00Z')",
  },
  {
    name: "roster --schedule: a shift on a day outside the requirement's horizon names the horizon",
    argv: R('agents_valid.csv', '--schedule', 'roster_schedule_outside.csv', '--queue', 'regular'),
    code: 1,
    line: "staffcast: roster_schedule_outside.csv:3:start: 1999-03-09 is outside the requirement's horizon (roster_requirement.csv: 1999-03-01 to 1999-03-01)",
  },
  {
    name: 'roster --schedule with a requirement of several queues and no --queue is a usage error',
    argv: R('agents_valid.csv', '--schedule', 'roster_schedule.csv'),
    code: 2,
    line: 'staffcast: roster: roster_requirement.csv has 3 queues (regular, prospects, stocks) and roster_schedule.csv has no queue column; give --queue <name> to roster that schedule on one of them',
  },
  {
    name: 'roster --queue naming no queue of the requirement is a usage error listing its queues',
    argv: R('agents_valid.csv', '--queue', 'billing'),
    code: 2,
    line: 'staffcast: roster: --queue billing is not a queue of roster_requirement.csv (queues: regular, prospects, stocks)',
  },
];

/** Plan cases: also checked for leaving nothing in the --out folder. */
const planCases: BadCase[] = [
  {
    name: 'plan config with agents whose skills are not the queue of the plan is a row error naming file, line and column',
    argv: ['plan', '--config', 'plan_agents_unknown_skill.json'],
    code: 1,
    line: "staffcast: agents_valid.csv:2:skills: unknown skill 'regular' (known queues: sales) (and 1 more problem)",
  },
  {
    name: 'plan config with an unknown key is a config error',
    argv: ['plan', '--config', 'plan_unknown_key.json'],
    code: 1,
    line: 'staffcast: plan_unknown_key.json: unknown key "horizon" (did you mean "horizonDays"?)',
  },
  {
    name: 'plan config with a string where a number belongs is a config error naming the field',
    argv: ['plan', '--config', 'plan_wrong_type.json'],
    code: 1,
    line: 'staffcast: plan_wrong_type.json: ahtSeconds: Invalid input: expected number, received string',
  },
  {
    name: 'plan config with a confidence written as a percentage is a config error naming target.confidence',
    argv: ['plan', '--config', 'plan_confidence_percent.json'],
    code: 1,
    line: 'staffcast: plan_confidence_percent.json: target.confidence: Too big: expected number to be <=0.99',
  },
  {
    name: 'plan config that is not JSON is a config error',
    argv: ['plan', '--config', 'plan_not_json.json'],
    code: 1,
    line: 'staffcast: plan_not_json.json: not valid JSON at line 1, column 44: Expected double-quoted property name',
  },
  {
    name: 'plan config naming a missing history file is a data error',
    argv: ['plan', '--config', 'plan_missing_history.json'],
    code: 1,
    line: 'staffcast: plan_missing_history.json: history.file: cannot read no_such_history.csv: no such file',
  },
  {
    name: 'a cap below the peak with allowUnderCoverage false is INFEASIBLE before scheduling',
    argv: ['plan', '--config', 'plan_infeasible_cap.json'],
    code: 1,
    line: 'staffcast: scheduleShifts: caps.maxAgentsPerInterval (1) is below the 5 agents required in interval 2026-03-16T08:00:00Z (mon 08:00) and coverage.allowUnderCoverage is false',
  },
  {
    name: 'plan without --config is a usage error',
    argv: ['plan'],
    code: 2,
    line: "error: required option '--config <file>' not specified",
  },
];

/** Binary data on stdin: a NUL byte at byte 44. */
const STDIN_WITH_NUL = 'interval_start,calls\n2026-03-02T08:00:00Z,1\u0000\n';

/** Cases with a test of their own (stdin input; a stricter check of an accepted file). */
const stdinCase: BadCase = {
  name: 'binary data on stdin',
  argv: ['staff', '-', '--aht', '180', '--sl', '80/20'],
  code: 1,
  line: 'staffcast: stdin: not a text CSV file (binary data at byte 44: 0x00)',
};
const bomCase: BadCase = {
  name: 'a BOM and CRLF line ends',
  argv: [...F, 'bom_crlf.csv'],
  code: 0,
  line: 'read 140 rows from bom_crlf.csv: 140 used, 0 rejected',
  rows: 10,
};

/** One row of the table in `test/fixtures/bad/README.md`. */
interface ReadmeRow {
  text: string;
  /** Alternatives (`a`, `b`), each the files a case must all name (`a` + `b`); `-` for (stdin). */
  files: string[][];
  /** The commands, `...` standing for anything. */
  commands: string[];
  exit: number;
  /** The quoted messages, `...` standing for anything. */
  messages: string[];
}

const quoted = (cell: string): string[] => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);

function readmeRows(): ReadmeRow[] {
  const lines = readFileSync(join(corpus, 'README.md'), 'utf8').split('\n');
  return lines
    .filter((l) => /^\| [`(]/.test(l))
    .map((text) => {
      const [file = '', , command = '', exit = '', message = ''] = text.slice(2, -2).split(' | ');
      const files = file.includes('(stdin)') ? [['-']] : file.split(',').map(quoted);
      return { text, files, commands: quoted(command), exit: Number(exit), messages: quoted(message) };
    });
}

/** `...` (with the spaces around it) matches anything; the rest literally. */
function wildcard(pattern: string): RegExp {
  const parts = pattern.split(/ ?\.\.\. ?/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('(?: .*)?')}$`, 's');
}

/** Whether a case runs a row's command on its files: the command matches the argv with or without the files. */
function rowMatches(row: ReadmeRow, c: BadCase): boolean {
  const names = row.files.find((all) => all.every((f) => c.argv.includes(f)));
  if (names === undefined) return false;
  const texts = [c.argv.join(' '), c.argv.filter((a) => !names.includes(a)).join(' ')];
  return row.commands.some((command) => texts.some((t) => wildcard(command).test(t)));
}

/** Whether `line` holds the parts of `message` between its `...`, in order. */
function containsInOrder(line: string, message: string): boolean {
  let from = 0;
  for (const part of message.split('...')) {
    const at = line.indexOf(part, from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return true;
}

/** The one diagnostic line of a run: the line equal to `line`, else the first non-empty line. */
function diagnostic(stderr: string, line: string): string | undefined {
  const lines = stderr.split('\n').map((l) => l.trim());
  return lines.find((l) => l === line) ?? lines.find((l) => l !== '');
}

function expectLine(stderr: string, line: string): void {
  expect(diagnostic(stderr, line)).toBe(line);
}

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'staffcast-bad-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('staffcast on bad input', () => {
  it.each(cases)('$name', async (c) => {
    const r = await runStaffcast(c.argv, { cwd: corpus });
    expect(r.code).toBe(c.code);
    expectLine(r.stderr, c.line);
    const errorLines = r.stderr.split('\n').filter((l) => /^(staffcast|error):/.test(l));
    if (c.code === 0) {
      expect(errorLines).toEqual([]);
      expect(r.stdout.trim().split('\n')).toHaveLength(1 + (c.rows ?? 0));
    } else {
      expect(errorLines).toHaveLength(1);
      expect(r.stdout).toBe('');
    }
  });

  it('leaves no roster -o folder behind for the failing roster cases', () => {
    expect(cases.some((c) => c.argv.includes(ROSTER_OUT))).toBe(true);
    expect(existsSync(ROSTER_OUT)).toBe(false);
  });

  it('reports binary data on stdin at its byte and prints no raw byte', async () => {
    const r = await runStaffcast(stdinCase.argv, { cwd: corpus, stdin: STDIN_WITH_NUL });
    expect(r.code).toBe(stdinCase.code);
    expect(r.stderr).toBe(`${stdinCase.line}\n`);
  });

  it('accepts a UTF-8 BOM and CRLF line ends without rejecting any row', async () => {
    const r = await runStaffcast(bomCase.argv, { cwd: corpus });
    expect(r.code).toBe(bomCase.code);
    expect(r.stderr).toContain(bomCase.line);
    expect(r.stderr).not.toMatch(/rejected rows|warnings/);
    const out = r.stdout.trim().split('\n');
    expect(out[0]).toMatch(/^interval_start,calls/);
    expect(out).toHaveLength(1 + bomCase.rows!);
  });

  it.each(planCases)('$name, leaving no --out folder behind', async (c) => {
    const out = join(tmp, `out-${planCases.indexOf(c)}`);
    const r = await runStaffcast([...c.argv, '-o', out, '--quiet'], { cwd: corpus });
    expect(r.code).toBe(c.code);
    expectLine(r.stderr, c.line);
    expect(r.stderr.split('\n').filter((l) => /^(staffcast|error):/.test(l))).toHaveLength(1);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it('keeps an existing --out folder untouched when plan fails (INFEASIBLE)', async () => {
    const out = join(tmp, 'existing');
    await mkdir(out);
    await writeFile(join(out, 'keep.txt'), 'earlier run\n');
    const r = await runStaffcast(['plan', '--config', 'plan_infeasible_cap.json', '-o', out, '--quiet'], {
      cwd: corpus,
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^staffcast: scheduleShifts: caps\.maxAgentsPerInterval \(1\)/);
    expect(await readdir(out)).toEqual(['keep.txt']);
  });

  it('agrees with the table of test/fixtures/bad/README.md (command, exit code, message)', () => {
    const all = [...cases, ...planCases, stdinCase, bomCase];
    const rows = readmeRows();
    expect(rows.length).toBeGreaterThan(25);
    for (const row of rows) {
      const matching = all.filter((c) => rowMatches(row, c));
      expect(matching.length, row.text).toBeGreaterThan(0);
      for (const c of matching) expect(c.code, `${row.text}\n${c.name}`).toBe(row.exit);
      for (const message of row.messages)
        expect(
          matching.some((c) => containsInOrder(c.line, message)),
          `${row.text}\n\`${message}\``,
        ).toBe(true);
    }
  });
});
