import { StaffcastError } from '../errors.js';
import type { Agent, Contract, TimeOffRequest } from './types.js';

/**
 * Agents hired by a what-if scenario: `count` new agents, either like an existing agent (`like`:
 * its contract, skills, site, time zone, availability and fixed days off; no time off, no
 * preferences) with any of `contract`, `skills`, `site`, `timeZone` overriding, or from a
 * `contract` and `skills` alone. A new agent has seniority 0, no time off and no preferences,
 * and the id `<idPrefix>-<n>` (n = 1, 2, ... counted over all hires of one change, in order).
 */
export interface HireChange {
  /** How many agents (an integer >= 1). */
  count: number;
  /** Id of the agent the new ones are like. */
  like?: string | undefined;
  /**
   * Contract fields; without `like`, `maxHoursPerWeek` and `maxDaysPerWeek` are required and the
   * others default as in the agents file (min hours and days 0, 6 days in a row, 11 h rest, cost
   * 1 per paid hour, name `'hire'`).
   */
  contract?: { [K in keyof Contract]?: Contract[K] | undefined } | undefined;
  /** Queue names the new agents serve (required without `like`). */
  skills?: readonly string[] | undefined;
  site?: string | undefined;
  timeZone?: string | undefined;
  /** Prefix of the new ids. Default `'hire'`. */
  idPrefix?: string | undefined;
}

/**
 * Agents who leave: `{ count }` removes the `count` most junior agents (lowest `seniority`; among
 * equals, the one listed last first), `{ agents }` removes the agents with those ids.
 */
export type AttritionChange = { count: number } | { agents: readonly string[] };

/**
 * Leave approved for one agent, `[startMs, endMs)` on the real clock: a hard time-off request
 * (no shift may overlap it); the agent's soft wishes it overlaps are granted by it (removed).
 */
export interface LeaveChange {
  /** Id of an agent of the team (after attrition, before hires). */
  agent: string;
  startMs: number;
  endMs: number;
  /** Free text shown to the planner. Default `'approved leave (scenario)'`. */
  note?: string | undefined;
}

/** Changes of a scenario to the team, applied in the order attrition, leave, hire. */
export interface TeamChanges {
  hire?: readonly HireChange[] | undefined;
  attrition?: AttritionChange | undefined;
  leave?: readonly LeaveChange[] | undefined;
}

/** Options of {@link applyTeamChanges}. */
export interface TeamChangesOptions {
  /** Where the changes come from, to start every message (e.g. `'scenarios.json: hire5: team'`). */
  source?: string | undefined;
}

const CONTRACT_DEFAULTS = {
  name: 'hire',
  minHoursPerWeek: 0,
  minDaysPerWeek: 0,
  maxConsecutiveDays: 6,
  minRestHours: 11,
  costPerHour: 1,
} as const;

/**
 * A team changed by a what-if scenario (`TeamChanges`), in this order: attrition removes agents
 * (by id, or the `count` most junior: lowest seniority, the one listed last first among equals),
 * approved leave is added to the remaining agents (a hard `TimeOffRequest`; soft wishes it
 * overlaps are dropped, granted by the leave), then new agents are appended (`HireChange`: like an
 * existing agent or from a contract and skills, ids `<idPrefix>-<n>`). Returns a new list in the
 * team's order, the hires last; the input is not changed. Pure and deterministic; O(agents +
 * changes). It checks what it refers to, not the agents themselves: run `agentProblems` on the
 * result for skills and contracts.
 *
 * @throws StaffcastError `CONFIG` naming `source` and the field: an unknown agent id (attrition,
 *   leave, `like`), an agent removed twice, attrition of more agents than the team has, leave that
 *   ends before it starts or overlaps the agent's approved leave, a hire without `like` lacking
 *   `skills` or the contract's maximums, a count that is not an integer >= 1, a new id that is taken.
 * @example
 * const contract = { name: 'full', minHoursPerWeek: 0, maxHoursPerWeek: 40, minDaysPerWeek: 0,
 *   maxDaysPerWeek: 5, maxConsecutiveDays: 5, minRestHours: 11, costPerHour: 1 };
 * const agent = (id: string, seniority: number) => ({ id, name: id, contract, skills: ['sales'], site: 'x',
 *   timeZone: 'UTC', fixedDaysOff: [], timeOff: [], shiftPreferences: [], seniority });
 * const team = [agent('ann', 5), agent('bob', 1), agent('cy', 3)];
 * applyTeamChanges(team, { attrition: { count: 1 }, hire: [{ count: 2, like: 'ann' }] }).map((a) => a.id);
 * // ['ann', 'cy', 'hire-1', 'hire-2']
 * applyTeamChanges(team, { attrition: { agents: ['dan'] } }, { source: 's.json: lean: team' });
 * // throws CONFIG "s.json: lean: team: attrition.agents[0]: unknown agent 'dan' (team: ann, bob, cy)"
 */
