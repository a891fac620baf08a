import type { Agent, RosterAssignment } from '../../src/rostering/types.js';

const H = 3_600_000;
const DAY = 24 * H;
const MONDAY = Date.UTC(2024, 0, 1);
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** What `hardRuleBreaks` checks beyond the agents' own rules. */
export interface HardRuleCheck {
  /** Minimum rest of the roster rules, hours (the larger of it and the contract's applies). */
  restHours: number;
  /** Every assignment must name a queue (a built roster); default false (a seat without one is fine). */
  queueRequired?: boolean;
  /** Each seat id assigned once (assigning a schedule's seats); default false. */
  eachSeatOnce?: boolean;
}

/**
 * Every hard rule, checked on the assignments from the agents' raw data (UTC, horizon from Monday
 * 1 January 2024): skill, shift type, fixed day off, availability, leave, one shift a day, rest,
 * weekly hours and days, days in a row, and (with `eachSeatOnce`) each seat once. Shared by the
 * rostering property tests: independent of the solver's own checks (`rosterViolations`).
 */
export function hardRuleBreaks(
  assignments: readonly RosterAssignment[],
  agents: readonly Agent[],
  { restHours, queueRequired = false, eachSeatOnce = false }: HardRuleCheck,
): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const x of assignments) {
    if (eachSeatOnce && seen.has(x.id)) out.push(`${x.id} twice`);
    seen.add(x.id);
  }
  for (const a of agents) {
    const mine = assignments.filter((x) => x.agentId === a.id).sort((p, q) => p.startMs - q.startMs);
    const weekMinutes = new Map<number, number>();
    const weekDays = new Map<number, number>();
    const days = new Set<number>();
    for (const x of mine) {
      const day = Math.floor((x.startMs - MONDAY) / DAY);
      const wd = WEEKDAYS[new Date(x.startMs).getUTCDay()] ?? 'mon';
      if (x.queue === undefined ? queueRequired : !a.skills.includes(x.queue))
        out.push(`${a.id} lacks ${x.queue}`);
      if (a.contract.shiftTypes !== undefined && !a.contract.shiftTypes.includes(x.shiftType))
        out.push(`${a.id} type ${x.shiftType}`);
      if (a.fixedDaysOff.includes(wd)) out.push(`${a.id} fixed day off ${wd}`);
      const start = (x.startMs - MONDAY - day * DAY) / 60_000;
      const end = start + (x.endMs - x.startMs) / 60_000;
      if (
        a.availability !== undefined &&
        !(a.availability[wd] ?? []).some((w) => w.startMinutes <= start && end <= w.endMinutes)
      )
        out.push(`${a.id} unavailable ${x.id}`);
      if (a.timeOff.some((t) => t.kind === 'hard' && t.startMs < x.endMs && x.startMs < t.endMs))
        out.push(`${a.id} on leave ${x.id}`);
      if (days.has(day)) out.push(`${a.id} two shifts on day ${day}`);
      days.add(day);
      const w = Math.floor(day / 7);
      weekMinutes.set(w, (weekMinutes.get(w) ?? 0) + x.paidMinutes);
      weekDays.set(w, (weekDays.get(w) ?? 0) + 1);
    }
    for (let i = 1; i < mine.length; i++) {
      const rest = Math.max(a.contract.minRestHours, restHours) * H;
      if ((mine[i]?.startMs ?? 0) - (mine[i - 1]?.endMs ?? 0) < rest)
        out.push(`${a.id} rest before ${mine[i]?.id}`);
    }
    for (const [w, m] of weekMinutes)
      if (m > a.contract.maxHoursPerWeek * 60) out.push(`${a.id} week ${w} hours ${m / 60}`);
    for (const [w, d] of weekDays) if (d > a.contract.maxDaysPerWeek) out.push(`${a.id} week ${w} days ${d}`);
    let run = 0;
    for (let d = 0; d < 28; d++) {
      run = days.has(d) ? run + 1 : 0;
      if (run > a.contract.maxConsecutiveDays) out.push(`${a.id} ${run} days in a row`);
    }
  }
  return out;
}
