import { StaffcastError } from '../../errors.js';
import { readAgentsFile } from '../../io/readAgentsFile.js';
import { readScheduleCsv, type ScheduleCsvShift } from '../../io/readScheduleCsv.js';
import { inputLabel, readTextInput } from '../../io/readTextInput.js';
import { readRequirementCsv } from '../../io/requirementCsv.js';
import type { Agent, RosterRules } from '../../rostering/types.js';
import { parseRosterRules, type RosterRulesConfig } from '../../schemas/rosterRules.js';
import { parseShiftRules, type ShiftRulesConfig, type ShiftRulesInput } from '../../schemas/shiftRules.js';
import { parseJsonText } from '../../schemas/validateConfig.js';
import { formatInstant } from '../../time/formatInstant.js';
import { knownQueues } from './knownQueues.js';

/** The rows of one queue of the requirement: what its shifts must cover. */
export interface RosterQueueDemand {
  /** Queue name (the skill an agent needs to serve it). */
  queue: string;
  /** Epoch ms of each of the queue's rows, increasing. */
  starts: number[];
  /** Agents required per row: `scheduled_agents` when the file has it, else `agents`. */
  required: number[];
}

/** What the read step of `runRoster` gives the seats and outputs steps. */
export interface RosterInputs {
  /** The requirement file as named in messages. */
  requirementLabel: string;
  intervalMinutes: number;
  /** The queues rostered, in the order they first appear in the requirement. */
  queues: RosterQueueDemand[];
  /**
   * Every queue the run knows, the skills an agent may list (`knownQueues`: the requirement's, with
   * `queue` for a requirement without a queue column, then the rules' `roster.queues`), rostered or not.
   */
  knownQueues: string[];
  /** The first local day of the horizon and the last (`yyyy-MM-dd` in the roster's zone). */
  firstDay: string;
  lastDay: string;
  /** Epoch ms of the first row of the rostered queues. */
  horizonStartMs: number;
  /** The rules as written (for `scheduleShifts`) and validated. */
  rulesInput: ShiftRulesInput;
  rules: ShiftRulesConfig;
  rosterRules: RosterRules;
  agents: Agent[];
  /** The shifts of `--schedule`, when given. */
  scheduleShifts?: ScheduleCsvShift[];
}

/** The files and settings the read step of `runRoster` needs (`RunRosterOptions` extends them). */
export interface ReadRosterOptions {
  /** Agents file (CSV, or JSON when its name ends in `.json`; `staffcast schema agents`). */
  agentsFile: string;
  /** Optional time-off CSV added to the agents' requests. */
  timeOffFile?: string | undefined;
  /** Shift rules JSON with the roster rules under its `roster` key (`staffcast schema rules`). */
  rulesFile: string;
  /**
   * Requirement CSV (`interval_start`, `agents`, `scheduled_agents`, optional `queue` ...): every
   * queue in it is rostered (one pool of agents, each seat served by an agent with its skill).
   * Needed with `scheduleFile` too: it gives the horizon and the coverage evaluated.
   */
  requirementFile: string;
  /**
   * A `schedule.csv` (of `staffcast plan` / `staffcast schedule`) whose shifts are assigned instead
   * of scheduling the requirement. It has no queue column: with a requirement of several queues,
   * `queue` must name the one it serves.
   */
  scheduleFile?: string | undefined;
  /** Folder the files are resolved against. */
  cwd: string;
  /** IANA zone of the rules, of the requirement's rows, of the roster's days and of agents without a zone. */
  timeZone: string;
  /**
   * Roster only this queue of the requirement's `queue` column; for a requirement without one, the
   * skill its shifts need. Default: every queue of the requirement. The agents' skills for the
   * other known queues are valid and not used.
   */
  queue?: string | undefined;
}

/**
 * The validated roster rules as `RosterRules` (optional keys left out rather than undefined; the
 * `queues` the agents are read against left out).
 *
 * @internal
 * @example
 * const rules = rosterRulesOf(parseRosterRules({ weekendDays: ['fri', 'sat'] }));
 * [rules.weekendDays, 'weekendsOff' in rules]; // [['fri', 'sat'], false]
 */
export function rosterRulesOf(config: RosterRulesConfig): RosterRules {
  const { weekendsOff, maxStartVariationHours, shiftTypeLimits, queues: _queues, ...rest } = config;
  const limits: RosterRules['shiftTypeLimits'] = Object.fromEntries(
    Object.entries(shiftTypeLimits).map(([type, l]) => [
      type,
      {
        ...(l.minAgentsPerDay === undefined ? {} : { minAgentsPerDay: l.minAgentsPerDay }),
        ...(l.maxAgentsPerDay === undefined ? {} : { maxAgentsPerDay: l.maxAgentsPerDay }),
      },
    ]),
  );
  return {
    ...rest,
    shiftTypeLimits: limits,
    ...(weekendsOff === undefined ? {} : { weekendsOff }),
    ...(maxStartVariationHours === undefined ? {} : { maxStartVariationHours }),
  };
}

