import { invalidInput } from '../errors.js';
import { localDayNumber, localMinuteOfDay, localWeekday } from '../time/localCalendar.js';
import type { Weekday } from '../time/weekday.js';
import {
  DEFAULT_PENALTIES,
  Ineligible,
  type ProblemAgent,
  type RosterPenalties,
  type RosterProblem,
} from './rosterProblem.js';
import { type ShiftGroup, shiftGroups } from './shiftGroups.js';
import type { Agent, RosterRules, RosterShift } from './types.js';

const DAY_NAMES: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const pad = (n: number) => String(Math.floor(n)).padStart(2, '0');
const clock = (minutes: number) => `${pad((minutes / 60) % 24)}:${pad(minutes % 60)}`;

/** Options of {@link buildRosterProblem}. @internal */
export interface BuildRosterProblemOptions {
  /** Zone of the roster's days, weeks and weekends (the schedule's zone). */
  timeZone: string;
  /** Epoch ms in the first local day of the horizon (default: the first seat's start). */
  horizonStartMs?: number | undefined;
  penalties?: Partial<RosterPenalties> | undefined;
  /** Open shifts (`RosterProblem.openSeats`): no seat limits, no unfilled seats. Default false. */
  openSeats?: boolean | undefined;
}

/** The local start and end of a shift for one agent: weekday, minutes from the start's local midnight. */
function localSpan(g: ShiftGroup, timeZone: string) {
  const startDay = localDayNumber(g.startMs, timeZone);
  const start = localMinuteOfDay(g.startMs, timeZone);
  const end = (localDayNumber(g.endMs, timeZone) - startDay) * 1440 + localMinuteOfDay(g.endMs, timeZone);
  return { weekday: DAY_NAMES[localWeekday(g.startMs, timeZone)] ?? 'mon', start, end };
}

/**
 * Builds the rostering instance: groups the seats (`shiftGroups`), and for every agent and shift
 * whether the agent may work it (skill = the seat's queue, contract shift types, fixed days off and
 * availability windows in the agent's zone, approved leave overlapping `[startMs, endMs)`, a shift
 * longer than the weekly maximum) and what it costs (each soft wish it overlaps: its weight; each
 * preference it is not of the kind of: its weight; times 1 + 1% x seniority rank, so a senior
 * agent's wishes win a tie). Days, weeks (7 days from day 0) and weekends are counted in
 * `options.timeZone`. O(agents x shifts).
 *
 * @internal
 * @throws StaffcastError `INVALID_INPUT` for duplicate agent ids or a contract whose minimums exceed its maximums.
 */
