import { invalidInput } from '../errors.js';
import { type CalibrationGrid, intervalIndex } from './grid.js';
import { type CallRecord, classifyCall, queueEntryMs, waitSeconds } from './records.js';

/**
 * Options of {@link observedKpis}.
 *
 * @internal
 */
export interface ObservedKpisOptions {
  /** Answer threshold of the service level in seconds. Default 20. */
  thresholdSeconds?: number;
  /**
   * `'offered'` (default): answered within the threshold / offered.
   * `'excludeShortAbandons'`: answered within the threshold / (offered - abandoned within it).
   */
  serviceLevelBasis?: 'offered' | 'excludeShortAbandons';
}

/** Counts of the records `observedKpis` set aside, with the reason in the name. */
export interface RecordQuirks {
  /** PHANTOM records (switch artefacts): ignored. */
  phantom: number;
  /** Outcome AGENT with no named agent and no talk time (NO_SERVER): ignored. */
  noServer: number;
  /** Hung up in the voice menu, never queued: not offered to agents. */
  vruOnly: number;
  /** Answered calls with talk time under 10 s: kept (they are answered and used agent time). */
  shortServices: number;
  /** Records whose queue entry falls outside the grid: ignored. */
  outsideGrid: number;
}

/**
 * The centre's own KPIs per interval, keyed by queue entry time (arrival + VRU time). Ratios of an
 * interval with nothing to divide by are NaN.
 *
 * @internal
 */
export interface ObservedKpis {
  /** Calls that reached the agent queue (answered or abandoned). */
  offered: Float64Array;
  /** Calls served by a named agent. */
  answered: Float64Array;
  /** Calls that queued and hung up before service. */
  abandoned: Float64Array;
  /** Answered with a wait <= threshold. */
  answeredWithin: Float64Array;
  /** Abandoned with a wait <= threshold. */
  abandonedWithin: Float64Array;
  /** Sum of the waits of all offered calls in seconds (answered and abandoned): patience exposure. */
  waitSecondsTotal: Float64Array;
  /** Sum of the waits of answered calls in seconds. */
  answeredWaitSeconds: Float64Array;
  /** Sum of the talk times of answered calls in seconds. */
  serviceSecondsTotal: Float64Array;
  /** Service level (fraction) on the chosen basis; NaN with no offered call. */
  serviceLevel: Float64Array;
  /** Average speed of answer: mean wait of answered calls (s); NaN with none answered. */
  asaSeconds: Float64Array;
  /** Abandoned / offered; NaN with no offered call. */
  abandonRate: Float64Array;
  /** Mean talk time of answered calls (s); NaN with none answered. */
  ahtSeconds: Float64Array;
  /** Records set aside, by reason. */
  quirks: RecordQuirks;
}

/**
 * Aggregates per-call records into the observed KPIs of each grid interval.
 *
 * Data rules (see `classifyCall`): offered = answered + abandoned; a call answered without queueing
 * has wait 0; PHANTOM and NO_SERVER records and VRU-only hang-ups are not offered. Services under
 * 10 s are kept: the caller was answered and the agent was busy, so dropping them would bias both
 * the service level and the handle time. Priority and service type are pooled (one queue), as the
 * agents served all types.
 *
 * SL = answeredWithin / offered (basis 'offered'), ASA = answeredWaitSeconds / answered,
 * abandonRate = abandoned / offered, AHT = serviceSecondsTotal / answered. O(records log intervals).
 *
 * @internal
 * @throws StaffcastError `INVALID_INPUT` for a negative or non-finite threshold.
 * @example
 * import { calibrationGrid } from './grid.js';
 * // a served (service > 0) or abandoned call of agent A01, arriving at `at` after no IVR
 * const call = (at: string, waitSeconds: number, serviceSeconds: number) => ({ arrivalMs: Date.parse(at),
 *   serviceType: 'PS', priority: 0, outcome: serviceSeconds > 0 ? 'AGENT' : 'HANG', vruSeconds: 0, queued: waitSeconds > 0,
 *   queueSeconds: waitSeconds, servedByAgent: serviceSeconds > 0, serviceSeconds, agent: 'A01' }) as CallRecord;
 * // in the 10:00 half hour (i = 20): answered after 30 s, answered at once, abandoned at 15 s and at 60 s
 * const records = [call('2024-01-01T10:00:00Z', 30, 100), call('2024-01-01T10:01:00Z', 0, 100),
 *   call('2024-01-01T10:02:00Z', 15, 0), call('2024-01-01T10:03:00Z', 60, 0)];
 * const k = observedKpis(records, calibrationGrid(Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 1), 'UTC', 30),
 *   { thresholdSeconds: 20 });
 * [k.serviceLevel[20], k.asaSeconds[20], k.abandonRate[20]]; // [0.25, 15, 0.5]
 */
export function observedKpis(
  records: readonly CallRecord[],
  grid: CalibrationGrid,
  options: ObservedKpisOptions = {},
): ObservedKpis {
  const threshold = options.thresholdSeconds ?? 20;
  if (!(threshold >= 0 && Number.isFinite(threshold)))
    invalidInput('observedKpis', 'thresholdSeconds', 'must be a finite number >= 0', threshold);
  const n = grid.starts.length;
  const k: ObservedKpis = {
    offered: new Float64Array(n),
    answered: new Float64Array(n),
    abandoned: new Float64Array(n),
    answeredWithin: new Float64Array(n),
    abandonedWithin: new Float64Array(n),
    waitSecondsTotal: new Float64Array(n),
    answeredWaitSeconds: new Float64Array(n),
    serviceSecondsTotal: new Float64Array(n),
    serviceLevel: new Float64Array(n),
    asaSeconds: new Float64Array(n),
    abandonRate: new Float64Array(n),
    ahtSeconds: new Float64Array(n),
    quirks: { phantom: 0, noServer: 0, vruOnly: 0, shortServices: 0, outsideGrid: 0 },
  };
  for (const r of records) {
    const cls = classifyCall(r);
    if (cls === 'phantom' || cls === 'noServer' || cls === 'vruOnly') {
      k.quirks[cls]++;
      continue;
    }
    const i = intervalIndex(grid, queueEntryMs(r));
    if (i < 0) {
      k.quirks.outsideGrid++;
      continue;
    }
    const wait = waitSeconds(r);
    k.offered[i]!++;
    k.waitSecondsTotal[i]! += wait;
    if (cls === 'answered') {
      k.answered[i]!++;
      k.answeredWaitSeconds[i]! += wait;
      k.serviceSecondsTotal[i]! += r.serviceSeconds;
      if (wait <= threshold) k.answeredWithin[i]!++;
      if (r.serviceSeconds < 10) k.quirks.shortServices++;
    } else {
      k.abandoned[i]!++;
      if (wait <= threshold) k.abandonedWithin[i]!++;
    }
  }
  const excludeShort = options.serviceLevelBasis === 'excludeShortAbandons';
  for (let i = 0; i < n; i++) {
    const offered = k.offered[i]!;
    const answered = k.answered[i]!;
    const base = excludeShort ? offered - k.abandonedWithin[i]! : offered;
    k.serviceLevel[i] = base > 0 ? k.answeredWithin[i]! / base : Number.NaN;
    k.abandonRate[i] = offered > 0 ? k.abandoned[i]! / offered : Number.NaN;
    k.asaSeconds[i] = answered > 0 ? k.answeredWaitSeconds[i]! / answered : Number.NaN;
    k.ahtSeconds[i] = answered > 0 ? k.serviceSecondsTotal[i]! / answered : Number.NaN;
  }
  return k;
}
