import type { CalibrationFit } from '../availabilityFit.js';
import type { IntervalDemand } from '../demand.js';
import type { CalibrationFrame } from '../frame.js';
import type { ResolvedCalibrateOptions } from '../options.js';
import type { CallRecord } from '../records.js';
import type { AgentSession } from './presence.js';
import { type QueueAgentProfile, queueAgents } from './presenceQueue.js';
import { choosePresenceRule, PRESENCE_RULES, type PresenceRuleFit } from './presenceRule.js';

/**
 * Agents working grid interval i at availability factor f: f x `present[i]`, or the queue-based
 * count `queueAgents(profile, i, f)` when a profile is given.
 */
export type AgentsAt = (i: number, availabilityFactor: number) => number;

/**
 * The agents-working function of a grid (see {@link AgentsAt}). O(1) per call.
 *
 * @example
 * agentsWorking(Float64Array.of(10, 12), undefined)(1, 0.8); // 9.6
 */
export function agentsWorking(present: Float64Array, profile: QueueAgentProfile | undefined): AgentsAt {
  return (i, f) => (profile === undefined ? f * present[i]! : queueAgents(profile, i, f));
}

/** The presence rule `calibrate` uses, what it measures, and the steady-state availability fit. */
export interface FittedPresence {
  /** The rule's inferred agent sessions. */
  sessions: AgentSession[];
  /** Agents present per grid interval under the rule. */
  present: Float64Array;
  /** The queue-based agent profile (`agentsSource` 'queue'), else undefined. */
  profile: QueueAgentProfile | undefined;
  /** The availability factor fitted with the steady-state model under the rule. */
  fit: CalibrationFit;
  /** The rule used and every rule tried (one when the rule was given). */
  presenceRule: { maxGapMinutes: number; padMinutes: number; searched: PresenceRuleFit[] };
  /** Agents working per interval at a factor (see {@link agentsWorking}). */
  agentsAt: AgentsAt;
}

/**
 * Step 4 of `calibrate`: the agents working. The session rule (idle gap that ends a session,
 * padding at both ends) is the given one (`maxGapMinutes` default 30, `padMinutes` default 0 when
 * either is given) or the one of `PRESENCE_RULES` whose availability factor, fitted with the
 * steady-state model on the busy training intervals, fits them best (`choosePresenceRule`; the
 * intervals get the exponential patience). Cost: that of `choosePresenceRule`.
 *
 * @throws StaffcastError `INVALID_INPUT` when `trainBusy` is empty.
 * @example
 * import { resolveCalibrateOptions } from '../options.js';
 * import { intervalDemand } from '../demand.js';
 * import { busyHalves, calibrationFrame } from '../frame.js';
 * import { handleTimes } from '../handleTime.js';
 * import { fitPatience } from '../patience/fitPatience.js';
 * // two weekdays (Monday 1 and Tuesday 2 January 2024, UTC), a call a minute 10:00-10:59: waits 0-30 s,
 * // talk 120-180 s by agents A0-A2, every fifth caller hangs up after 30 s
 * const call = (day, k) => { const ab = k % 5 === 4, wait = ab ? 30 : (k % 4) * 10;
 *   return { arrivalMs: Date.UTC(2024, 0, 1 + day, 10) + k * 60_000, serviceType: 'PS', priority: 0,
 *     outcome: ab ? 'HANG' : 'AGENT', vruSeconds: 0, queued: wait > 0, queueSeconds: wait,
 *     servedByAgent: !ab, serviceSeconds: ab ? NaN : 120 + (k % 7) * 10, agent: ab ? '' : `A${k % 3}` }; };
 * const records = [0, 1].flatMap((day) => Array.from({ length: 60 }, (_, k) => call(day, k)));
 * const options = resolveCalibrateOptions({ timeZone: 'UTC' });
 * const frame = calibrationFrame(records, options);
 * const handleTime = handleTimes(frame, options);
 * const patience = fitPatience(records, frame, handleTime.seconds, options);
 * const demandOf = intervalDemand(frame, handleTime.seconds, patience, 30);
 * const halves = busyHalves(frame, handleTime.seconds);
 * const presence = fitPresence(records, frame, halves.train, demandOf, options);
 * presence.presenceRule.maxGapMinutes; // 5 (padded 2.5 min, best of 14 rules)
 * presence.sessions.length; // 6 (each agent on each day)
 */
export function fitPresence(
  records: readonly CallRecord[],
  frame: CalibrationFrame,
  trainBusy: readonly number[],
  demandOf: IntervalDemand,
  options: Pick<
    ResolvedCalibrateOptions,
    'agentsSource' | 'thresholdSeconds' | 'maxGapMinutes' | 'padMinutes'
  >,
): FittedPresence {
  const { kpis } = frame;
  const fixedRule = options.maxGapMinutes !== undefined || options.padMinutes !== undefined;
  const chosen = choosePresenceRule(
    records,
    frame.grid,
    fixedRule
      ? [{ maxGapMinutes: options.maxGapMinutes ?? 30, padMinutes: options.padMinutes ?? 0 }]
      : PRESENCE_RULES,
    options.agentsSource,
    trainBusy.map((i) => ({
      interval: i,
      demand: demandOf(i, true),
      serviceLevel: kpis.serviceLevel[i]!,
      abandonRate: kpis.abandonRate[i]!,
    })),
    options.thresholdSeconds,
  );
  const { sessions, present, profile, fit } = chosen;
  return {
    sessions,
    present,
    profile,
    fit,
    presenceRule: {
      maxGapMinutes: chosen.rule.maxGapMinutes,
      padMinutes: chosen.rule.padMinutes,
      searched: chosen.searched,
    },
    agentsAt: agentsWorking(present, profile),
  };
}
