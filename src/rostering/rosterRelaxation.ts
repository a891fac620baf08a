import type { RosterProblem } from './rosterProblem.js';
import type { ShiftGroup } from './shiftGroups.js';

/** A relaxation of a roster problem and how its shifts map onto the original's (internal). @internal */
export interface RosterRelaxation {
  /** The relaxed problem: one shift class per day, queue, paid minutes, late flag and start bucket. */
  problem: RosterProblem;
  /** Per original shift group: its class (a shift of `problem`). */
  classOf: Int32Array;
}

/**
 * Width of the start-time buckets of the shift classes: the whole day (one class per day, queue,
 * paid minutes and late flag). On the 100-agent bench its LP equals the roster MIP's (12,827.0)
 * and its root cuts give 12,914.5, against 12,894.3 with 3-hour buckets, on a smaller model
 * (15,725 columns instead of 21,589). @internal
 */
export const RELAX_BUCKET_MINUTES = 1440;

/**
 * The shift-class relaxation of a roster problem (internal), whose optimum is a lower bound on the
 * original's: the shift groups of one day with the same queue, paid minutes, late flag and start
 * bucket (`bucketMinutes` of the local start, default `RELAX_BUCKET_MINUTES`) become one class with
 * all their seats; an agent may work a class when eligible for one of its groups, at the cheapest of
 * those groups' wish costs; rest between classes is judged on the most favourable pair of their
 * groups (a class starts at its groups' latest start and ends at their earliest end); start-time
 * stability and the most agents per shift type and day are dropped. Kept exactly: one shift a day,
 * the weekly maximum and minimum hours and days, days in a row, weekends off, late shifts above
 * the fair share (`lateTarget` is unchanged: the same late seats and agents able to work one).
 * Every roster of the original maps to a roster of the relaxation (each shift to its class) with
 * the same seats filled and an objective no higher, so the relaxation's optimum, and any lower
 * bound on it (its MIP's dual bound), bound the original's optimum from below. Its model has a
 * column per agent and class the agent may work instead of one per agent and shift group (100
 * agents x 4 weeks of the bench: 15,725 columns instead of 75,144). O(agents x eligible shifts).
 *
 * @internal
 */
export function relaxRosterProblem(
  problem: RosterProblem,
  bucketMinutes = RELAX_BUCKET_MINUTES,
): RosterRelaxation {
  const keyOf = (g: ShiftGroup) =>
    `${g.dayIndex}|${g.queue ?? ''}|${g.paidMinutes}|${problem.late[g.index]}|${Math.floor(g.startMinuteOfDay / bucketMinutes)}`;
  const classIndex = new Map<string, number>();
  const classes: ShiftGroup[] = [];
  const late: number[] = [];
  const classOf = new Int32Array(problem.shifts.length);
  for (const g of problem.shifts) {
    const key = keyOf(g);
    let c = classIndex.get(key);
    if (c === undefined) {
      c = classes.length;
      classIndex.set(key, c);
      classes.push({ ...g, index: c, seats: [] });
      late.push(problem.late[g.index] ?? 0);
    }
    classOf[g.index] = c;
    const k = classes[c] as ShiftGroup;
    k.seats.push(...g.seats);
    // the most favourable rest: the latest start and the earliest end of the class's groups
    k.startMs = Math.max(k.startMs, g.startMs);
    k.endMs = Math.min(k.endMs, g.endMs);
  }
  const eligible: Int32Array[] = [];
  const cost: Float64Array[] = [];
  problem.eligible.forEach((el, a) => {
    const co = problem.cost[a] as Float64Array;
    const cheapest = new Map<number, number>();
    el.forEach((s, e) => {
      const c = classOf[s] ?? 0;
      cheapest.set(c, Math.min(cheapest.get(c) ?? Infinity, co[e] ?? 0));
    });
    const list = [...cheapest.keys()].sort((p, q) => p - q);
    eligible.push(Int32Array.from(list));
    cost.push(Float64Array.from(list, (c) => cheapest.get(c) ?? 0));
  });
  return {
    problem: {
      ...problem,
      shifts: classes,
      eligible,
      cost,
      whyNot: (a, s) => (eligible[a]?.includes(s) ? undefined : 'not eligible for any shift of the class'),
      late: Uint8Array.from(late),
      maxStartVariationMinutes: undefined,
      maxPerTypeDay: new Map(),
    },
    classOf,
  };
}

