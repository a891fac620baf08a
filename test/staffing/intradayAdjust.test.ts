import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requiredAgents } from '../../src/queueing/requiredAgents.js';
import { type IntradayDay, intradayAdjust } from '../../src/staffing/intradayAdjust.js';

const target = { serviceLevel: 0.8, thresholdSeconds: 20 };
const Q = 15 * 60_000;
const t0 = Date.UTC(2024, 0, 1, 8);
const need = (calls: number): number =>
  requiredAgents({ callsPerInterval: calls, intervalMinutes: 15, ahtSeconds: 180 }, target).agents;

/** n quarter-hours from 08:00 forecast at `calls`, scheduled at what the forecast needs. */
function flatDay(n: number, calls: number, actual: (i: number) => number): IntradayDay {
  return {
    timeZone: 'UTC',
    intervalMinutes: 15,
    starts: Array.from({ length: n }, (_, i) => t0 + i * Q),
    scheduledAgents: new Array(n).fill(need(calls)),
    forecastCalls: new Array(n).fill(calls),
    actualCalls: Array.from({ length: n }, (_, i) => actual(i)),
    ahtSeconds: 180,
  };
}

describe('intradayAdjust', () => {
  it('actuals 20% above forecast by 10:00 need more agents after 10:00 and add them within the cap', () => {
    // 100 calls per quarter-hour at AHT 180 s need 24 agents (80/20); 120 calls need 29
    expect([need(100), need(120)]).toEqual([24, 29]);
    const day = flatDay(16, 100, (i) => (i < 8 ? 120 : Number.NaN));
    const wide = intradayAdjust(day, { atMs: t0 + 8 * Q, target, flex: 0.25, priorCalls: 0 });
    expect(wide.firstRemaining).toBe(8);
    expect(wide.reforecastRatio).toBeCloseTo(1.2, 12);
    expect(Array.from(wide.needed.slice(8))).toEqual(new Array(8).fill(29));
    expect(Array.from(wide.gap.slice(8))).toEqual(new Array(8).fill(5));
    // cap floor(0.25 x 24) = 6 >= 5: the whole gap is closed
    expect(Array.from(wide.change)).toEqual([...new Array(8).fill(0), ...new Array(8).fill(5)]);
    for (let i = 8; i < 16; i++) expect(wide.serviceLevelAfter[i]).toBeGreaterThanOrEqual(0.8);
    // 5%: cap floor(0.05 x 24) = 1 agent per interval
    const tight = intradayAdjust(day, { atMs: t0 + 8 * Q, target, flex: 0.05, priorCalls: 0 });
    expect(Array.from(tight.change.slice(8))).toEqual(new Array(8).fill(1));
    expect(tight.dayServiceLevelAfter).toBeGreaterThan(tight.dayServiceLevelBefore);
    expect(wide.dayServiceLevelAfter).toBeGreaterThan(tight.dayServiceLevelAfter);
    // the past is scored with the calls seen and the agents scheduled
    expect(wide.pastServiceLevel).toBeCloseTo(wide.serviceLevelBefore[0]!, 12);
    expect(wide.pastServiceLevel).toBeLessThan(0.8);
  });

  it('actuals equal to the forecast give no action', () => {
    const day = flatDay(12, 100, (i) => (i < 6 ? 100 : Number.NaN));
    const r = intradayAdjust(day, { atMs: t0 + 6 * Q, target, flex: 0.2 });
    expect(r.reforecastRatio).toBe(1);
    expect(Array.from(r.gap.slice(6))).toEqual(new Array(6).fill(0));
    expect(Array.from(r.change)).toEqual(new Array(12).fill(0));
    expect(r.dayServiceLevelAfter).toBe(r.dayServiceLevelBefore);
  });

  it('actuals 20% below forecast release agents down to what is needed, within the cap, with release on', () => {
    // 80 calls need 20 agents; 24 are scheduled: 4 spare, the cap floor(0.1 x 24) = 2
    expect(need(80)).toBe(20);
    const day = flatDay(8, 100, (i) => (i < 4 ? 80 : Number.NaN));
    const r = intradayAdjust(day, { atMs: t0 + 4 * Q, target, flex: 0.1, priorCalls: 0, release: true });
    expect(Array.from(r.gap.slice(4))).toEqual([-4, -4, -4, -4]);
    expect(Array.from(r.change)).toEqual([0, 0, 0, 0, -2, -2, -2, -2]);
    expect(r.dayServiceLevelAfter).toBeGreaterThanOrEqual(0.8);
    // release is off by default: the spare agents stay
    const kept = intradayAdjust(day, { atMs: t0 + 4 * Q, target, flex: 0.1, priorCalls: 0 });
    expect(Array.from(kept.change)).toEqual(new Array(8).fill(0));
  });

  it('a day already below target keeps its spare agents (no release that lowers the day further)', () => {
    // the morning was a disaster (200 calls on 24 agents), the rest is quiet (re-forecast k = 0 would
    // scale the rest up, so the forecast after 09:00 is given low and the prior is large)
    const day: IntradayDay = {
      ...flatDay(8, 100, (i) => (i < 4 ? 200 : Number.NaN)),
      forecastCalls: [100, 100, 100, 100, 40, 40, 40, 40],
    };
    const r = intradayAdjust(day, { atMs: t0 + 4 * Q, target, flex: 0.5, priorCalls: 1e9, release: true });
    expect(r.gap[4]).toBeLessThan(0);
    expect(r.dayServiceLevelBefore).toBeLessThan(0.8);
    expect(Array.from(r.change)).toEqual(new Array(8).fill(0));
  });

  it('a past interval without actuals takes the re-forecast and is counted', () => {
    const day = flatDay(6, 100, (i) => (i === 1 ? Number.NaN : i < 3 ? 120 : Number.NaN));
    const r = intradayAdjust(day, { atMs: t0 + 3 * Q, target, priorCalls: 0 });
    expect(r.pastWithoutActuals).toBe(1);
    expect(r.calls[1]).toBeCloseTo(120, 9); // ratio (120 + 120) / (100 + 100) after interval 0 and 2
  });

  it('rejects a flex outside [0, 1] and arrays of the wrong length', () => {
    const day = flatDay(4, 100, () => Number.NaN);
    expect(() => intradayAdjust(day, { atMs: t0, target, flex: 5 })).toThrow(
      'intradayAdjust: flex must be a fraction in [0, 1] (got 5)',
    );
    expect(() => intradayAdjust({ ...day, scheduledAgents: [1] }, { atMs: t0, target })).toThrow(
      /scheduledAgents must have 4 entries/,
    );
  });

  const dayArb = fc
    .record({
      n: fc.integer({ min: 2, max: 10 }),
      calls: fc.array(fc.integer({ min: 0, max: 150 }), { minLength: 10, maxLength: 10 }),
      scheduled: fc.array(fc.integer({ min: 0, max: 45 }), { minLength: 10, maxLength: 10 }),
      scale: fc.double({ min: 0.5, max: 1.6, noNaN: true }),
      past: fc.integer({ min: 0, max: 10 }),
    })
    .map(({ n, calls, scheduled, scale, past }) => ({
      day: {
        timeZone: 'UTC',
        intervalMinutes: 15,
        starts: Array.from({ length: n }, (_, i) => t0 + i * Q),
        scheduledAgents: scheduled.slice(0, n),
        forecastCalls: calls.slice(0, n),
        actualCalls: calls.slice(0, n).map((c) => Math.round(c * scale)),
        ahtSeconds: 180,
        patienceSeconds: 120,
      } satisfies IntradayDay,
      atMs: t0 + Math.min(past, n) * Q,
    }));
  const flexArb = fc.tuple(
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.double({ min: 0, max: 1, noNaN: true }),
  );

  it('never changes an interval by more than floor(flex x scheduled) agents, nor releases below the need', () => {
    fc.assert(
      fc.property(dayArb, fc.double({ min: 0, max: 1, noNaN: true }), ({ day, atMs }, flex) => {
        const r = intradayAdjust(day, { atMs, target, flex, release: true });
        for (let i = 0; i < r.change.length; i++) {
          expect(Math.abs(r.change[i]!)).toBeLessThanOrEqual(Math.floor(flex * r.scheduled[i]! + 1e-9));
          if (i < r.firstRemaining) expect(r.change[i]).toBe(0);
          if (r.change[i]! < 0) expect(r.adjusted[i]).toBeGreaterThanOrEqual(r.needed[i]!);
          if (r.change[i]! > 0) expect(r.adjusted[i]).toBeLessThanOrEqual(r.needed[i]!);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('more flex never leaves the day further below target (and, adding only, never lowers it)', () => {
    fc.assert(
      fc.property(dayArb, flexArb, ({ day, atMs }, [a, b]) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const short = (flex: number, release: boolean) => {
          const r = intradayAdjust(day, { atMs, target, flex, release });
          return { shortfall: Math.max(0, 0.8 - r.dayServiceLevelAfter), sl: r.dayServiceLevelAfter };
        };
        if (Number.isNaN(short(lo, true).sl)) return; // a day without calls
        expect(short(hi, true).shortfall).toBeLessThanOrEqual(short(lo, true).shortfall + 1e-12);
        expect(short(hi, false).sl).toBeGreaterThanOrEqual(short(lo, false).sl - 1e-12);
      }),
      { numRuns: 60 },
    );
  });

  it('is deterministic: the same inputs give the same decision', () => {
    fc.assert(
      fc.property(dayArb, ({ day, atMs }) => {
        expect(intradayAdjust(day, { atMs, target })).toEqual(intradayAdjust(day, { atMs, target }));
      }),
      { numRuns: 20 },
    );
  });
});
