import type { Agent, Roster } from '../rostering/types.js';
import { csvText } from './csvText.js';

/**
 * The columns of the per-agent view of a roster (one row per agent, `Roster.agentStats`), in file
 * order: id, name, contract label, shifts, working days, paid hours, free weekends and weekends in
 * the horizon, early and late shifts, soft wishes granted and asked, preferences granted (fraction
 * 0..1), wage cost and soft penalty.
 */
export const AGENT_STATS_CSV_COLUMNS = [
  'agent_id',
  'agent_name',
  'contract',
  'shifts',
  'days',
  'paid_hours',
  'weekends_off',
  'weekends',
  'early_shifts',
  'late_shifts',
  'wishes_granted',
  'wishes_requested',
  'preferences_granted',
  'cost',
  'penalty',
] as const;

/**
 * The per-agent view CSV of a roster (`AGENT_STATS_CSV_COLUMNS`), one row per `Roster.agentStats`
 * entry in its order; name and contract from `agents` (empty for an id not among them). Numbers
 * are written to 12 significant digits (`formatCsvNumber`). O(agents).
 *
 * @example
 * writeAgentStatsCsv({ agentStats: [{ agentId: 'a1', shifts: 20, days: 20, paidHours: 160, weekendsOff: 2, weekends: 4,
 *   earlyShifts: 12, lateShifts: 3, wishesGranted: 1, wishesRequested: 1, preferencesGranted: 0.6, cost: 160, penalty: 8 }] },
 *   [{ id: 'a1', name: 'A. Cohen', contract: { name: 'full-time' } }]).split('\n')[1];
 * // 'a1,A. Cohen,full-time,20,20,160,2,4,12,3,1,1,0.6,160,8'
 */
export function writeAgentStatsCsv(
  roster: Pick<Roster, 'agentStats'>,
  agents: readonly (Pick<Agent, 'id' | 'name'> & { contract: Pick<Agent['contract'], 'name'> })[],
): string {
  const byId = new Map(agents.map((a) => [a.id, a]));
  const rows = roster.agentStats.map((s) => {
    const a = byId.get(s.agentId);
    return {
      agent_id: s.agentId,
      agent_name: a?.name ?? '',
      contract: a?.contract.name ?? '',
      shifts: s.shifts,
      days: s.days,
      paid_hours: s.paidHours,
      weekends_off: s.weekendsOff,
      weekends: s.weekends,
      early_shifts: s.earlyShifts,
      late_shifts: s.lateShifts,
      wishes_granted: s.wishesGranted,
      wishes_requested: s.wishesRequested,
      preferences_granted: s.preferencesGranted,
      cost: s.cost,
      penalty: s.penalty,
    };
  });
  return csvText(rows, { header: true, columns: AGENT_STATS_CSV_COLUMNS });
}