export function applyTeamChanges(
  agents: readonly Agent[],
  changes: TeamChanges,
  options: TeamChangesOptions = {},
): Agent[] {
  const source = options.source ?? 'team changes';
  const fail = (field: string, message: string) =>
    new StaffcastError('CONFIG', `${source}: ${field}: ${message}`, { field });
  const ids = (list: readonly Agent[]) => {
    const shown = list.slice(0, 10).map((a) => a.id);
    return `${shown.join(', ')}${list.length > 10 ? `, ... (${list.length} agents)` : ''}`;
  };
  const count = (field: string, n: number) => {
    if (!(Number.isInteger(n) && n >= 1)) throw fail(field, `must be an integer >= 1 (got ${n})`);
  };

  // attrition
  let team: Agent[] = [...agents];
  const attrition = changes.attrition;
  if (attrition !== undefined) {
    if ('agents' in attrition) {
      const gone = new Set<string>();
      attrition.agents.forEach((id, i) => {
        const field = `attrition.agents[${i}]`;
        if (gone.has(id)) throw fail(field, `agent '${id}' is listed twice`);
        if (!team.some((a) => a.id === id)) throw fail(field, `unknown agent '${id}' (team: ${ids(agents)})`);
        gone.add(id);
      });
      team = team.filter((a) => !gone.has(a.id));
    } else {
      count('attrition.count', attrition.count);
      if (attrition.count > team.length)
        throw fail('attrition.count', `${attrition.count} agents cannot leave a team of ${team.length}`);
      // the most junior first; among equals the one listed last
      const order = team.map((a, i) => ({ s: a.seniority, i })).sort((p, q) => p.s - q.s || q.i - p.i);
      const gone = new Set(order.slice(0, attrition.count).map((x) => x.i));
      team = team.filter((_, i) => !gone.has(i));
    }
  }
  const removed = (id: string) => agents.some((a) => a.id === id) && !team.some((a) => a.id === id);
  const find = (field: string, id: string): Agent => {
    const a = team.find((x) => x.id === id);
    if (a !== undefined) return a;
    throw fail(
      field,
      removed(id)
        ? `agent '${id}' left the team in this scenario's attrition`
        : `unknown agent '${id}' (team: ${ids(agents)})`,
    );
  };

  // approved leave
  for (const [i, l] of (changes.leave ?? []).entries()) {
    const field = `leave[${i}]`;
    const a = find(`${field}.agent`, l.agent);
    if (!(Number.isFinite(l.startMs) && Number.isFinite(l.endMs) && l.endMs > l.startMs))
      throw fail(`${field}.end`, 'must be after start');
    const clash = a.timeOff.find((t) => t.kind === 'hard' && t.startMs < l.endMs && l.startMs < t.endMs);
    if (clash !== undefined)
      throw fail(
        field,
        `overlaps approved leave of agent '${a.id}' (${new Date(clash.startMs).toISOString()} to ${new Date(clash.endMs).toISOString()})`,
      );
    const leave: TimeOffRequest = {
      kind: 'hard',
      startMs: l.startMs,
      endMs: l.endMs,
      weight: 1,
      note: l.note ?? 'approved leave (scenario)',
    };
    const kept = a.timeOff.filter((t) => !(t.kind === 'soft' && t.startMs < l.endMs && l.startMs < t.endMs));
    const changed: Agent = {
      ...a,
      timeOff: [...kept, leave].sort((p, q) => p.startMs - q.startMs),
    };
    team = team.map((x) => (x === a ? changed : x));
  }

  // hires
  const taken = new Set([...agents.map((a) => a.id), ...team.map((a) => a.id)]);
  const numbers = new Map<string, number>();
  for (const [i, h] of (changes.hire ?? []).entries()) {
    const field = `hire[${i}]`;
    count(`${field}.count`, h.count);
    const model = h.like === undefined ? undefined : find(`${field}.like`, h.like);
    const skills = h.skills ?? model?.skills;
    if (skills === undefined || skills.length === 0)
      throw fail(`${field}.skills`, 'required without like (the queues the new agents serve)');
    let contract: Contract;
    // the contract fields given (a field set to undefined is not given)
    const c = Object.fromEntries(
      Object.entries(h.contract ?? {}).filter(([, v]) => v !== undefined),
    ) as Partial<Contract>;
    if (model !== undefined) contract = { ...model.contract, ...c };
    else {
      if (c.maxHoursPerWeek === undefined)
        throw fail(`${field}.contract.maxHoursPerWeek`, 'required without like');
      if (c.maxDaysPerWeek === undefined)
        throw fail(`${field}.contract.maxDaysPerWeek`, 'required without like');
      contract = {
        ...CONTRACT_DEFAULTS,
        ...c,
        maxHoursPerWeek: c.maxHoursPerWeek,
        maxDaysPerWeek: c.maxDaysPerWeek,
      };
    }
    const prefix = h.idPrefix ?? 'hire';
    const timeZone = h.timeZone ?? model?.timeZone ?? team[0]?.timeZone ?? agents[0]?.timeZone ?? 'UTC';
    for (let k = 0; k < h.count; k++) {
      const n = (numbers.get(prefix) ?? 0) + 1;
      numbers.set(prefix, n);
      const id = `${prefix}-${n}`;
      if (taken.has(id))
        throw fail(`${field}.idPrefix`, `new agent id '${id}' is taken; give another idPrefix`);
      taken.add(id);
      team.push({
        id,
        name: `new hire ${n}${prefix === 'hire' ? '' : ` (${prefix})`}`,
        contract,
        skills: [...skills],
        site: h.site ?? model?.site ?? '',
        timeZone,
        ...(model?.availability === undefined ? {} : { availability: model.availability }),
        fixedDaysOff: model?.fixedDaysOff ?? [],
        timeOff: [],
        shiftPreferences: [],
        seniority: 0,
      });
    }
  }
  return team;
}
