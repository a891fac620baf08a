/** One replayed day of `replay`: what the plan promised and what the real calls got. */
export interface ReplayDay {
  /** Local date `yyyy-MM-dd`. */
  date: string;
  /** Replayed week, 1 = the oldest. */
  week: number;
  /**
   * `replayed`; `no-data` when the real calls of the day are unknown (no row in the history, a
   * missing interval, or no per-call record): the day's figures are then NaN and it is not scored.
   */
  status: 'replayed' | 'no-data';
  /** Forecast contacts the plan staffed that day. */
  forecastCalls: number;
  /** Contacts that really arrived (offered to the agents). */
  actualCalls: number;
  /** actualCalls / forecastCalls - 1 (positive: more calls than forecast). */
  volumeError: number;
  /** Weighted absolute percentage error of the intervals: sum |actual - forecast| / sum actual. */
  intervalWape: number;
  /**
   * Service level the plan promised for the day, 0..1: its simulated day (`PlanResult.simulation`,
   * the plan's headline promise) when the plan simulated its schedule, else its per-interval Erlang
   * evaluation, contact-weighted. `promisedAsaSeconds` and `promisedAbandonRate` likewise.
   */
  promisedServiceLevel: number;
  /** Service level the simulated day got with the real calls, 0..1. */
  realisedServiceLevel: number;
  /** realisedServiceLevel >= the target; null for a day without data. */
  meetsTarget: boolean | null;
  /** Mean wait of answered calls, seconds (realised). */
  asaSeconds: number;
  /** Abandoned / offered (realised). */
  abandonRate: number;
  /** Calls answered in the simulation. */
  answeredCalls: number;
  /** ASA and abandonment the plan promised. */
  promisedAsaSeconds: number;
  promisedAbandonRate: number;
  /** Paid hours of the shifts starting that day. */
  paidHours: number;
  /** Agent-hours on the phones the plan gives that day (whole agents). */
  onPhoneAgentHours: number;
  /** Calls that came while the plan had the centre closed. */
  callsOutsidePlan: number;
}

/** The days of one replayed week together. */
export interface ReplayPeriod {
  /** Days with real data, and those of them meeting the target. */
  daysReplayed: number;
  daysMeetingTarget: number;
  /** daysMeetingTarget / daysReplayed (NaN without a replayed day). */
  shareOfDaysMeetingTarget: number;
  forecastCalls: number;
  actualCalls: number;
  /** actualCalls / forecastCalls - 1. */
  volumeError: number;
  /** sum over intervals |actual - forecast| / sum actual. */
  intervalWape: number;
  /** Promised service level weighted by forecast calls; realised weighted by real calls. */
  promisedServiceLevel: number;
  realisedServiceLevel: number;
  /** ASA weighted by answered calls; abandonment by real calls. */
  asaSeconds: number;
  abandonRate: number;
  /** Paid hours of all the days (days without data included: the shifts were paid). */
  paidHours: number;
}

/** One replayed week: its dates, its plan's forecast method and schedule status, and its days summed. */
export interface ReplayWeekSummary extends ReplayPeriod {
  /** 1 = the oldest replayed week. */
  week: number;
  /** First and last local date of the week. */
  firstDate: string;
  lastDate: string;
  /** The forecast method of the week's plan (e.g. `auto:robust-profile`). */
  forecastMethod: string;
  /** The schedule's solve status. */
  scheduleStatus: string;
}

/**
 * Sums replayed days into a period (`ReplayPeriod`): counts and paid hours add up; the promised
 * service level is weighted by forecast calls, the realised one by real calls, ASA by answered
 * calls, abandonment by real calls; WAPE = sum(wape_d x actual_d) / sum(actual_d), which is the
 * period's sum |error| / sum actual. Days with status `no-data` count only in `paidHours`. O(days).
 *
 * @example
 * const day = { status: 'replayed', forecastCalls: 100, actualCalls: 110, intervalWape: 0.1,
 *   promisedServiceLevel: 0.85, realisedServiceLevel: 0.7, meetsTarget: false, asaSeconds: 30,
 *   answeredCalls: 100, abandonRate: 0.05, paidHours: 80 } as ReplayDay;
 * summarizeReplayDays([day, { ...day, realisedServiceLevel: 0.9, meetsTarget: true }]).shareOfDaysMeetingTarget; // 0.5
 */
export function summarizeReplayDays(days: readonly ReplayDay[]): ReplayPeriod {
  let replayed = 0;
  let meeting = 0;
  let forecast = 0;
  let actual = 0;
  let absError = 0;
  let promised = 0;
  let realised = 0;
  let answered = 0;
  let wait = 0;
  let abandoned = 0;
  let paid = 0;
  for (const d of days) {
    paid += d.paidHours;
    if (d.status !== 'replayed') continue;
    replayed++;
    if (d.meetsTarget === true) meeting++;
    forecast += d.forecastCalls;
    actual += d.actualCalls;
    if (d.forecastCalls > 0) promised += d.promisedServiceLevel * d.forecastCalls;
    // a day without calls (or without an answered one) has NaN figures of weight 0
    if (d.actualCalls > 0) {
      absError += d.intervalWape * d.actualCalls;
      realised += d.realisedServiceLevel * d.actualCalls;
      abandoned += d.abandonRate * d.actualCalls;
    }
    if (d.answeredCalls > 0) {
      answered += d.answeredCalls;
      wait += d.asaSeconds * d.answeredCalls;
    }
  }
  return {
    daysReplayed: replayed,
    daysMeetingTarget: meeting,
    shareOfDaysMeetingTarget: meeting / replayed,
    forecastCalls: forecast,
    actualCalls: actual,
    volumeError: actual / forecast - 1,
    intervalWape: absError / actual,
    promisedServiceLevel: promised / forecast,
    realisedServiceLevel: realised / actual,
    asaSeconds: wait / answered,
    abandonRate: abandoned / actual,
    paidHours: paid,
  };
}
