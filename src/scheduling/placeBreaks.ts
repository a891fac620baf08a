import type { ShiftRulesConfig } from '../schemas/shiftRules.js';
import type { SlotCalendar } from './calendar.js';
import type { Candidates } from './candidates.js';
import { breakPositions } from './candidates.js';
import { coverageLimits } from './coverageLimits.js';

/** One shift instance (one agent) with its break start offsets in slots, rule order. */
export interface ShiftInstance {
  column: number;
  breakOffsets: number[];
}

/**
 * "Shifts first, breaks second": given shift counts, places every agent's breaks where the
 * surplus is largest. Each break goes, in turn, to the allowed non-overlapping position whose
 * removal from coverage costs least (under-coverage penalty minus saved over-coverage penalty);
 * then `passes` rounds of local search lift each break and re-place it. Explicit-mode columns keep
 * their break positions. Cost O(agents * breaks * positions * break length * passes).
 *
 * @returns one entry per agent
 * @example
 * import { slotCalendar } from './calendar.js';
 * import { generateCandidates } from './candidates.js';
 * import { parseShiftRules } from '../schemas/shiftRules.js';
 * // one agent 00:00-08:00, 1-hour lunch starting 3:00..5:00 after the start, required dips at 04:00
 * const cal = slotCalendar({ intervalMinutes: 60, required: [1, 1, 1, 1, 0, 1, 1, 1] });
 * const rules = parseShiftRules({ shiftTypes: [{ name: 'd', earliestStart: '00:00', latestStart: '00:00',
 *   lengthsMinutes: [480], breaks: [{ name: 'lunch', durationMinutes: 60, earliestStartMinutes: 180,
 *   latestStartMinutes: 300 }] }] });
 * const c = generateCandidates(cal, rules, { breakMethod: 'afterwards' });
 * placeBreaks(c, cal, rules, [1]); // [{ column: 0, breakOffsets: [4] }]
 */
export function placeBreaks(
  c: Candidates,
  cal: SlotCalendar,
  rules: ShiftRulesConfig,
  x: ArrayLike<number>,
  passes = 3,
): ShiftInstance[] {
  const n = cal.slots;
  const iv = cal.intervalMinutes;
  const pu = coverageLimits(rules).underPenalty;
  const po = rules.coverage.overPenaltyPerAgentInterval;
  const net = new Float64Array(n);
  const slotOf = (j: number, o: number): number => {
    const t = (c.start[j] ?? 0) + o;
    if (t < n) return t;
    return c.cyclic ? t % n : -1;
  };
  const instances: ShiftInstance[] = [];
  for (let j = 0; j < c.count; j++) {
    const cnt = Math.round(x[j] ?? 0);
    for (let i = 0; i < cnt; i++) {
      const b0 = c.breakStart[j] ?? 0;
      const b1 = c.breakStart[j + 1] ?? 0;
      const offsets: number[] = [];
      for (let b = b0; b < b1; b++) offsets.push(c.breakOffset[b] ?? -1);
      instances.push({ column: j, breakOffsets: offsets });
      for (let o = 0; o < (c.lengthSlots[j] ?? 0); o++) {
        const t = slotOf(j, o);
        if (t >= 0) net[t] = (net[t] ?? 0) + 1;
      }
    }
  }
  const rulesOf = (j: number) => rules.shiftTypes[c.type[j] ?? 0]?.breaks ?? [];
  const durOf = (j: number, b: number) => (rulesOf(j)[b]?.durationMinutes ?? 0) / iv;
  const shift = (j: number, o: number, dur: number, sign: number) => {
    for (let i = o; i < o + dur; i++) {
      const t = slotOf(j, i);
      if (t >= 0) net[t] = (net[t] ?? 0) + sign;
    }
  };
  // explicit offsets are already breaks: take them out of net
  for (const inst of instances)
    inst.breakOffsets.forEach((o, b) => {
      if (o >= 0) shift(inst.column, o, durOf(inst.column, b), -1);
    });
  const costOfBreak = (j: number, o: number, dur: number): number => {
    let d = 0;
    for (let i = o; i < o + dur; i++) {
      const t = slotOf(j, i);
      if (t < 0) continue;
      const before = (cal.required[t] ?? 0) - (net[t] ?? 0);
      const after = before + 1;
      d +=
        pu * (Math.max(0, after) - Math.max(0, before)) + po * (Math.max(0, -after) - Math.max(0, -before));
    }
    return d;
  };
  const place = (inst: ShiftInstance, b: number) => {
    const j = inst.column;
    const len = c.lengthSlots[j] ?? 0;
    const rule = rulesOf(j)[b];
    if (rule === undefined) return;
    const dur = durOf(j, b);
    let best = -1;
    let bestCost = Infinity;
    for (const o of breakPositions(rule, len, iv)) {
      const clash = inst.breakOffsets.some((p, q) => q !== b && p >= 0 && o < p + durOf(j, q) && p < o + dur);
      if (clash) continue;
      const cost = costOfBreak(j, o, dur);
      if (cost < bestCost - 1e-12) {
        bestCost = cost;
        best = o;
      }
    }
    if (best < 0) best = breakPositions(rule, len, iv)[0] ?? 0;
    inst.breakOffsets[b] = best;
    shift(j, best, dur, -1);
  };
  if (c.explicitBreaks) return instances;
  for (const inst of instances) for (let b = 0; b < inst.breakOffsets.length; b++) place(inst, b);
  for (let pass = 0; pass < passes; pass++)
    for (const inst of instances)
      for (let b = 0; b < inst.breakOffsets.length; b++) {
        const o = inst.breakOffsets[b] ?? -1;
        if (o < 0) continue;
        shift(inst.column, o, durOf(inst.column, b), 1);
        inst.breakOffsets[b] = -1;
        place(inst, b);
      }
  return instances;
}
