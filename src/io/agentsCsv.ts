import { StaffcastError } from '../errors.js';
import { echoValue } from '../messageText.js';
import type { Agent, Contract, TimeOffRequest } from '../rostering/types.js';
import { type AgentField, type AgentProblem, agentProblems } from '../rostering/validateAgents.js';
import type { ShiftRulesConfig } from '../schemas/shiftRules.js';
import { formatInstant } from '../time/formatInstant.js';
import { localDate, localMinuteOfDay } from '../time/localCalendar.js';
import {
  formatAvailability,
  formatPreferences,
  isProblem,
  parseAvailability,
  parsePreferences,
  parseWeekdays,
  splitList,
  timeOffBound,
} from './agentCells.js';
import { problemOptions, throwProblems } from './agentProblemsError.js';
import { assertDataRows, assertUniqueColumns, missingColumnError, parseCsvText } from './csvSource.js';
import { csvText } from './csvText.js';

/**
 * The columns of the agents CSV, in the order `writeAgentsCsv` writes them. Required: `id`,
 * `name`, `skills`, `max_hours_per_week`, `max_days_per_week`; the others may be left out (the
 * column or the cell) and take the defaults of `AgentsFileSchema`: `contract` '' ,
 * `min_hours_per_week` 0, `min_days_per_week` 0, `max_consecutive_days` 6, `min_rest_hours` 11,
 * `shift_types` any, `cost_per_hour` 1, `site` '', `time_zone` the reader's zone, `availability`
 * always, `days_off` none, `preferences` none, `seniority` 0. Cell syntax: `skills`,
 * `shift_types` and `days_off` are `;`-separated lists (`stocks;loans`, `fri;sat`);
 * `availability` is `sun-thu 07:00-19:00; fri 07:00-13:00` (weekdays, a range or a comma list,
 * then one or more `HH:MM-HH:MM` windows; `22:00-06:00` crosses midnight; a weekday not listed is
 * not available); `preferences` is `early 2; late 1` (kind, optional weight, default 1).
 */
export const AGENTS_CSV_COLUMNS = [
  'id',
  'name',
  'contract',
  'min_hours_per_week',
  'max_hours_per_week',
  'min_days_per_week',
  'max_days_per_week',
  'max_consecutive_days',
  'min_rest_hours',
  'shift_types',
  'cost_per_hour',
  'skills',
  'site',
  'time_zone',
  'availability',
  'days_off',
  'preferences',
  'seniority',
] as const;

/**
 * The columns of the time-off CSV (one row per request), in file order: `agent_id`, `start`,
 * `end` (dates `YYYY-MM-DD`, whole local days with the end day included, or ISO-8601 date-times,
 * local in the agent's zone unless they carry an offset, the end excluded), `kind` (`hard`:
 * approved leave, `soft`: a wish; default `hard`), `weight` (penalty of a broken wish, default 1)
 * and `note` (free text). Required: `agent_id`, `start`, `end`.
 */
export const TIME_OFF_CSV_COLUMNS = ['agent_id', 'start', 'end', 'kind', 'weight', 'note'] as const;

const REQUIRED = ['id', 'name', 'skills', 'max_hours_per_week', 'max_days_per_week'] as const;

/** The CSV column of each agent field (problems name it). */
const COLUMN_OF: Record<AgentField, string> = {
  id: 'id',
  name: 'name',
  skills: 'skills',
  site: 'site',
  timeZone: 'time_zone',
  availability: 'availability',
  fixedDaysOff: 'days_off',
  timeOff: 'start',
  shiftPreferences: 'preferences',
  seniority: 'seniority',
  'contract.name': 'contract',
  'contract.minHoursPerWeek': 'min_hours_per_week',
  'contract.maxHoursPerWeek': 'max_hours_per_week',
  'contract.minDaysPerWeek': 'min_days_per_week',
  'contract.maxDaysPerWeek': 'max_days_per_week',
  'contract.maxConsecutiveDays': 'max_consecutive_days',
  'contract.minRestHours': 'min_rest_hours',
  'contract.shiftTypes': 'shift_types',
  'contract.costPerHour': 'cost_per_hour',
};

