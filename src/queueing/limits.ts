/**
 * The bounds every queueing entry point enforces, so that no input makes a search or a recursion
 * run for minutes: each Erlang evaluation costs O(agents x concurrency), each search at most
 * `MAX_AGENTS_LIMIT` agents. Inputs beyond them are INVALID_INPUT up front; a load whose answer
 * would exceed `StaffingTarget.maxAgents` is TARGET_UNREACHABLE before any iteration.
 */

/** Most contacts one agent handles at once (chat): 100. */
export const MAX_CONCURRENCY = 100;

/** Longest mean handle time accepted: one day, 86,400 s (a handle time beyond it is a unit error). */
export const MAX_AHT_SECONDS = 86_400;

/**
 * Most agents any queueing function evaluates or searches (`agents`, `StaffingTarget.maxAgents`):
 * 1,000,000, ten times the default `maxAgents` (100,000); with `MAX_CONCURRENCY` one evaluation is
 * at most 1e8 Erlang B steps.
 */
export const MAX_AGENTS_LIMIT = 1_000_000;

/**
 * Highest arrival rate accepted: 100,000 contacts per second (8.64 billion a day, far beyond any
 * queue; a higher rate is a unit error such as a 1e308 volume or a near-zero interval).
 */
export const MAX_CALLS_PER_SECOND = 100_000;

/**
 * Most contacts arriving within one mean patience (calls per second x patienceSeconds) Erlang A
 * accepts: 1e9. One Erlang A evaluation sums about 50 sqrt of this many states near critical load
 * or in overload (at most about 1.6 million), so a patience of 1e308 s cannot stall a search; 1e9
 * still allows, at 10 calls per second, a patience of three years (Erlang C in all but name).
 */
export const MAX_ARRIVALS_PER_PATIENCE = 1e9;
