import type { Agent } from '../../rostering/types.js';

/** Ids named in the message at most; the rest are counted. */
const SHOWN = 5;

/**
 * The line a roster run prints when some agents have no skill among the rostered queues (a run
 * of some of the known queues: `--queue`, a plan of one queue): how many agents have skills
 * outside the rostered queues (not used in this run), and which of them have no rostered skill at
 * all and so get no shift (the first five ids, then a count). Nothing when every agent can work a
 * rostered queue. O(agents x skills).
 *
 * @internal
 * @example
 * const agent = (id: string, skills: string[]) => ({ id, skills });
 * skillsOutsideMessages([agent('a1', ['general', 'sales']), agent('a2', ['sales'])], ['general']);
 * // ['roster: 2 agents have skills outside the rostered queues (general), not used in this run; 1 of them has no rostered skill and gets no shift: a2\n']
 * skillsOutsideMessages([agent('a1', ['general', 'sales'])], ['general']); // []
 */
export function skillsOutsideMessages(
  agents: readonly Pick<Agent, 'id' | 'skills'>[],
  rosteredQueues: readonly string[],
): string[] {
  const rostered = new Set(rosteredQueues);
  const outside = agents.filter((a) => a.skills.some((s) => !rostered.has(s))).length;
  const idle = agents.filter((a) => !a.skills.some((s) => rostered.has(s))).map((a) => a.id);
  if (idle.length === 0) return [];
  const ids =
    idle.slice(0, SHOWN).join(', ') + (idle.length > SHOWN ? ` and ${idle.length - SHOWN} more` : '');
  const one = idle.length === 1;
  return [
    `roster: ${outside} agent${outside === 1 ? ' has' : 's have'} skills outside the rostered queues (${rosteredQueues.join(', ')}), not used in this run; ` +
      `${idle.length} of them ha${one ? 's' : 've'} no rostered skill and get${one ? 's' : ''} no shift: ${ids}\n`,
  ];
}
