/**
 * Staffing benchmarks (issue 4): `staffingPlan` for a year of 15-minute intervals (35,040) for 20
 * queues with Erlang A (patience 180 s, 80/20, shrinkage table by weekday), queue peaks spread from
 * 25 to 500 Erlangs on a daily and weekly curve, in one thread and with `staffingPlanParallel` on 2
 * worker threads. Target: all 20 queues < 10 s on 2 cores.
 * Also: one queue-year with day scope, and `deferredRequirement` for a year of email arrivals.
 */
import { Bench } from 'tinybench';
import type { Forecast } from '../src/forecast/types.js';
import { deferredRequirement } from '../src/staffing/deferredRequirement.js';
import { type StaffingPlanOptions, staffingPlan } from '../src/staffing/staffingPlan.js';
import { staffingPlanParallel } from '../src/staffing/staffingPlanParallel.js';

const DAYS = 365;
const PER_DAY = 96;
const QUEUES = 20;

function shape(minute: number): number {
  const h = minute / 60;
  const bump = (centre: number, width: number) => Math.exp(-((h - centre) ** 2) / (2 * width * width));
  return Math.min(1, 0.03 + 0.97 * Math.max(bump(11, 2.2), 0.85 * bump(15.5, 2.5)));
}

/** A year of 15-minute forecasts for one queue peaking at `peakErlangs`. */
function yearForecast(peakErlangs: number, ahtSeconds: number): Forecast {
  const n = DAYS * PER_DAY;
  const starts = new Float64Array(n);
  const calls = new Float64Array(n);
  const peakCalls = (peakErlangs * 900) / ahtSeconds;
  const t0 = Date.UTC(2025, 0, 6); // a Monday
  for (let d = 0; d < DAYS; d++) {
    const week = d % 7 >= 5 ? 0.55 : 1;
    for (let i = 0; i < PER_DAY; i++) {
      const k = d * PER_DAY + i;
      starts[k] = t0 + k * 900_000;
      calls[k] = peakCalls * week * shape(i * 15 + 7.5);
    }
  }
  return {
    timeZone: 'Europe/Madrid',
    intervalMinutes: 15,
    starts,
    calls,
    ahtSeconds: new Float64Array(n).fill(ahtSeconds),
  };
}

export async function run(): Promise<void> {
  const queues = Array.from({ length: QUEUES }, (_, q) =>
    yearForecast(25 + (475 * q) / (QUEUES - 1), 240 + 10 * q),
  );
  const options: StaffingPlanOptions = {
    target: { serviceLevel: 0.8, thresholdSeconds: 20 },
    patienceSeconds: 180,
    shrinkage: { default: 0.32, rules: [{ weekdays: [6, 0], shrinkage: 0.25 }] },
  };
  const emails = Float64Array.from({ length: DAYS * PER_DAY }, (_, k) => 20 * shape((k % PER_DAY) * 15));
  let sink = 0;
  const bench = new Bench({ iterations: 2, warmupIterations: 0, warmup: false, time: 0 });
  bench
    .add('staffingPlan, 20 queues x 35,040 intervals, Erlang A, interval scope', () => {
      for (const f of queues) sink += staffingPlan(f, options).agentHours;
    })
    .add('staffingPlanParallel (2 worker threads), 20 queues x 35,040 intervals, Erlang A', async () => {
      const plans = await staffingPlanParallel(
        queues.map((forecast) => ({ forecast, options })),
        { workers: 2 },
      );
      for (const p of plans) sink += p.agentHours;
    })
    .add('staffingPlan, 1 queue (peak 500 Erlangs) x 35,040 intervals, Erlang A, day scope', () => {
      sink += staffingPlan(queues[QUEUES - 1]!, { ...options, scope: 'day' }).agentHours;
    })
    .add(
      'staffingPlan, 1 queue (peak 500 Erlangs) x 35,040 intervals, Erlang A, day scope, floor 50%',
      () => {
        sink += staffingPlan(queues[QUEUES - 1]!, {
          ...options,
          scope: 'day',
          minIntervalServiceLevel: 0.5,
        }).agentHours;
      },
    )
    .add('deferredRequirement, 35,040 intervals, deadline 4 h', () => {
      sink += deferredRequirement(emails, {
        intervalMinutes: 15,
        ahtSeconds: 300,
        deadlineMinutes: 240,
      }).peakAgents;
    });
  await bench.run();
  console.table(bench.table());
  const best = (name: string): number => {
    const result = bench.getTask(name)?.result;
    return result !== undefined && 'latency' in result ? result.latency.min : Number.NaN;
  };
  const one = best('staffingPlan, 20 queues x 35,040 intervals, Erlang A, interval scope');
  const two = best('staffingPlanParallel (2 worker threads), 20 queues x 35,040 intervals, Erlang A');
  console.log(
    `20 queues x a year of 15-min intervals, Erlang A: best ${(one / 1000).toFixed(2)} s on one core`,
  );
  console.log(
    `same with 2 worker threads: best ${(two / 1000).toFixed(2)} s (target < 10 s on 2 cores): ` +
      `${two < 10_000 ? 'MET' : 'NOT MET'}`,
  );
  if (sink === -1) console.log('');
}