/** What an agents reader needs besides the text. */
export interface AgentsReadOptions {
  /**
   * Every queue the run knows, rostered or not (a roster run: the requirement's and the rules'
   * `roster.queues`); every skill must be one of them, a skill for a queue not rostered is valid.
   */
  queues: readonly string[];
  /** The shift rules: contracts are checked against their shift types (names, longest paid shift). */
  shiftRules?: ShiftRulesConfig;
  /** Zone of agents without `time_zone` (and of their local times). Default `'UTC'`. */
  timeZone?: string;
  /** A time-off CSV (`TIME_OFF_CSV_COLUMNS`) whose requests are added to the agents'. */
  timeOff?: { text: string; file: string };
}

function rowError(file: string, line: number, column: string, problem: string): StaffcastError {
  return new StaffcastError('CSV_ROW', `${file}:${line}:${column}: ${problem}`, { file, row: line, column });
}

/** A number cell: empty -> the default (or an error when required). */
function numberCell(
  file: string,
  line: number,
  column: string,
  text: string | undefined,
  fallback: number | undefined,
): number {
  const t = (text ?? '').trim();
  if (t === '') {
    if (fallback === undefined) throw rowError(file, line, column, 'empty (a number is required)');
    return fallback;
  }
  if (!/^\d+(\.\d+)?$/.test(t))
    throw rowError(file, line, column, `not a number >= 0 (got '${echoValue(t)}')`);
  return Number(t);
}

/** Header names -> index, rejecting unknown and duplicate columns and checking the required ones. */
function headerIndex(
  file: string,
  header: readonly string[],
  known: readonly string[],
  required: readonly string[],
): Map<string, number> {
  assertUniqueColumns(file, 1, header);
  const index = new Map<string, number>();
  header.forEach((raw, i) => {
    const name = raw.trim();
    if (!known.includes(name))
      throw new StaffcastError(
        'CSV_ROW',
        `${file}:1: unknown column '${echoValue(name)}' (known: ${known.join(', ')})`,
        { file, row: 1, column: name },
      );
    index.set(name, i);
  });
  for (const name of required) if (!index.has(name)) throw missingColumnError(file, 1, name, header);
  return index;
}

/** Agents of an agents CSV text and the file line of each (syntax only, no cross checks). */
function agentRows(text: string, file: string, timeZone: string): { agents: Agent[]; lines: number[] } {
  const records = parseCsvText(text, file);
  const header = records[0]?.fields;
  assertDataRows(file, header, records.length - 1);
  const index = headerIndex(file, header, AGENTS_CSV_COLUMNS, REQUIRED);
  const agents: Agent[] = [];
  const lines: number[] = [];
  for (const { line, fields } of records.slice(1)) {
    const cell = (name: string): string => {
      const i = index.get(name);
      return i === undefined ? '' : (fields[i] ?? '').trim();
    };
    const num = (name: string, fallback?: number) => numberCell(file, line, name, cell(name), fallback);
    const listOrProblem = <T>(name: string, value: T | { problem: string }): T => {
      if (isProblem(value)) throw rowError(file, line, name, value.problem);
      return value;
    };
    const shiftTypes = splitList(cell('shift_types'));
    const contract: Contract = {
      name: cell('contract'),
      minHoursPerWeek: num('min_hours_per_week', 0),
      maxHoursPerWeek: num('max_hours_per_week'),
      minDaysPerWeek: num('min_days_per_week', 0),
      maxDaysPerWeek: num('max_days_per_week'),
      maxConsecutiveDays: num('max_consecutive_days', 6),
      minRestHours: num('min_rest_hours', 11),
      ...(shiftTypes.length > 0 ? { shiftTypes } : {}),
      costPerHour: num('cost_per_hour', 1),
    };
    for (const name of ['id', 'name'] as const)
      if (cell(name) === '') throw rowError(file, line, name, `empty (an agent ${name} is required)`);
    const availability = listOrProblem('availability', parseAvailability(cell('availability')));
    const daysOff = cell('days_off');
    const agent: Agent = {
      id: cell('id'),
      name: cell('name'),
      contract,
      skills: splitList(cell('skills')),
      site: cell('site'),
      timeZone: cell('time_zone') || timeZone,
      ...(availability === undefined ? {} : { availability }),
      fixedDaysOff:
        daysOff === '' ? [] : listOrProblem('days_off', parseWeekdays(splitList(daysOff).join(','))),
      timeOff: [],
      shiftPreferences: listOrProblem('preferences', parsePreferences(cell('preferences'))),
      seniority: num('seniority', 0),
    };
    agents.push(agent);
    lines.push(line);
  }
  return { agents, lines };
}

