import type { ReplayDay, ReplayWeekSummary } from '../simulation/replaySummary.js';
import { type CsvCell, csvText } from './csvText.js';

/** Rounds to `digits` places; csvText writes a value that is not finite as an empty cell. */
const round = (v: number, digits = 4) => Math.round(v * 10 ** digits) / 10 ** digits;

/** Columns of `writeReplayDaysCsv`, in file order. */
export const REPLAY_DAY_COLUMNS = [
  'date',
  'week',
  'status',
  'forecast_calls',
  'actual_calls',
  'volume_error',
  'interval_wape',
  'promised_service_level',
  'realised_service_level',
  'meets_target',
  'asa_seconds',
  'abandon_rate',
  'promised_asa_seconds',
  'promised_abandon_rate',
  'paid_hours',
  'on_phone_agent_hours',
  'calls_outside_plan',
] as const;

/**
 * The per-day CSV of `staffcast replay` (`replay_days.csv`): one row per planned day of the replayed
 * weeks with the forecast and real calls, the volume error (actual / forecast - 1), the intervals'
 * WAPE, the promised and realised service level, whether the day met the target (`1`/`0`, empty
 * without data), realised and promised ASA and abandonment, paid hours, on-phone agent-hours and
 * the calls that came while the plan had the centre closed. Fractions 0..1 rounded to 4 places,
 * hours and seconds to 2; a day without data (`status` `no-data`) has empty realised cells. O(days).
 *
 * @example
 * writeReplayDaysCsv([{ date: '2024-01-15', week: 1, status: 'replayed', forecastCalls: 80, actualCalls: 88,
 *   volumeError: 0.1, intervalWape: 0.125, promisedServiceLevel: 0.86071, realisedServiceLevel: 0.79,
 *   meetsTarget: false, asaSeconds: 12.345, abandonRate: 0, answeredCalls: 88, promisedAsaSeconds: 9,
 *   promisedAbandonRate: 0, paidHours: 8, onPhoneAgentHours: 8, callsOutsidePlan: 0 }]).split('\n')[1];
 * // '2024-01-15,1,replayed,80,88,0.1,0.125,0.8607,0.79,0,12.35,0,9,0,8,8,0'
 */
export function writeReplayDaysCsv(days: readonly ReplayDay[]): string {
  const rows = days.map((d): CsvCell[] => [
    d.date,
    d.week,
    d.status,
    round(d.forecastCalls, 2),
    d.actualCalls,
    round(d.volumeError),
    round(d.intervalWape),
    round(d.promisedServiceLevel),
    round(d.realisedServiceLevel),
    d.meetsTarget === null ? null : d.meetsTarget ? 1 : 0,
    round(d.asaSeconds, 2),
    round(d.abandonRate),
    round(d.promisedAsaSeconds, 2),
    round(d.promisedAbandonRate),
    round(d.paidHours, 2),
    round(d.onPhoneAgentHours, 2),
    d.callsOutsidePlan,
  ]);
  return csvText([[...REPLAY_DAY_COLUMNS], ...rows]);
}

/** Columns of `writeReplayWeeksCsv`, in file order. */
export const REPLAY_WEEK_COLUMNS = [
  'week',
  'first_date',
  'last_date',
  'days_replayed',
  'days_meeting_target',
  'share_of_days_meeting_target',
  'forecast_calls',
  'actual_calls',
  'volume_error',
  'interval_wape',
  'promised_service_level',
  'realised_service_level',
  'asa_seconds',
  'abandon_rate',
  'paid_hours',
  'forecast_method',
  'schedule_status',
] as const;

/**
 * The per-week CSV of `staffcast replay` (`replay_weeks.csv`): one row per replayed week with the
 * days summed (`summarizeReplayDays`), the forecast method and the schedule status of its plan.
 * Rounded as `writeReplayDaysCsv`. O(weeks).
 *
 * @example
 * writeReplayWeeksCsv([{ week: 1, firstDate: '2024-01-13', lastDate: '2024-01-19', daysReplayed: 5,
 *   daysMeetingTarget: 4, shareOfDaysMeetingTarget: 0.8, forecastCalls: 400, actualCalls: 480,
 *   volumeError: 0.2, intervalWape: 0.1667, promisedServiceLevel: 0.86, realisedServiceLevel: 0.7,
 *   asaSeconds: 30, abandonRate: 0, paidHours: 40, forecastMethod: 'historical-average',
 *   scheduleStatus: 'optimal' }]).split('\n')[1];
 * // '1,2024-01-13,2024-01-19,5,4,0.8,400,480,0.2,0.1667,0.86,0.7,30,0,40,historical-average,optimal'
 */
export function writeReplayWeeksCsv(weeks: readonly ReplayWeekSummary[]): string {
  const rows = weeks.map((w): CsvCell[] => [
    w.week,
    w.firstDate,
    w.lastDate,
    w.daysReplayed,
    w.daysMeetingTarget,
    round(w.shareOfDaysMeetingTarget),
    round(w.forecastCalls, 2),
    w.actualCalls,
    round(w.volumeError),
    round(w.intervalWape),
    round(w.promisedServiceLevel),
    round(w.realisedServiceLevel),
    round(w.asaSeconds, 2),
    round(w.abandonRate),
    round(w.paidHours, 2),
    w.forecastMethod,
    w.scheduleStatus,
  ]);
  return csvText([[...REPLAY_WEEK_COLUMNS], ...rows]);
}
