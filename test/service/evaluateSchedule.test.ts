import { describe, expect, it } from 'vitest';
import { queueMetrics } from '../../src/queueing/queueMetrics.js';
import { scheduleEfficiency } from '../../src/scheduling/efficiency.js';
import { scheduleShifts } from '../../src/scheduling/scheduleShifts.js';
import { evaluateSchedule } from '../../src/service/evaluateSchedule.js';

/** A schedule of one day of 30-minute intervals with these agents on the phones (no breaks). */
function oneDay(agents: number[]) {
  const net = Float64Array.from(agents);
  return {
    intervalMinutes: 30,
    coverage: {
      required: new Float64Array(net.length),
      scheduled: net,
      onBreak: new Float64Array(net.length),
      net,
      dayIndex: new Int32Array(net.length),
    },
  };
}

describe('evaluateSchedule', () => {
  it('gives each interval the Erlang C service of its net agents: n = 3, A = 2 -> SL = 1 - (4/9) e^(-20/180)', async () => {
    const s = await scheduleShifts(
      { intervalMinutes: 15, required: [3, 3] },
      { shiftTypes: [{ name: 'd', earliestStart: '00:00', latestStart: '00:00', lengthsMinutes: [30] }] },
    );
    const e = evaluateSchedule(s, { callsPerInterval: [10, 10], ahtSeconds: 180 }, { thresholdSeconds: 20 });
    const expected = 1 - (4 / 9) * Math.exp(-20 / 180);
    expect(Array.from(e.agents)).toEqual([3, 3]);
    expect(e.serviceLevel[0]).toBeCloseTo(expected, 12);
    expect(e.asaSeconds[0]).toBeCloseTo(80, 9); // C * aht / (n - A) = (4/9) * 180 / 1
    expect(e.total.serviceLevel).toBeCloseTo(expected, 12);
    expect(e.days).toHaveLength(1);
  });

  it('weights the day service level by volume and uses Erlang A with patience', () => {
    const schedule = {
      intervalMinutes: 30,
      coverage: {
        required: new Float64Array([0, 0]),
        scheduled: new Float64Array([14, 10]),
        onBreak: new Float64Array([0, 2]),
        net: new Float64Array([14, 8]),
        dayIndex: new Int32Array([0, 0]),
      },
    };
    const demand = { callsPerInterval: [100, 50], ahtSeconds: 180, patienceSeconds: 120 };
    const e = evaluateSchedule(schedule, demand, { thresholdSeconds: 20 });
    const m0 = queueMetrics(
      { callsPerInterval: 100, intervalMinutes: 30, ahtSeconds: 180, patienceSeconds: 120 },
      14,
      {
        thresholdSeconds: 20,
      },
    );
    const m1 = queueMetrics(
      { callsPerInterval: 50, intervalMinutes: 30, ahtSeconds: 180, patienceSeconds: 120 },
      8,
      {
        thresholdSeconds: 20,
      },
    );
    expect(e.abandonRate[1]).toBeCloseTo(m1.abandonRate, 12);
    expect(e.total.serviceLevel).toBeCloseTo((100 * m0.serviceLevel + 50 * m1.serviceLevel) / 150, 12);
    expect(e.total.calls).toBe(150);
  });

  it('averages ASA over answered contacts, calls x (1 - abandonment), not over offered calls', () => {
    const schedule = oneDay([16, 9]);
    const e = evaluateSchedule(
      schedule,
      { callsPerInterval: [100, 100], ahtSeconds: 180, patienceSeconds: 120 },
      { thresholdSeconds: 20 },
    );
    const m = [16, 9].map((n) =>
      queueMetrics({ callsPerInterval: 100, intervalMinutes: 30, ahtSeconds: 180, patienceSeconds: 120 }, n, {
        thresholdSeconds: 20,
      }),
    );
    const [m0, m1] = [m[0]!, m[1]!];
    expect(m1.abandonRate - m0.abandonRate).toBeGreaterThan(0.1);
    const answered = [100 * (1 - m0.abandonRate), 100 * (1 - m1.abandonRate)] as const;
    expect(e.total.asaSeconds).toBeCloseTo(
      (answered[0] * m0.asaSeconds + answered[1] * m1.asaSeconds) / (answered[0] + answered[1]),
      12,
    );
    expect(e.total.asaSeconds).not.toBeCloseTo((m0.asaSeconds + m1.asaSeconds) / 2, 2);
  });

  it('takes patience per interval: Erlang A where given, Erlang C where NaN', () => {
    const schedule = oneDay([12, 12]);
    const e = evaluateSchedule(
      schedule,
      { callsPerInterval: [100, 100], ahtSeconds: 180, patienceSeconds: [90, Number.NaN] },
      { thresholdSeconds: 20 },
    );
    const demand = { callsPerInterval: 100, intervalMinutes: 30, ahtSeconds: 180 };
    const a = queueMetrics({ ...demand, patienceSeconds: 90 }, 12, { thresholdSeconds: 20 });
    const c = queueMetrics(demand, 12, { thresholdSeconds: 20 });
    expect(e.serviceLevel[0]).toBeCloseTo(a.serviceLevel, 12);
    expect(e.abandonRate[0]).toBeGreaterThan(0);
    expect(e.serviceLevel[1]).toBeCloseTo(c.serviceLevel, 12);
    expect(e.abandonRate[1]).toBe(0);
    expect(() =>
      evaluateSchedule(
        schedule,
        { callsPerInterval: [1, 1], ahtSeconds: 180, patienceSeconds: [90] },
        { thresholdSeconds: 20 },
      ),
    ).toThrow(/demand\.patienceSeconds must be one number or 2 entries/);
  });

  it('rejects demand of the wrong length', () => {
    const schedule = {
      intervalMinutes: 30,
      coverage: {
        required: new Float64Array(2),
        scheduled: new Float64Array(2),
        onBreak: new Float64Array(2),
        net: new Float64Array(2),
        dayIndex: new Int32Array(2),
      },
    };
    expect(() =>
      evaluateSchedule(schedule, { callsPerInterval: [1], ahtSeconds: 180 }, { thresholdSeconds: 20 }),
    ).toThrow(/evaluateSchedule: demand.callsPerInterval must have 2 entries/);
  });
});

describe('scheduleEfficiency', () => {
  it('computes coverage, utilisation, interval efficiency and the share within +/-10%', () => {
    const e = scheduleEfficiency([10, 10], [9, 12]);
    expect(e.coverage).toBeCloseTo(19 / 20, 15);
    expect(e.utilisation).toBeCloseTo(19 / 21, 15);
    expect(e.intervalEfficiency).toBeCloseTo((0.9 + 0.8) / 2, 15);
    expect(e.withinTenPercent).toBe(0.5);
  });

  it('counts intervals without requirement only in utilisation', () => {
    const e = scheduleEfficiency([0, 4], [2, 4]);
    expect(e).toEqual({ coverage: 1, utilisation: 4 / 6, intervalEfficiency: 1, withinTenPercent: 1 });
  });
});
