import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StaffcastError } from '../../src/errors.js';
import { deferredRequirement } from '../../src/staffing/deferredRequirement.js';

/**
 * Independent check: handles cohorts one by one in arrival order with the given agents per
 * interval (work-conserving FIFO, may start in the arrival interval) and returns the cohorts that
 * are not finished by the end of their due interval.
 */
function lateCohorts(
  arrivals: number[],
  agents: ArrayLike<number>,
  perAgent: number,
  due: ArrayLike<number>,
  open: boolean[],
): number[] {
  const remaining = [...arrivals];
  const late: number[] = [];
  let head = 0;
  for (let t = 0; t < arrivals.length; t++) {
    let capacity = open[t] ? agents[t]! * perAgent : 0;
    while (head <= t && capacity > 0) {
      const take = Math.min(capacity, remaining[head]!);
      remaining[head] = remaining[head]! - take;
      capacity -= take;
      if (remaining[head]! <= 1e-7) head++;
      else break;
    }
    while (head <= t && remaining[head]! <= 1e-7) head++;
    for (let i = 0; i <= t; i++) if (due[i] === t && remaining[i]! > 1e-7 && !late.includes(i)) late.push(i);
  }
  return late;
}

const arb = fc.record({
  arrivals: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 48 }),
  ahtMinutes: fc.integer({ min: 1, max: 40 }),
  deadlineIntervals: fc.integer({ min: 1, max: 8 }),
  business: fc.boolean(),
  closedFrom: fc.integer({ min: 0, max: 20 }),
});

describe('deferredRequirement', () => {
  it('staffs 10 items of 12 minutes due within 2 hours with 1 agent in each of the first two hours', () => {
    const r = deferredRequirement([10, 0, 0, 0], {
      intervalMinutes: 60,
      ahtSeconds: 720,
      deadlineMinutes: 120,
    });
    expect([...r.agents]).toEqual([1, 1, 0, 0]);
    expect([...r.handled]).toEqual([5, 5, 0, 0]);
    expect([...r.backlog]).toEqual([5, 0, 0, 0]);
    expect(r.peakAgents).toBe(1);
    expect(r.agentHours).toBe(2);
  });

  it('counts a business-hours deadline over open intervals only and carries the backlog over the night', () => {
    // 4 one-hour intervals: open, open, closed, open. 12 items of 30 min, deadline 2 business hours.
    const r = deferredRequirement([0, 12, 0, 0], {
      intervalMinutes: 60,
      ahtSeconds: 1800,
      deadlineMinutes: 120,
      deadlineBasis: 'business',
      open: [true, true, false, true],
    });
    expect([...r.dueInterval]).toEqual([1, 3, 3, 3]);
    expect(r.peakAgents).toBe(3);
    expect([...r.agents]).toEqual([0, 3, 0, 3]);
    expect([...r.backlog]).toEqual([0, 6, 6, 0]);
  });

  it('clears every item by its deadline and the peak is minimal: peak - 1 agents miss a deadline (property)', () => {
    fc.assert(
      fc.property(arb, ({ arrivals, ahtMinutes, deadlineIntervals, business, closedFrom }) => {
        const n = arrivals.length;
        const open = arrivals.map((_, i) => !(i >= closedFrom && i < closedFrom + 3) || i === 0);
        const options = {
          intervalMinutes: 30,
          ahtSeconds: ahtMinutes * 60,
          deadlineMinutes: deadlineIntervals * 30,
          deadlineBasis: business ? ('business' as const) : ('calendar' as const),
          open,
        };
        let r: ReturnType<typeof deferredRequirement>;
        try {
          r = deferredRequirement(arrivals, options);
        } catch (error) {
          // only when some arrivals have no open interval before their deadline
          expect((error as StaffcastError).code).toBe('INFEASIBLE');
          return;
        }
        const perAgent = 30 / ahtMinutes;
        expect(lateCohorts(arrivals, r.agents, perAgent, r.dueInterval, open)).toEqual([]);
        expect(Math.max(0, ...r.agents)).toBe(r.peakAgents);
        expect(r.agents.every((a) => Number.isInteger(a) && a >= 0)).toBe(true);
        if (r.peakAgents > 0) {
          const lower = new Array<number>(n).fill(r.peakAgents - 1);
          expect(lateCohorts(arrivals, lower, perAgent, r.dueInterval, open).length).toBeGreaterThan(0);
        }
        // the backlog is what has arrived and is not handled yet
        let arrived = 0;
        let handled = 0;
        for (let t = 0; t < n; t++) {
          arrived += arrivals[t]!;
          handled += r.handled[t]!;
          expect(r.backlog[t]!).toBeCloseTo(arrived - handled, 6);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('rejects a negative arrival and a zero handle time with messages naming the field', () => {
    expect(() =>
      deferredRequirement([1, -2], { intervalMinutes: 30, ahtSeconds: 60, deadlineMinutes: 60 }),
    ).toThrow('deferredRequirement: arrivals[1] must be a finite number >= 0 (got -2)');
    expect(() =>
      deferredRequirement([1], { intervalMinutes: 30, ahtSeconds: 0, deadlineMinutes: 60 }),
    ).toThrow('deferredRequirement: ahtSeconds must be a number > 0 (got 0)');
  });

  it('reports INFEASIBLE when items arrive after the last interval that could serve them', () => {
    expect(() =>
      deferredRequirement([0, 5], {
        intervalMinutes: 60,
        ahtSeconds: 60,
        deadlineMinutes: 60,
        open: [true, false],
      }),
    ).toThrow('deferredRequirement: items arriving in interval 1 cannot be handled by their deadline');
  });
});