/**
 * The original problem restricted to the classes a roster of the relaxation gives each agent
 * (internal): agent `a` may work only the shift groups of the classes in `classesByAgent[a]` (each
 * at its own wish cost), everything else unchanged. Every roster of it is a roster of the original,
 * and one that gives each agent one group of each of its classes has the relaxation roster's seats,
 * hours, days, weekends and late shifts, so its objective differs from the relaxation's only by
 * the wishes within a class: solving its MIP turns the relaxation's optimum into a real roster at
 * (about) the same cost when the rest rule allows (100 agents x 4 weeks of the bench: 13,030.06,
 * the relaxation's optimum, in 2.8 s; 23,358 columns). O(agents x eligible).
 *
 * @internal
 */
export function restrictToClasses(
  problem: RosterProblem,
  relaxation: RosterRelaxation,
  classesByAgent: readonly (readonly number[])[],
): RosterProblem {
  return restrictEligible(problem, (a) => {
    const mine = new Set(classesByAgent[a] ?? []);
    return (s) => mine.has(relaxation.classOf[s] ?? -1);
  });
}

/**
 * The original problem restricted to the days and shift lengths a roster of the relaxation gives
 * each agent (internal): agent `a` may work, on each day of a class in `classesByAgent[a]`, any
 * shift group it is eligible for with that class's paid minutes (any queue, start and late flag),
 * at its own wish cost; everything else unchanged. Looser than `restrictToClasses`: a class roster
 * whose classes cannot all be realised (the relaxation judges rest on the most favourable pair and
 * eligibility on any group of a class) can still be realised here with the same working days and
 * paid hours, so the same weekly shortfalls, by moving an agent to another queue or start that day.
 * Every roster of it is a roster of the original, and it contains every realisation of the class
 * roster (100 agents x 4 weeks of the bench: 37,471 columns against 23,404 for the classes and
 * 75,144 in all). O(agents x eligible).
 *
 * @internal
 */
export function restrictToDaysAndLengths(
  problem: RosterProblem,
  relaxation: RosterRelaxation,
  classesByAgent: readonly (readonly number[])[],
): RosterProblem {
  const keyOf = (g: Pick<ShiftGroup, 'dayIndex' | 'paidMinutes'>) => g.dayIndex * 100_000 + g.paidMinutes;
  return restrictEligible(problem, (a) => {
    const mine = new Set<number>();
    for (const c of classesByAgent[a] ?? []) {
      const k = relaxation.problem.shifts[c];
      if (k !== undefined) mine.add(keyOf(k));
    }
    return (s) => {
      const g = problem.shifts[s];
      return g !== undefined && mine.has(keyOf(g));
    };
  });
}

/**
 * The problem with each agent's eligible shift groups narrowed to those `keep(a)` accepts, each at
 * its own wish cost, everything else unchanged (internal). O(agents x eligible).
 */
function restrictEligible(
  problem: RosterProblem,
  keep: (agent: number) => (group: number) => boolean,
): RosterProblem {
  const eligible: Int32Array[] = [];
  const cost: Float64Array[] = [];
  problem.eligible.forEach((el, a) => {
    const accepts = keep(a);
    const kept: number[] = [];
    el.forEach((s, e) => {
      if (accepts(s)) kept.push(e);
    });
    eligible.push(Int32Array.from(kept, (e) => el[e] ?? 0));
    cost.push(Float64Array.from(kept, (e) => problem.cost[a]?.[e] ?? 0));
  });
  return { ...problem, eligible, cost };
}
