import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { AGENT_STATS_CSV_COLUMNS, writeAgentStatsCsv } from '../../src/io/agentStatsCsv.js';
import type { AgentRosterStats } from '../../src/rostering/types.js';

const STATS: AgentRosterStats = {
  agentId: 'a1',
  shifts: 19,
  days: 19,
  paidHours: 152.5,
  weekendsOff: 2,
  weekends: 4,
  earlyShifts: 10,
  lateShifts: 4,
  wishesGranted: 1,
  wishesRequested: 2,
  preferencesGranted: 10 / 21,
  cost: 152.5,
  penalty: 11,
};

describe('per-agent view CSV', () => {
  it('writes one row per agent with every figure under its column', () => {
    const text = writeAgentStatsCsv({ agentStats: [STATS, { ...STATS, agentId: 'x9' }] }, [
      { id: 'a1', name: 'A. Cohen', contract: { name: 'full-time' } },
    ]);
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...AGENT_STATS_CSV_COLUMNS]);
    expect(rows[0]).toMatchObject({
      agent_id: 'a1',
      agent_name: 'A. Cohen',
      contract: 'full-time',
      paid_hours: '152.5',
      weekends_off: '2',
      preferences_granted: '0.47619047619',
      penalty: '11',
    });
    expect(rows[1]).toMatchObject({ agent_id: 'x9', agent_name: '', contract: '' });
  });
});