/**
 * Adds the requests of a time-off CSV (`TIME_OFF_CSV_COLUMNS`) to the agents (by `agent_id`, in
 * place), returning per agent the file line of each request it holds afterwards (undefined for
 * requests it had before). Dates are whole local days of the agent's zone (`timeOffBound`).
 *
 * @internal
 * @throws StaffcastError `CSV_ROW` "<file>:<line>:<column>: <problem>" (unknown agent, bad kind,
 * date or weight, an end before the start)
 * @example
 * const agents = parseAgentsCsv('id,name,skills,max_hours_per_week,max_days_per_week\na1,A,s,40,5\n', 'a.csv', { queues: ['s'] });
 * addTimeOffRows('agent_id,start,end\na1,2024-03-04,2024-03-04\n', 'leave.csv', agents).get(0); // [2]
 * agents[0].timeOff; // [{ kind: 'hard', startMs: Date.UTC(2024, 2, 4), endMs: Date.UTC(2024, 2, 5), weight: 1 }]
 */
export function addTimeOffRows(
  text: string,
  file: string,
  agents: Agent[],
): Map<number, (number | undefined)[]> {
  const records = parseCsvText(text, file);
  const header = records[0]?.fields;
  assertDataRows(file, header, records.length); // a header alone is fine: nobody has time off
  const index = headerIndex(file, header, TIME_OFF_CSV_COLUMNS, ['agent_id', 'start', 'end']);
  const byId = new Map(agents.map((a, i) => [a.id, i]));
  const lines = new Map<number, (number | undefined)[]>();
  for (const { line, fields } of records.slice(1)) {
    const cell = (name: string): string => {
      const i = index.get(name);
      return i === undefined ? '' : (fields[i] ?? '').trim();
    };
    const id = cell('agent_id');
    const at = byId.get(id);
    if (at === undefined)
      throw rowError(file, line, 'agent_id', `unknown agent '${echoValue(id)}' (not in the agents file)`);
    const agent = agents[at]!;
    const kind = cell('kind') || 'hard';
    if (kind !== 'hard' && kind !== 'soft')
      throw rowError(
        file,
        line,
        'kind',
        `must be 'hard' (approved leave) or 'soft' (a wish) (got '${echoValue(kind)}')`,
      );
    const bound = (name: 'start' | 'end'): number => {
      const t = cell(name);
      if (t === '') throw rowError(file, line, name, 'empty (a date or date-time is required)');
      const v = timeOffBound(t, agent.timeZone, name);
      if (isProblem(v)) throw rowError(file, line, name, v.problem);
      return v;
    };
    const startMs = bound('start');
    const endMs = bound('end');
    if (endMs <= startMs)
      throw rowError(file, line, 'end', `ends before it starts (${cell('start')} to ${cell('end')})`);
    const note = cell('note');
    const request: TimeOffRequest = {
      kind,
      startMs,
      endMs,
      weight: numberCell(file, line, 'weight', cell('weight'), 1),
      ...(note === '' ? {} : { note }),
    };
    const list = lines.get(at) ?? agent.timeOff.map(() => undefined);
    agents[at] = { ...agent, timeOff: [...agent.timeOff, request] };
    list.push(line);
    lines.set(at, list);
  }
  return lines;
}

