import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StaffcastError } from '../../src/errors.js';
import type { Forecast } from '../../src/forecast/types.js';
import { readRequirementCsv, writeRequirementCsv } from '../../src/io/requirementCsv.js';
import { queueMetrics } from '../../src/queueing/queueMetrics.js';
import { requiredAgents } from '../../src/queueing/requiredAgents.js';
import { DEFAULT_INTERVAL_FLOOR_SHARE, staffingPlan } from '../../src/staffing/staffingPlan.js';
import { localDayIntervals } from '../../src/time/localDayIntervals.js';

const SL80 = { serviceLevel: 0.8, thresholdSeconds: 20 };

function bankForecast(): Forecast {
  const text = readFileSync(
    new URL('../fixtures/staffing/bank_feb1999_forecast_week.csv', import.meta.url),
    'utf8',
  );
  const rows = parse(text, { columns: true }) as Array<Record<string, string>>;
  return {
    timeZone: 'Asia/Jerusalem',
    intervalMinutes: 30,
    starts: Float64Array.from(rows, (r) => Date.parse(r.interval_start!)),
    calls: Float64Array.from(rows, (r) => Number(r.calls)),
    ahtSeconds: Float64Array.from(rows, (r) => (r.aht_seconds === '' ? Number.NaN : Number(r.aht_seconds))),
  };
}

function day(calls: number[], intervalMinutes = 30): Forecast {
  return {
    timeZone: 'UTC',
    intervalMinutes,
    starts: Float64Array.from(calls, (_, i) => Date.UTC(2024, 0, 1) + i * intervalMinutes * 60_000),
    calls: Float64Array.from(calls),
  };
}

function errorOf(fn: () => unknown): StaffcastError {
  try {
    fn();
  } catch (error) {
    return error as StaffcastError;
  }
  throw new Error('expected a throw');
}

