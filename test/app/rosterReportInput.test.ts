import { describe, expect, it } from 'vitest';
import { rosterReportInput } from '../../src/app/rosterReportInput.js';

const base = {
  title: 'Roster',
  timeZone: 'UTC',
  weekendDays: ['sat', 'sun'] as const,
  agents: [],
  roster: {
    assignments: [],
    agentStats: [],
    unfilled: [],
    totals: { agents: 0, assignedShifts: 0, unfilledShifts: 0, paidHours: 0, cost: 0, penalty: 0 },
  },
  starts: [0, 900_000, 1_800_000, 2_700_000],
  intervalMinutes: 15,
  generatedAt: 0,
};

describe('rosterReportInput', () => {
  it('sets under = required - rostered where agents are short, 0 where the roster meets or passes it', () => {
    const input = rosterReportInput({
      ...base,
      queues: { sales: { required: [2, 1, 0, 3], rostered: [1, 1, 2, 0.5] } },
    });
    expect(input.coverage?.queues.sales?.under).toEqual([1, 0, 0, 2.5]);
    expect(input.coverage?.starts).toBe(base.starts);
  });

  it('does not count a shortfall of rounding (fractional break overlaps summing a hair under the requirement)', () => {
    const rostered = [0.1 + 0.2 + 0.7, 3 * (1 / 3), 1 - 1e-12, 1];
    const input = rosterReportInput({ ...base, queues: { sales: { required: [1, 1, 1, 1], rostered } } });
    expect(input.coverage?.queues.sales?.under).toEqual([0, 0, 0, 0]);
  });
});