/**
 * Reads an agents CSV (`AGENTS_CSV_COLUMNS`, one row per agent) and, when given, a time-off CSV
 * (`TIME_OFF_CSV_COLUMNS`), into `Agent[]` in file order, then checks them (`agentProblems`:
 * unknown skills, duplicate ids, overlapping leave, contracts that cannot be worked ...). Unknown
 * columns are errors (a typo never drops a field). O(size).
 *
 * @throws StaffcastError `CSV_ROW` "<file>:<line>:<column>: <problem>" (header = line 1; a time-off
 * problem names the time-off file and line), `NO_DATA` for a file without rows, `FILE_READ` for
 * binary data.
 * @example
 * const csv = 'id,name,skills,max_hours_per_week,max_days_per_week,availability\n' +
 *   'a1,A. Cohen,stocks,40,5,sun-thu 07:00-19:00\n';
 * parseAgentsCsv(csv, 'agents.csv', { queues: ['stocks'], timeZone: 'Asia/Jerusalem' })[0].availability.thu;
 * // [{ startMinutes: 420, endMinutes: 1140 }]
 * parseAgentsCsv(csv.replace('stocks,40', 'stoks,40'), 'agents.csv', { queues: ['stocks', 'loans'] });
 * // throws CSV_ROW "agents.csv:2:skills: unknown skill 'stoks' (known queues: stocks, loans)"
 */
export function parseAgentsCsv(text: string, file: string, options: AgentsReadOptions): Agent[] {
  const { agents, lines } = agentRows(text, file, options.timeZone ?? 'UTC');
  addTimeOffAndCheck(agents, options, (p) => `${file}:${lines[p.agent]}:${COLUMN_OF[p.field]}`, 'CSV_ROW');
  return agents;
}

/**
 * The last step of both agents readers: adds the requests of `options.timeOff` (`addTimeOffRows`)
 * to the agents, then checks them (`agentProblems`) and throws the first problem (`throwProblems`)
 * at its place: a request read from the time-off CSV by its line there (`<file>:<line>:start`),
 * anything else where `place` puts it in the agents file. O(size).
 *
 * @internal
 * @throws StaffcastError `code` for the first problem; `CSV_ROW` from the time-off CSV.
 * @example
 * const agents = parseAgentsCsv('id,name,skills,max_hours_per_week,max_days_per_week\na1,A,s,40,5\n', 'a.csv', { queues: ['s'] });
 * addTimeOffAndCheck(agents, { queues: ['t'] }, (p) => `a.csv:${p.agent + 2}:${p.field}`, 'CSV_ROW');
 * // throws CSV_ROW "a.csv:2:skills: unknown skill 's' (known queues: t)"
 */
export function addTimeOffAndCheck(
  agents: Agent[],
  options: AgentsReadOptions,
  place: (problem: AgentProblem) => string,
  code: 'CSV_ROW' | 'CONFIG',
): void {
  const timeOff = options.timeOff;
  const timeOffLines = timeOff === undefined ? new Map() : addTimeOffRows(timeOff.text, timeOff.file, agents);
  throwProblems(
    agentProblems(agents, problemOptions(options)),
    (p) => {
      const leaveLine = p.timeOff === undefined ? undefined : timeOffLines.get(p.agent)?.[p.timeOff];
      if (leaveLine !== undefined && timeOff !== undefined) return `${timeOff.file}:${leaveLine}:start`;
      return place(p);
    },
    code,
  );
}

