import { formatInstant } from '../time/formatInstant.js';
import { WEEKDAYS, type Weekday } from '../time/weekday.js';
import { assertTimeZone } from '../time/zoneOffset.js';
import type { Agent, TimeWindow } from './types.js';

/**
 * The field of an agent a problem is about, as a path of `Agent` (`contract.minHoursPerWeek`).
 * Readers map it to their own names (a CSV column, a JSON path).
 */
export type AgentField =
  | 'id'
  | 'name'
  | 'skills'
  | 'site'
  | 'timeZone'
  | 'availability'
  | 'fixedDaysOff'
  | 'timeOff'
  | 'shiftPreferences'
  | 'seniority'
  | 'contract.name'
  | 'contract.minHoursPerWeek'
  | 'contract.maxHoursPerWeek'
  | 'contract.minDaysPerWeek'
  | 'contract.maxDaysPerWeek'
  | 'contract.maxConsecutiveDays'
  | 'contract.minRestHours'
  | 'contract.shiftTypes'
  | 'contract.costPerHour';

/**
 * One problem with one agent: its index in the list, the field, for `timeOff` the index of the
 * request, and what is wrong in a planner's words.
 */
export interface AgentProblem {
  agent: number;
  field: AgentField;
  /** Index in `Agent.timeOff` when `field` is `timeOff`. */
  timeOff?: number;
  message: string;
}

/** The longest paid time of one shift of a shift type (minutes), for checking contracts. */
export interface ShiftTypePaidMinutes {
  name: string;
  maxPaidMinutes: number;
}