describe('staffingPlan', () => {
  it('staffs 100 calls of 180 s in 30 min at 80/20 with 14 agents and 20 scheduled at 30% shrinkage', () => {
    const plan = staffingPlan(day([100]), { target: SL80, ahtSeconds: 180, shrinkage: 0.3 });
    expect([...plan.agents]).toEqual([14]);
    expect([...plan.scheduledAgents]).toEqual([20]);
    expect(plan.serviceLevel[0]).toBeCloseTo(0.888350019179467, 12);
    expect(plan.model).toBe('erlang-c');
    expect(plan.agentHours).toBe(7);
  });

  it('agrees row by row with requiredAgents for the demand written in the requirement CSV', () => {
    const forecast = bankForecast();
    const plan = staffingPlan(forecast, { target: SL80, patienceSeconds: 120, minAgents: 1 });
    const csv = readRequirementCsv(writeRequirementCsv(plan, { decimals: 10 }), {
      timeZone: 'Asia/Jerusalem',
    });
    expect(csv.starts.length).toBe(336);
    for (let i = 0; i < csv.starts.length; i++) {
      const calls = csv.calls[i]!;
      const expected =
        calls === 0
          ? 0
          : requiredAgents(
              {
                callsPerInterval: calls,
                intervalMinutes: 30,
                ahtSeconds: csv.ahtSeconds[i]!,
                patienceSeconds: 120,
              },
              SL80,
            ).agents;
      expect(csv.agents[i]).toBe(Math.max(1, expected));
    }
  });

  it('day scope saves agent-hours on the bank forecast and every day meets 80/20 volume-weighted', () => {
    const forecast = bankForecast();
    const options = { target: SL80, patienceSeconds: 120 };
    const byInterval = staffingPlan(forecast, options);
    const byDay = staffingPlan(forecast, { ...options, scope: 'day', minIntervalServiceLevel: 0.5 });
    const byWeek = staffingPlan(forecast, { ...options, scope: 'week' });
    console.info(
      `bank week, Erlang A 80/20: interval ${byInterval.agentHours} h, day ${byDay.agentHours} h ` +
        `(saves ${byDay.savedAgentHours} h), week ${byWeek.agentHours} h (saves ${byWeek.savedAgentHours} h)`,
    );
    expect(byDay.intervalScopeAgentHours).toBe(byInterval.agentHours);
    expect(byDay.savedAgentHours).toBeGreaterThan(0);
    expect(byWeek.agentHours).toBeLessThanOrEqual(byDay.agentHours);
    expect(byDay.periods.length).toBe(7);
    for (const p of byDay.periods) expect(p.serviceLevel).toBeGreaterThanOrEqual(0.8 - 1e-9);
    expect(forecast.calls.some((c) => c > 0)).toBe(true);
    for (let i = 0; i < 336; i++) {
      if (forecast.calls[i]! > 0) expect(byDay.serviceLevel[i]).toBeGreaterThanOrEqual(0.5);
    }
  });

  it('day scope never uses more agent-hours than interval scope and meets the daily target (property)', () => {
    let checkedDays = 0; // runs with calls, whose daily service level is checked
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 150 }), { minLength: 4, maxLength: 24 }),
        fc.integer({ min: 60, max: 400 }),
        fc.option(fc.integer({ min: 30, max: 400 }), { nil: undefined }),
        fc.constantFrom(0.6, 0.8, 0.9),
        (calls, aht, patience, sl) => {
          const target = { serviceLevel: sl, thresholdSeconds: 20 };
          const options = {
            target,
            ahtSeconds: aht,
            ...(patience === undefined ? {} : { patienceSeconds: patience }),
          };
          const forecast = day(calls);
          const byInterval = staffingPlan(forecast, options);
          const byDay = staffingPlan(forecast, { ...options, scope: 'day' });
          expect(byDay.agentHours).toBeLessThanOrEqual(byInterval.agentHours);
          // independent check of the daily volume-weighted service level with queueMetrics
          let answered = 0;
          let offered = 0;
          calls.forEach((c, i) => {
            if (c === 0) return;
            const demand = {
              callsPerInterval: c,
              intervalMinutes: 30,
              ahtSeconds: aht,
              ...(patience === undefined ? {} : { patienceSeconds: patience }),
            };
            answered += c * queueMetrics(demand, byDay.agents[i]!, { thresholdSeconds: 20 }).serviceLevel;
            offered += c;
          });
          if (offered > 0) {
            checkedDays++;
            expect(answered / offered).toBeGreaterThanOrEqual(sl - 1e-9);
          }
        },
      ),
      { numRuns: 60 },
    );
    expect(checkedDays).toBeGreaterThan(0);
  });

  it('day scope keeps every interval at half the target by default (no interval starved to 1 agent)', () => {
    // 8 half-hours; without a floor the marginal allocation leaves one 400-call interval 1 agent (99% abandon)
    const forecast = day([62, 400, 400, 400, 400, 400, 400, 400]);
    const options = { target: SL80, ahtSeconds: 300, patienceSeconds: 180, scope: 'day' as const };
    const noFloor = staffingPlan(forecast, { ...options, minIntervalServiceLevel: 0 });
    expect(Math.min(...noFloor.serviceLevel)).toBeLessThan(0.4);
    const byDefault = staffingPlan(forecast, options);
    expect(DEFAULT_INTERVAL_FLOOR_SHARE).toBe(0.5);
    for (const sl of byDefault.serviceLevel) expect(sl).toBeGreaterThanOrEqual(0.4);
    expect(byDefault.periods[0]!.serviceLevel).toBeGreaterThanOrEqual(0.8 - 1e-9);
    expect(byDefault.agentHours).toBeLessThanOrEqual(
      staffingPlan(forecast, { ...options, scope: 'interval' }).agentHours,
    );
  });

  it('day scope meets half the target in every interval with volume by default (property)', () => {
    let checkedIntervals = 0;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 2, maxLength: 12 }),
        fc.integer({ min: 60, max: 400 }),
        fc.integer({ min: 30, max: 400 }),
        fc.constantFrom(0.6, 0.8, 0.9),
        (calls, aht, patience, sl) => {
          const plan = staffingPlan(day(calls), {
            target: { serviceLevel: sl, thresholdSeconds: 20 },
            ahtSeconds: aht,
            patienceSeconds: patience,
            scope: 'day',
          });
          calls.forEach((c, i) => {
            if (c > 0) {
              checkedIntervals++;
              expect(plan.serviceLevel[i]).toBeGreaterThanOrEqual(sl / 2 - 1e-12);
            }
          });
        },
      ),
      { numRuns: 40 },
    );
    expect(checkedIntervals).toBeGreaterThan(0);
  });

  it('groups day scope by local date across a spring-forward day of 92 quarter-hours', () => {
    const starts = Float64Array.from([
      ...localDayIntervals('2024-03-31', 'Europe/Madrid', 15),
      ...localDayIntervals('2024-04-01', 'Europe/Madrid', 15),
    ]);
    expect(starts.length).toBe(92 + 96);
    const calls = Float64Array.from(starts, (_, i) => 20 + 15 * Math.sin(i / 10));
    const plan = staffingPlan(
      { timeZone: 'Europe/Madrid', intervalMinutes: 15, starts, calls },
      { target: SL80, ahtSeconds: 240, scope: 'day' },
    );
    expect(plan.periods.map((p) => p.start)).toEqual(['2024-03-31', '2024-04-01']);
    const firstDayHours = plan.agents.slice(0, 92).reduce((s, a) => s + a, 0) / 4;
    expect(plan.periods[0]!.agentHours).toBe(firstDayHours);
    for (const p of plan.periods) expect(p.serviceLevel).toBeGreaterThanOrEqual(0.8 - 1e-9);
  });

  it('day scope with Erlang A uses the fewest agents brute force finds on 3-interval days (measured)', () => {
    let exact = 0;
    let runs = 0;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 120, max: 400 }),
        fc.integer({ min: 30, max: 300 }),
        (calls, aht, patience) => {
          const plan = staffingPlan(day(calls), {
            target: SL80,
            ahtSeconds: aht,
            patienceSeconds: patience,
            scope: 'day',
            minIntervalServiceLevel: 0,
          });
          const sl = calls.map((c) => {
            const demand = {
              callsPerInterval: c,
              intervalMinutes: 30,
              ahtSeconds: aht,
              patienceSeconds: patience,
            };
            return Array.from(
              { length: 40 },
              (_, n) => c * queueMetrics(demand, n, { thresholdSeconds: 20 }).serviceLevel,
            );
          });
          const needed = 0.8 * calls.reduce((s, c) => s + c, 0) * (1 - 1e-12);
          let best = Number.POSITIVE_INFINITY;
          for (let a = 1; a < 40; a++)
            for (let b = 1; b < 40; b++)
              for (let c = 1; c < 40; c++)
                if (a + b + c < best && sl[0]![a]! + sl[1]![b]! + sl[2]![c]! >= needed) best = a + b + c;
          const total = plan.agents.reduce((s, a) => s + a, 0);
          expect(total).toBeGreaterThanOrEqual(best);
          runs++;
          if (total === best) exact++;
        },
      ),
      { numRuns: 40, seed: 11 },
    );
    console.info(`day scope, Erlang A, 3 intervals: greedy equals brute force in ${exact} of ${runs} cases`);
    expect(exact).toBe(runs);
  });

  it('staffs a forecast quantile interpolated between the given probabilities', () => {
    const forecast: Forecast = {
      ...day([100]),
      quantiles: [
        { probability: 0.9, calls: Float64Array.of(140) },
        { probability: 0.5, calls: Float64Array.of(100) },
      ],
    };
    const plan = staffingPlan(forecast, { target: SL80, ahtSeconds: 180, riskQuantile: 0.8 });
    expect([...plan.calls]).toEqual([130]);
    expect(plan.agents[0]).toBe(
      requiredAgents({ callsPerInterval: 130, intervalMinutes: 30, ahtSeconds: 180 }, SL80).agents,
    );
    expect(
      errorOf(() => staffingPlan(forecast, { target: SL80, ahtSeconds: 180, riskQuantile: 0.95 })).message,
    ).toBe("callsAtQuantile: riskQuantile must lie within the forecast's quantiles 0.5..0.9 (got 0.95)");
    expect(
      errorOf(() => staffingPlan(day([1]), { target: SL80, ahtSeconds: 180, riskQuantile: 0.8 })).message,
    ).toBe(
      'callsAtQuantile: riskQuantile needs a forecast with quantiles (calls_p10, calls_p90 ...) (got 0.8)',
    );
  });

  it('uses a patience per interval (NaN = Erlang C there) and divides by the availability factor', () => {
    const plan = staffingPlan(day([100, 100]), {
      target: SL80,
      ahtSeconds: [180, 200],
      patienceSeconds: [Number.NaN, 120],
      availabilityFactor: 0.8,
    });
    const c = requiredAgents({ callsPerInterval: 100, intervalMinutes: 30, ahtSeconds: 180 }, SL80);
    const a = requiredAgents(
      { callsPerInterval: 100, intervalMinutes: 30, ahtSeconds: 200, patienceSeconds: 120 },
      SL80,
    );
    expect([...plan.agents]).toEqual([c.agents, a.agents]);
    expect(plan.abandonRate[0]).toBe(0);
    expect(plan.abandonRate[1]).toBeGreaterThan(0);
    expect(plan.model).toBe('erlang-a');
    expect(plan.scheduledAgents[0]).toBe(Math.ceil(c.agents / 0.8 - 1e-9));
  });

  it('keeps minAgents in quiet intervals and applies shrinkage by weekday', () => {
    const plan = staffingPlan(day([0, 1]), {
      target: SL80,
      ahtSeconds: 180,
      minAgents: 2,
      shrinkage: { default: 0.5, rules: [{ weekdays: [1], shrinkage: 0.2 }] },
    });
    expect([...plan.agents]).toEqual([2, 2]);
    expect([...plan.scheduledAgents]).toEqual([3, 3]); // 2 / 0.8 = 2.5 -> 3 (Monday)
  });

  it('rejects a forecast without handle time, negative or missing volume, and targets out of range', () => {
    expect(errorOf(() => staffingPlan(day([10]), { target: SL80 })).message).toBe(
      'staffingPlan: ahtSeconds is required: the forecast has no handle time (give options.ahtSeconds) (got undefined)',
    );
    expect(errorOf(() => staffingPlan(day([10, -1]), { target: SL80, ahtSeconds: 100 })).message).toBe(
      'staffingPlan: calls at 2024-01-01T00:30:00Z (interval 1) must be a finite number >= 0 (got -1)',
    );
    expect(errorOf(() => staffingPlan(day([Number.NaN]), { target: SL80, ahtSeconds: 100 })).message).toBe(
      'staffingPlan: calls at 2024-01-01T00:00:00Z (interval 0) must be a finite number >= 0 (got NaN)',
    );
    expect(
      errorOf(() =>
        staffingPlan(day([10]), { target: { serviceLevel: 1.5, thresholdSeconds: 20 }, ahtSeconds: 100 }),
      ).message,
    ).toBe('staffingPlan: target.serviceLevel must be a fraction in 0..1 (got 1.5)');
    expect(
      errorOf(() => staffingPlan(day([10]), { target: { maxAsaSeconds: 30 }, ahtSeconds: 100, scope: 'day' }))
        .message,
    ).toBe("staffingPlan: target.serviceLevel is required with scope 'day' (got undefined)");
    expect(
      errorOf(() => staffingPlan({ ...day([10]), ahtSeconds: Float64Array.of(Number.NaN) }, { target: SL80 }))
        .message,
    ).toBe(
      'staffingPlan: ahtSeconds at 2024-01-01T00:00:00Z (interval 0) must be a finite number > 0 (got NaN)',
    );
  });

  it('rejects a chat concurrency above 100 and a minAgents above 1e6 before any Erlang recursion', () => {
    const options = { target: SL80, ahtSeconds: 180 };
    expect(() => staffingPlan(day([100]), { ...options, concurrency: 1e9 })).toThrow(
      'staffingPlan: concurrency must be an integer 1..100 (got 1000000000)',
    );
    expect(() => staffingPlan(day([100]), { ...options, minAgents: 1e9 })).toThrow(
      'staffingPlan: minAgents must be a whole number 0..1000000 (got 1000000000)',
    );
    expect(staffingPlan(day([100]), { ...options, concurrency: 100 }).agents[0]).toBe(1);
  });
});