/**
 * The agents CSV of a list of agents (`AGENTS_CSV_COLUMNS`; time off goes to `writeTimeOffCsv`);
 * reading it back with the same queues gives the same agents without their time off. Written
 * through `csvText` (a cell starting with `= + - @` is prefixed with `'`). O(size).
 *
 * @example
 * writeAgentsCsv([{ id: 'a1', name: 'A. Cohen', contract: { name: 'full', minHoursPerWeek: 36, maxHoursPerWeek: 42,
 *   minDaysPerWeek: 5, maxDaysPerWeek: 5, maxConsecutiveDays: 6, minRestHours: 11, costPerHour: 1 },
 *   skills: ['stocks', 'loans'], site: 'TLV', timeZone: 'Asia/Jerusalem', fixedDaysOff: ['sat'], timeOff: [],
 *   shiftPreferences: [{ kind: 'early', weight: 2 }], seniority: 3 }]).split('\n')[1];
 * // 'a1,A. Cohen,full,36,42,5,5,6,11,,1,stocks;loans,TLV,Asia/Jerusalem,,sat,early 2,3'
 */
export function writeAgentsCsv(agents: readonly Agent[]): string {
  const rows = agents.map((a) => ({
    id: a.id,
    name: a.name,
    contract: a.contract.name,
    min_hours_per_week: a.contract.minHoursPerWeek,
    max_hours_per_week: a.contract.maxHoursPerWeek,
    min_days_per_week: a.contract.minDaysPerWeek,
    max_days_per_week: a.contract.maxDaysPerWeek,
    max_consecutive_days: a.contract.maxConsecutiveDays,
    min_rest_hours: a.contract.minRestHours,
    shift_types: (a.contract.shiftTypes ?? []).join(';'),
    cost_per_hour: a.contract.costPerHour,
    skills: a.skills.join(';'),
    site: a.site,
    time_zone: a.timeZone,
    availability: formatAvailability(a.availability),
    days_off: a.fixedDaysOff.join(';'),
    preferences: formatPreferences(a.shiftPreferences),
    seniority: a.seniority,
  }));
  return csvText(rows, { header: true, columns: AGENTS_CSV_COLUMNS });
}

/** Start and end cells of a request: whole local days as dates, else instants with offset. */
function timeOffCells(startMs: number, endMs: number, timeZone: string): { start: string; end: string } {
  const wholeDays =
    localMinuteOfDay(startMs, timeZone) === 0 &&
    localMinuteOfDay(endMs, timeZone) === 0 &&
    startMs % 60_000 === 0 &&
    endMs % 60_000 === 0;
  return wholeDays
    ? { start: localDate(startMs, timeZone), end: localDate(endMs - 1, timeZone) }
    : { start: formatInstant(startMs, timeZone), end: formatInstant(endMs, timeZone) };
}

/**
 * The time-off CSV of the agents' requests (`TIME_OFF_CSV_COLUMNS`), one row per request in agent
 * then request order. A request from a local midnight to a local midnight of the agent's zone is
 * written as dates (first and last day, `2024-03-04,2024-03-05`), any other as ISO-8601 instants
 * with the zone's offset; reading the file back gives the same requests. O(requests).
 *
 * @example
 * writeTimeOffCsv([{ id: 'a1', name: 'A', contract: { name: '', minHoursPerWeek: 0, maxHoursPerWeek: 40,
 *   minDaysPerWeek: 0, maxDaysPerWeek: 5, maxConsecutiveDays: 6, minRestHours: 11, costPerHour: 1 },
 *   skills: ['s'], site: '', timeZone: 'Asia/Jerusalem', fixedDaysOff: [], shiftPreferences: [], seniority: 0,
 *   timeOff: [{ kind: 'hard', startMs: Date.UTC(2024, 2, 3, 22), endMs: Date.UTC(2024, 2, 5, 22), weight: 1, note: 'leave' }] }]);
 * // 'agent_id,start,end,kind,weight,note\na1,2024-03-04,2024-03-05,hard,1,leave\n'
 */
export function writeTimeOffCsv(agents: readonly Agent[]): string {
  const rows = agents.flatMap((a) =>
    a.timeOff.map((t) => ({
      agent_id: a.id,
      ...timeOffCells(t.startMs, t.endMs, a.timeZone),
      kind: t.kind,
      weight: t.weight,
      note: t.note ?? '',
    })),
  );
  return csvText(rows, { header: true, columns: TIME_OFF_CSV_COLUMNS });
}
