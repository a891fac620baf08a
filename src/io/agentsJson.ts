import { StaffcastError } from '../errors.js';
import type { Agent, TimeOffRequest, TimeWindow, WeeklyAvailability } from '../rostering/types.js';
import type { AgentField } from '../rostering/validateAgents.js';
import { parseAgentsFile, parseTimeWindow } from '../schemas/agentsFile.js';
import { WEEKDAYS } from '../schemas/shiftRules.js';
import { parseJsonText } from '../schemas/validateConfig.js';
import { formatInstant } from '../time/formatInstant.js';
import { formatTimeWindow, isProblem, timeOffBound } from './agentCells.js';
import { type AgentsReadOptions, addTimeOffAndCheck } from './agentsCsv.js';

/**
 * Reads an agents JSON file (`AgentsFileSchema`, `staffcast schema agents`) into `Agent[]` in file
 * order: zod validates the shape (unknown keys, types, ranges), time-off dates become instants in
 * the agent's zone (`timeOffBound`), then `agentProblems` checks what the schema cannot (unknown
 * skills, duplicate ids, overlapping leave, contracts that cannot be worked). `options.timeOff`
 * (a time-off CSV) is not read here. O(size). Internal: the public entry is `readAgentsFile`.
 *
 * @internal
 * @throws StaffcastError `CONFIG` "<file>: <path>: <problem>" (paths like `agents[2].skills`),
 * also for text that is not JSON (line and column).
 * @example
 * const json = JSON.stringify({ agents: [{ id: 'a1', name: 'A. Cohen', skills: ['stocks'], timeZone: 'Asia/Jerusalem',
 *   contract: { maxHoursPerWeek: 40, maxDaysPerWeek: 5 }, timeOff: [{ kind: 'hard', start: '2024-03-04', end: '2024-03-05' }] }] });
 * parseAgentsJson(json, 'agents.json', { queues: ['stocks'] })[0].timeOff[0].endMs; // Date.UTC(2024, 2, 5, 22)
 * parseAgentsJson(json, 'agents.json', { queues: ['loans'] });
 * // throws CONFIG "agents.json: agents[0].skills: unknown skill 'stocks' (known queues: loans)"
 */
export function parseAgentsJson(text: string, file: string, options: AgentsReadOptions): Agent[] {
  const config = parseAgentsFile(parseJsonText(text, file), file);
  const zone = options.timeZone ?? 'UTC';
  const agents = config.agents.map((a, i): Agent => {
    const timeZone = a.timeZone ?? zone;
    let availability: WeeklyAvailability | undefined;
    if (a.availability !== undefined) {
      const out: Partial<Record<(typeof WEEKDAYS)[number], TimeWindow[]>> = {};
      for (const d of WEEKDAYS) {
        const ws = a.availability[d];
        if (ws !== undefined) out[d] = ws.map((w) => parseTimeWindow(w) as TimeWindow); // zod checked them
      }
      availability = out;
    }
    const timeOff = a.timeOff.map((t, k): TimeOffRequest => {
      const bound = (side: 'start' | 'end'): number => {
        const v = timeOffBound(t[side], timeZone, side);
        if (isProblem(v))
          throw new StaffcastError('CONFIG', `${file}: agents[${i}].timeOff[${k}].${side}: ${v.problem}`, {
            file,
          });
        return v;
      };
      return {
        kind: t.kind,
        startMs: bound('start'),
        endMs: bound('end'),
        weight: t.weight,
        ...(t.note === undefined ? {} : { note: t.note }),
      };
    });
    const { shiftTypes, ...contract } = a.contract;
    return {
      id: a.id,
      name: a.name,
      contract: { ...contract, ...(shiftTypes === undefined ? {} : { shiftTypes }) },
      skills: a.skills,
      site: a.site,
      timeZone,
      ...(availability === undefined ? {} : { availability }),
      fixedDaysOff: a.fixedDaysOff,
      timeOff,
      shiftPreferences: a.shiftPreferences,
      seniority: a.seniority,
    };
  });
  addTimeOffAndCheck(
    agents,
    options,
    (p) => {
      const field: AgentField = p.field;
      const path = p.timeOff === undefined ? field : `timeOff[${p.timeOff}]`;
      return `${file}: agents[${p.agent}].${path}`;
    },
    'CONFIG',
  );
  return agents;
}

/**
 * The agents JSON of a list of agents (`AgentsFileSchema`), pretty-printed: windows as
 * `"HH:MM-HH:MM"`, time off as ISO-8601 instants with the offset of the agent's zone; reading it
 * back (`parseAgentsJson`) gives the same agents. O(size).
 *
 * @example
 * const text = writeAgentsJson([{ id: 'a1', name: 'A', contract: { name: '', minHoursPerWeek: 0, maxHoursPerWeek: 40,
 *   minDaysPerWeek: 0, maxDaysPerWeek: 5, maxConsecutiveDays: 6, minRestHours: 11, costPerHour: 1 },
 *   skills: ['s'], site: '', timeZone: 'UTC', availability: { mon: [{ startMinutes: 1320, endMinutes: 1800 }] },
 *   fixedDaysOff: [], timeOff: [], shiftPreferences: [], seniority: 0 }]);
 * JSON.parse(text).agents[0].availability; // { mon: ['22:00-06:00'] }
 */
export function writeAgentsJson(agents: readonly Agent[]): string {
  const out = agents.map((a) => ({
    id: a.id,
    name: a.name,
    contract: a.contract,
    skills: a.skills,
    site: a.site,
    timeZone: a.timeZone,
    ...(a.availability === undefined
      ? {}
      : {
          availability: Object.fromEntries(
            WEEKDAYS.flatMap((d) => {
              const ws = a.availability?.[d];
              return ws === undefined ? [] : [[d, ws.map(formatTimeWindow)]];
            }),
          ),
        }),
    fixedDaysOff: a.fixedDaysOff,
    timeOff: a.timeOff.map((t) => ({
      kind: t.kind,
      start: formatInstant(t.startMs, a.timeZone),
      end: formatInstant(t.endMs, a.timeZone),
      weight: t.weight,
      ...(t.note === undefined ? {} : { note: t.note }),
    })),
    shiftPreferences: a.shiftPreferences,
    seniority: a.seniority,
  }));
  return `${JSON.stringify({ agents: out }, null, 2)}\n`;
}
