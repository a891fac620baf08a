/**
 * Every queue a roster run knows, the skills an agent may list: the run's own queues (the
 * requirement's, or a plan's), then the rules' `roster.queues` not among them, each once in that
 * order. A run may roster only some of them (`--queue`, a plan of one queue): an agent's skills
 * for the others are valid but not used; a skill that is none of them is an unknown skill (a
 * typo). O(queues).
 *
 * @internal
 * @example
 * knownQueues(['general'], { queues: ['sales', 'general', 'loans'] }); // ['general', 'sales', 'loans']
 * knownQueues(['sales', 'care'], undefined); // ['sales', 'care']
 */
export function knownQueues(
  runQueues: readonly string[],
  rosterRules: { queues?: readonly string[] | undefined } | undefined,
): string[] {
  return [...new Set([...runQueues, ...(rosterRules?.queues ?? [])])];
}
