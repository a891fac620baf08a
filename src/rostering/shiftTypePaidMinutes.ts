import type { ShiftRulesConfig } from '../schemas/shiftRules.js';
import type { ShiftTypePaidMinutes } from './validateAgents.js';

/**
 * The longest paid time of one shift of each shift type of the rules, in minutes: the longest
 * allowed length (of a `lengthMinutes` range: the last step at or below its max) less the unpaid breaks; 0 for an unpaid type. What `agentProblems` checks minimum
 * weekly hours against. O(types x breaks).
 *
 * @example
 * import { parseShiftRules } from '../schemas/shiftRules.js';
 * shiftTypePaidMinutes(parseShiftRules({ shiftTypes: [{ name: 'day', earliestStart: '08:00', latestStart: '10:00',
 *   lengthsMinutes: [480, 540], breaks: [{ name: 'lunch', durationMinutes: 30, earliestStartMinutes: 180,
 *   latestStartMinutes: 300 }] }] }));
 * // [{ name: 'day', maxPaidMinutes: 510 }]
 */
export function shiftTypePaidMinutes(rules: ShiftRulesConfig): ShiftTypePaidMinutes[] {
  return rules.shiftTypes.map((t) => {
    const r = t.lengthMinutes;
    const longest =
      t.lengthsMinutes !== undefined
        ? Math.max(...t.lengthsMinutes)
        : r === undefined
          ? 0
          : r.min + Math.floor((r.max - r.min) / r.step) * r.step;
    const unpaid = t.breaks.reduce((s, b) => s + (b.paid ? 0 : b.durationMinutes), 0);
    return { name: t.name, maxPaidMinutes: t.paid ? Math.max(0, longest - unpaid) : 0 };
  });
}