/** The local date (`yyyy-MM-dd`) of an instant in `timeZone`. */
function localDay(ms: number, timeZone: string): string {
  return formatInstant(ms, timeZone).slice(0, 10);
}

/**
 * The read step of `runRoster`: the requirement (rows in `timeZone`, split by its `queue`
 * column), which of its queues are rostered (all of them; only `queue` when given; `queue` names
 * the skill of a requirement without a queue column), the rules, the agents (skills checked
 * against every known queue, `knownQueues`: the requirement's and the rules' `roster.queues`,
 * rostered or not, so a team with skills on other queues needs no filtered agents file while a
 * misspelt skill stays an error; shift types against the rules) and the `--schedule` file when
 * given (one queue only: `schedule.csv` has no queue column).
 *
 * @internal
 * @throws StaffcastError `USAGE` when the requirement has no queue column and no queue is given,
 *   when `queue` is not one of the requirement's queues, or when a schedule file comes with a
 *   requirement of several queues and no queue; `FILE_READ`, `CSV_ROW`, `CONFIG` from the readers.
 * @example
 * // (not run: reads files; see test/app/roster.test.ts)
 * (await readRosterInputs({ agentsFile: 'agents.csv', rulesFile: 'rules.json', requirementFile: 'req.csv',
 *   cwd: '.', timeZone: 'UTC' })).queues.map((q) => q.queue); // ['regular', 'prospects', 'stocks']
 */
export async function readRosterInputs(options: ReadRosterOptions): Promise<RosterInputs> {
  const { cwd, timeZone } = options;
  const label = inputLabel(options.requirementFile);
  const requirement = readRequirementCsv(await readTextInput(options.requirementFile, { baseDir: cwd }), {
    source: label,
    timeZone,
    offsetsMatchZone: true,
  });
  const required = requirement.scheduledAgents.every((v) => Number.isFinite(v))
    ? requirement.scheduledAgents
    : requirement.agents;
  const rowQueues = requirement.queue;
  const requirementQueues = rowQueues === undefined ? [] : [...new Set(rowQueues)];
  let rostered: string[];
  if (rowQueues === undefined) {
    if (options.queue === undefined)
      throw new StaffcastError(
        'USAGE',
        `roster: ${label} has no queue column; give --queue <name> (the skill its shifts need)`,
      );
    requirementQueues.push(options.queue);
    rostered = [options.queue];
  } else if (options.queue !== undefined) {
    if (!requirementQueues.includes(options.queue))
      throw new StaffcastError(
        'USAGE',
        `roster: --queue ${options.queue} is not a queue of ${label} (queues: ${requirementQueues.join(', ')})`,
      );
    rostered = [options.queue];
  } else rostered = requirementQueues;
  if (options.scheduleFile !== undefined && rostered.length > 1)
    throw new StaffcastError(
      'USAGE',
      `roster: ${label} has ${rostered.length} queues (${rostered.join(', ')}) and ${inputLabel(options.scheduleFile)} has no queue column; give --queue <name> to roster that schedule on one of them`,
    );
  const queues: RosterQueueDemand[] = rostered.map((queue) => ({ queue, starts: [], required: [] }));
  const byQueue = new Map(queues.map((q) => [q.queue, q]));
  for (let r = 0; r < requirement.starts.length; r++) {
    const q = byQueue.get(rowQueues?.[r] ?? rostered[0]!);
    if (q === undefined) continue;
    q.starts.push(requirement.starts[r]!);
    q.required.push(required[r]!);
  }
  const horizonStartMs = queues.reduce((m, q) => Math.min(m, q.starts[0]!), Number.POSITIVE_INFINITY);
  const horizonEndMs = queues.reduce((m, q) => Math.max(m, q.starts.at(-1)!), Number.NEGATIVE_INFINITY);
  const rulesInput = parseJsonText(
    await readTextInput(options.rulesFile, { baseDir: cwd }),
    options.rulesFile,
  ) as ShiftRulesInput;
  const rules = parseShiftRules(rulesInput, options.rulesFile);
  const known = knownQueues(requirementQueues, rules.roster);
  const agents = await readAgentsFile(options.agentsFile, {
    baseDir: cwd,
    queues: known,
    shiftRules: rules,
    timeZone,
    ...(options.timeOffFile === undefined ? {} : { timeOffFile: options.timeOffFile }),
  });
  const scheduleShifts =
    options.scheduleFile === undefined
      ? undefined
      : readScheduleCsv(
          await readTextInput(options.scheduleFile, { baseDir: cwd, kind: 'CSV' }),
          inputLabel(options.scheduleFile),
          timeZone,
        );
  return {
    requirementLabel: label,
    intervalMinutes: requirement.intervalMinutes,
    queues,
    knownQueues: known,
    firstDay: localDay(horizonStartMs, timeZone),
    lastDay: localDay(horizonEndMs, timeZone),
    horizonStartMs,
    rulesInput,
    rules,
    rosterRules: rosterRulesOf(rules.roster ?? parseRosterRules({})),
    agents,
    ...(scheduleShifts === undefined ? {} : { scheduleShifts }),
  };
}