/** Options of `agentProblems`. */
export interface AgentProblemsOptions {
  /**
   * Every queue the run knows, rostered or not (e.g. a requirement's queues and a rules file's
   * `roster.queues`): every skill must be one of them.
   */
  queues: readonly string[];
  /**
   * The shift types of the rules with their longest paid shift; when given, `contract.shiftTypes`
   * must name them and the minimum weekly hours must fit in the maximum days of the longest
   * allowed shift.
   */
  shiftTypes?: readonly ShiftTypePaidMinutes[];
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * The most days one can work in any 7 consecutive days without more than `c` in a row:
 * `7 - floor(7 / (c + 1))` (blocks of `c` working days, each followed by one day off).
 */
function maxDaysInWeek(c: number): number {
  return 7 - Math.floor(7 / (c + 1));
}

function overlaps(a: TimeWindow, b: TimeWindow): boolean {
  return a.startMinutes < b.endMinutes && b.startMinutes < a.endMinutes;
}

function checkNumber(
  out: AgentProblem[],
  agent: number,
  field: AgentField,
  value: number,
  max: number,
  integer = false,
): boolean {
  const ok = Number.isFinite(value) && value >= 0 && value <= max && (!integer || Number.isInteger(value));
  if (!ok)
    out.push({
      agent,
      field,
      message: `must be ${integer ? 'a whole number' : 'a number'} from 0 to ${max} (got ${value})`,
    });
  return ok;
}

/**
 * Everything wrong with a list of agents that a file's syntax cannot show, in input order: a
 * duplicate id (naming the first), a skill that is not a known queue, an unknown time zone, an
 * empty or overlapping availability window, a time-off request that ends before it starts or
 * overlaps another of the same agent, a preference kind given twice, and a contract that cannot be
 * worked: min above max (hours, days), more than 7 days, `minDaysPerWeek` above what
 * `maxConsecutiveDays` allows in 7 days (`7 - floor(7 / (c + 1))`) or above the weekdays the agent
 * is available (fixed days off and availability), `minHoursPerWeek` above `maxDaysPerWeek` x the
 * longest paid shift of the allowed types, and an unknown shift type. Numbers out of range are
 * problems too. An empty list means the agents can be rostered (each on their own). O(agents x
 * (skills + windows^2 + timeOff^2)).
 *
 * @example
 * const contract = { name: 'part-time', minHoursPerWeek: 30, maxHoursPerWeek: 20, minDaysPerWeek: 0,
 *   maxDaysPerWeek: 5, maxConsecutiveDays: 5, minRestHours: 11, costPerHour: 1 };
 * agentProblems([{ id: 'a1', name: 'A. Cohen', contract, skills: ['stok'], site: '', timeZone: 'Asia/Jerusalem',
 *   fixedDaysOff: [], timeOff: [], shiftPreferences: [], seniority: 0 }], { queues: ['stocks', 'loans'] });
 * // [{ agent: 0, field: 'skills', message: "unknown skill 'stok' (known queues: stocks, loans)" },
 * //  { agent: 0, field: 'contract.minHoursPerWeek', message: 'min hours per week 30 is more than max hours per week 20' }]
 */
export function agentProblems(agents: readonly Agent[], options: AgentProblemsOptions): AgentProblem[] {
  const out: AgentProblem[] = [];
  const queues = new Set(options.queues);
  const types =
    options.shiftTypes === undefined ? undefined : new Map(options.shiftTypes.map((t) => [t.name, t]));
  const firstIndex = new Map<string, number>();
  agents.forEach((a, i) => {
    const first = firstIndex.get(a.id);
    if (first !== undefined)
      out.push({
        agent: i,
        field: 'id',
        message: `duplicate agent id '${a.id}' (already the id of ${agents[first]?.name}, agent ${first + 1} of the list)`,
      });
    else firstIndex.set(a.id, i);
    if (a.name.trim() === '') out.push({ agent: i, field: 'name', message: 'empty name' });

    if (a.skills.length === 0)
      out.push({ agent: i, field: 'skills', message: 'no skill (at least one queue)' });
    for (const s of a.skills)
      if (!queues.has(s))
        out.push({
          agent: i,
          field: 'skills',
          message: `unknown skill '${s}' (known queues: ${[...queues].join(', ')})`,
        });

    let zoneOk = true;
    try {
      assertTimeZone('agents', a.timeZone);
    } catch {
      zoneOk = false;
      out.push({
        agent: i,
        field: 'timeZone',
        message: `unknown time zone '${a.timeZone}' (an IANA name such as Asia/Jerusalem)`,
      });
    }

    // availability
    const available = new Set<Weekday>(WEEKDAYS);
    for (const d of a.fixedDaysOff) available.delete(d);
    if (a.availability !== undefined) {
      for (const d of WEEKDAYS) {
        const windows = a.availability[d] ?? [];
        if (windows.length === 0) available.delete(d);
        windows.forEach((w, k) => {
          const bad =
            !Number.isInteger(w.startMinutes) ||
            !Number.isInteger(w.endMinutes) ||
            w.startMinutes < 0 ||
            w.startMinutes >= 1440 ||
            w.endMinutes <= w.startMinutes ||
            w.endMinutes - w.startMinutes > 1440 ||
            (w.endMinutes - w.startMinutes === 1440 && w.startMinutes !== 0);
          if (bad)
            out.push({
              agent: i,
              field: 'availability',
              message: `${d}: window ${w.startMinutes}..${w.endMinutes} min must start in 0..1439 and last 1 min to under 24 h (0..1440 for a whole day)`,
            });
          for (let j = 0; j < k; j++)
            if (overlaps(windows[j]!, w))
              out.push({
                agent: i,
                field: 'availability',
                message: `${d}: windows ${j + 1} and ${k + 1} overlap`,
              });
        });
      }
    }

    // time off
    const at = (ms: number): string => (zoneOk ? formatInstant(ms, a.timeZone) : new Date(ms).toISOString());
    a.timeOff.forEach((t, k) => {
      if (!(Number.isFinite(t.startMs) && Number.isFinite(t.endMs) && t.endMs > t.startMs))
        out.push({ agent: i, field: 'timeOff', timeOff: k, message: 'time off ends before it starts' });
      else if (!(t.weight >= 0))
        out.push({
          agent: i,
          field: 'timeOff',
          timeOff: k,
          message: `weight must be >= 0 (got ${t.weight})`,
        });
      else
        for (let j = 0; j < k; j++) {
          const o = a.timeOff[j]!;
          if (o.startMs < t.endMs && t.startMs < o.endMs && o.endMs > o.startMs)
            out.push({
              agent: i,
              field: 'timeOff',
              timeOff: k,
              message: `overlaps the agent's ${o.kind} time off from ${at(o.startMs)} to ${at(o.endMs)}`,
            });
        }
    });

    const kinds = new Set<string>();
    for (const p of a.shiftPreferences) {
      if (kinds.has(p.kind))
        out.push({ agent: i, field: 'shiftPreferences', message: `preference '${p.kind}' given twice` });
      kinds.add(p.kind);
      if (!(p.weight >= 0 && Number.isFinite(p.weight)))
        out.push({ agent: i, field: 'shiftPreferences', message: `weight must be >= 0 (got ${p.weight})` });
    }
    if (!(Number.isFinite(a.seniority) && a.seniority >= 0))
      out.push({ agent: i, field: 'seniority', message: `must be a number >= 0 (got ${a.seniority})` });

    // contract
    const c = a.contract;
    const numbersOk = [
      checkNumber(out, i, 'contract.minHoursPerWeek', c.minHoursPerWeek, 168),
      checkNumber(out, i, 'contract.maxHoursPerWeek', c.maxHoursPerWeek, 168),
      checkNumber(out, i, 'contract.minDaysPerWeek', c.minDaysPerWeek, 7, true),
      checkNumber(out, i, 'contract.maxDaysPerWeek', c.maxDaysPerWeek, 7, true),
      checkNumber(out, i, 'contract.maxConsecutiveDays', c.maxConsecutiveDays, 366, true),
      checkNumber(out, i, 'contract.minRestHours', c.minRestHours, 72),
      checkNumber(out, i, 'contract.costPerHour', c.costPerHour, 1e6),
    ].every(Boolean);
    if (numbersOk && c.maxConsecutiveDays < 1)
      out.push({ agent: i, field: 'contract.maxConsecutiveDays', message: 'must be at least 1' });
    let allowed: ShiftTypePaidMinutes[] | undefined;
    if (types !== undefined) {
      allowed = [];
      for (const name of c.shiftTypes ?? [...types.keys()]) {
        const t = types.get(name);
        if (t === undefined)
          out.push({
            agent: i,
            field: 'contract.shiftTypes',
            message: `unknown shift type '${name}' (known: ${[...types.keys()].join(', ')})`,
          });
        else allowed.push(t);
      }
    }
    if (!numbersOk || c.maxConsecutiveDays < 1) return;
    if (c.minHoursPerWeek > c.maxHoursPerWeek)
      out.push({
        agent: i,
        field: 'contract.minHoursPerWeek',
        message: `min hours per week ${c.minHoursPerWeek} is more than max hours per week ${c.maxHoursPerWeek}`,
      });
    if (c.minDaysPerWeek > c.maxDaysPerWeek)
      out.push({
        agent: i,
        field: 'contract.minDaysPerWeek',
        message: `min days per week ${c.minDaysPerWeek} is more than max days per week ${c.maxDaysPerWeek}`,
      });
    else if (c.minDaysPerWeek > maxDaysInWeek(c.maxConsecutiveDays))
      out.push({
        agent: i,
        field: 'contract.maxConsecutiveDays',
        message: `at most ${c.maxConsecutiveDays} consecutive day${c.maxConsecutiveDays > 1 ? 's' : ''} allow at most ${maxDaysInWeek(c.maxConsecutiveDays)} days in a week, less than min days per week ${c.minDaysPerWeek}`,
      });
    else if (c.minDaysPerWeek > available.size)
      out.push({
        agent: i,
        field: 'contract.minDaysPerWeek',
        message: `min days per week ${c.minDaysPerWeek} is more than the ${available.size} weekdays the agent is available (${WEEKDAYS.filter((d) => available.has(d)).join(' ') || 'none'})`,
      });
    if (allowed !== undefined && c.minHoursPerWeek <= c.maxHoursPerWeek) {
      const longest = allowed.reduce((m, t) => Math.max(m, t.maxPaidMinutes), 0) / 60;
      const days = Math.min(c.maxDaysPerWeek, available.size);
      if (c.minHoursPerWeek > days * longest + 1e-9)
        out.push({
          agent: i,
          field: 'contract.minHoursPerWeek',
          message: `min hours per week ${c.minHoursPerWeek} cannot be worked: at most ${days} days x ${round2(longest)} paid hours (longest allowed shift) = ${round2(days * longest)} h`,
        });
    }
  });
  return out;
}
