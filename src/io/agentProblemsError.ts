import { StaffcastError } from '../errors.js';
import { shiftTypePaidMinutes } from '../rostering/shiftTypePaidMinutes.js';
import type { AgentProblem, AgentProblemsOptions } from '../rostering/validateAgents.js';
import type { ShiftRulesConfig } from '../schemas/shiftRules.js';

/**
 * Throws the first of `problems` as one line, `<place>: <message>`, with the count of the others
 * (`(and 2 more problems)`); every problem is in `details.problems`. Nothing when there is none.
 *
 * @internal
 * @throws StaffcastError with `code`
 * @example
 * throwProblems([{ agent: 0, field: 'id', message: 'empty' }, { agent: 1, field: 'id', message: 'empty' }],
 *   (p) => `agents.csv:${p.agent + 2}:id`, 'CSV_ROW');
 * // throws CSV_ROW 'agents.csv:2:id: empty (and 1 more problem)'
 */
export function throwProblems(
  problems: readonly AgentProblem[],
  place: (p: AgentProblem) => string,
  code: 'CSV_ROW' | 'CONFIG',
): void {
  const first = problems[0];
  if (first === undefined) return;
  const n = problems.length - 1;
  const more = n > 0 ? ` (and ${n} more problem${n > 1 ? 's' : ''})` : '';
  throw new StaffcastError(code, `${place(first)}: ${first.message}${more}`, { problems });
}

/**
 * The options of `agentProblems` from a reader's queues and shift rules (the longest paid shift of
 * each type, `shiftTypePaidMinutes`).
 *
 * @internal
 * @example
 * problemOptions({ queues: ['stocks'] }); // { queues: ['stocks'] }
 */
export function problemOptions(options: {
  queues: readonly string[];
  shiftRules?: ShiftRulesConfig;
}): AgentProblemsOptions {
  return {
    queues: options.queues,
    ...(options.shiftRules === undefined ? {} : { shiftTypes: shiftTypePaidMinutes(options.shiftRules) }),
  };
}