export function buildRosterProblem(
  seats: readonly RosterShift[],
  agents: readonly Agent[],
  rules: RosterRules,
  options: BuildRosterProblemOptions,
): RosterProblem {
  const shifts = shiftGroups(seats, options.timeZone, options.horizonStartMs);
  const ids = new Set<string>();
  for (const a of agents) {
    if (ids.has(a.id)) invalidInput('assignShifts', 'agents', 'must have unique ids', a.id);
    ids.add(a.id);
    const c = a.contract;
    if (c.minHoursPerWeek > c.maxHoursPerWeek || c.minDaysPerWeek > c.maxDaysPerWeek)
      invalidInput(
        'assignShifts',
        `agent ${a.id} contract`,
        'must have minimums no larger than its maximums',
      );
  }
  const days = shifts.reduce((m, g) => Math.max(m, g.dayIndex + 1), 0);
  const weeks = Math.ceil(days / 7);
  const weekendDay = new Uint8Array(days);
  const day0 =
    shifts.length === 0
      ? 0
      : localDayNumber(options.horizonStartMs ?? shifts[0]?.startMs ?? 0, options.timeZone);
  for (let d = 0; d < days; d++) {
    const wd = DAY_NAMES[(((day0 + d + 4) % 7) + 7) % 7] ?? 'mon';
    weekendDay[d] = rules.weekendDays.includes(wd) ? 1 : 0;
  }
  // a weekend counts when its week has every weekend day in the horizon
  const weekendWindows: [number, number, number][] = [];
  const wo = rules.weekendsOff;
  if (wo !== undefined && wo.perWeeks > 0)
    for (let w = 0; w < weeks; w++) {
      const last = Math.min(weeks, w + wo.perWeeks);
      const required = Math.floor((wo.minFreeWeekends * (last - w)) / wo.perWeeks);
      if (required > 0) weekendWindows.push([w, last, required]);
    }
  const seniorities = [...new Set(agents.map((a) => a.seniority))].sort((p, q) => p - q);
  const rankOf = (s: number) =>
    seniorities.length <= 1 ? 0 : seniorities.indexOf(s) / (seniorities.length - 1);
  const problemAgents: ProblemAgent[] = agents.map((a) => ({
    id: a.id,
    name: a.name,
    minPaidMinutesPerWeek: a.contract.minHoursPerWeek * 60,
    maxPaidMinutesPerWeek: a.contract.maxHoursPerWeek * 60,
    minDaysPerWeek: a.contract.minDaysPerWeek,
    maxDaysPerWeek: a.contract.maxDaysPerWeek,
    maxConsecutiveDays: a.contract.maxConsecutiveDays,
    minRestMinutes: 60 * Math.max(a.contract.minRestHours, rules.minRestHours),
    seniority: a.seniority,
  }));
  const A = agents.length;
  const S = shifts.length;
  const reason = new Uint8Array(A * S);
  const eligible: Int32Array[] = [];
  const cost: Float64Array[] = [];
  const spans = new Map<string, ReturnType<typeof localSpan>[]>();
  const spanOf = (zone: string) => {
    let list = spans.get(zone);
    if (list === undefined) {
      list = shifts.map((g) => localSpan(g, zone));
      spans.set(zone, list);
    }
    return list;
  };
  agents.forEach((agent, a) => {
    const local = spanOf(agent.timeZone);
    const el: number[] = [];
    const co: number[] = [];
    const seniorityFactor = 1 + 0.01 * rankOf(agent.seniority);
    const types = agent.contract.shiftTypes;
    for (let s = 0; s < S; s++) {
      const g = shifts[s] as ShiftGroup;
      const span = local[s] as ReturnType<typeof localSpan>;
      let why: Ineligible = Ineligible.None;
      if (g.queue !== undefined && !agent.skills.includes(g.queue)) why = Ineligible.Skill;
      else if (types !== undefined && !types.includes(g.type)) why = Ineligible.ShiftType;
      else if (agent.fixedDaysOff.includes(span.weekday)) why = Ineligible.FixedDayOff;
      else if (
        agent.availability !== undefined &&
        !(agent.availability[span.weekday] ?? []).some(
          (w) => w.startMinutes <= span.start && span.end <= w.endMinutes,
        )
      )
        why = Ineligible.Availability;
      else if (agent.timeOff.some((t) => t.kind === 'hard' && t.startMs < g.endMs && g.startMs < t.endMs))
        why = Ineligible.Leave;
      else if (g.paidMinutes > agent.contract.maxHoursPerWeek * 60 || agent.contract.maxDaysPerWeek < 1)
        why = Ineligible.TooLong;
      reason[a * S + s] = why;
      if (why !== Ineligible.None) continue;
      let c = 0;
      for (const t of agent.timeOff)
        if (t.kind === 'soft' && t.startMs < g.endMs && g.startMs < t.endMs) c += t.weight;
      for (const p of agent.shiftPreferences) {
        const isKind =
          p.kind === 'early'
            ? span.start < rules.earlyStartBeforeMinutes
            : span.start >= rules.lateStartFromMinutes;
        if (!isKind) c += p.weight;
      }
      el.push(s);
      co.push(c * seniorityFactor);
    }
    eligible.push(Int32Array.from(el));
    cost.push(Float64Array.from(co));
  });
  const whyNot = (a: number, s: number): string | undefined => {
    const agent = agents[a];
    const g = shifts[s];
    if (agent === undefined || g === undefined) return undefined;
    const span = spanOf(agent.timeZone)[s] as ReturnType<typeof localSpan>;
    switch (reason[a * S + s] as Ineligible) {
      case Ineligible.None:
        return undefined;
      case Ineligible.Skill:
        return `lacks skill '${g.queue}'`;
      case Ineligible.ShiftType:
        return `contract '${agent.contract.name}' does not allow shift type '${g.type}'`;
      case Ineligible.FixedDayOff:
        return `fixed day off (${span.weekday})`;
      case Ineligible.Availability: {
        const windows = agent.availability?.[span.weekday] ?? [];
        return windows.length === 0
          ? `not available on ${span.weekday}`
          : `available ${span.weekday} ${windows.map((w) => `${clock(w.startMinutes)}-${clock(w.endMinutes)}`).join(', ')} only`;
      }
      case Ineligible.Leave: {
        const t = agent.timeOff.find((o) => o.kind === 'hard' && o.startMs < g.endMs && g.startMs < o.endMs);
        return `on leave${t?.note === undefined ? '' : ` (${t.note})`}`;
      }
      case Ineligible.TooLong:
        return `contract '${agent.contract.name}' allows at most ${agent.contract.maxHoursPerWeek} h and ${agent.contract.maxDaysPerWeek} days a week`;
    }
  };
  const maxPerTypeDay = new Map<string, number>();
  for (const g of shifts) {
    const max = rules.shiftTypeLimits[g.type]?.maxAgentsPerDay;
    if (max !== undefined) maxPerTypeDay.set(`${g.type}|${g.dayIndex}`, max);
  }
  return {
    shifts,
    agents: problemAgents,
    days,
    weeks,
    fullWeek: (w) => 7 * (w + 1) <= days,
    eligible,
    cost,
    whyNot,
    late: Uint8Array.from(shifts, (g) => (g.startMinuteOfDay >= rules.lateStartFromMinutes ? 1 : 0)),
    weekendDay,
    weekendWindows,
    maxStartVariationMinutes:
      rules.maxStartVariationHours === undefined ? undefined : 60 * rules.maxStartVariationHours,
    maxPerTypeDay,
    penalties: { ...DEFAULT_PENALTIES, ...options.penalties },
    ...(options.openSeats === true ? { openSeats: true } : {}),
  };
}
