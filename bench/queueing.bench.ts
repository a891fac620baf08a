/**
 * Queueing engine benchmarks (issue 2): requiredAgents for a year of 15-minute intervals (35,040
 * demands on a realistic daily and weekly curve peaking at 500 Erlangs, AHT 300 s, 80/20 target),
 * Erlang C and Erlang A (patience 120 s) separately, and one evaluation at 10,000 agents.
 * Targets: Erlang C year < 100 ms, Erlang A year < 1 s.
 */
import { Bench } from 'tinybench';
import { queueMetrics } from '../src/queueing/queueMetrics.js';
import { requiredAgents } from '../src/queueing/requiredAgents.js';
import type { QueueDemand, StaffingTarget } from '../src/queueing/types.js';

const INTERVALS_PER_DAY = 96;
const DAYS = 365;
const AHT_SECONDS = 300;
const PEAK_ERLANGS = 500;

/** Relative volume by minute of day: night trough, morning and afternoon peaks (max 1). */
function dailyShape(minute: number): number {
  const h = minute / 60;
  const bump = (centre: number, width: number) => Math.exp(-((h - centre) ** 2) / (2 * width * width));
  return Math.min(1, 0.03 + 0.97 * Math.max(bump(11, 2.2), 0.85 * bump(15.5, 2.5)));
}

/** A year of 15-minute demands; weekends carry 55% of a weekday. */
export function yearOfDemands(patienceSeconds?: number): QueueDemand[] {
  const demands: QueueDemand[] = [];
  const peakCalls = (PEAK_ERLANGS * 15 * 60) / AHT_SECONDS;
  for (let day = 0; day < DAYS; day++) {
    const week = day % 7 >= 5 ? 0.55 : 1;
    const season = 1 + 0.1 * Math.sin((2 * Math.PI * day) / DAYS);
    for (let i = 0; i < INTERVALS_PER_DAY; i++) {
      const calls = (peakCalls * week * dailyShape(i * 15 + 7.5) * season) / 1.1;
      const d: QueueDemand = { callsPerInterval: calls, intervalMinutes: 15, ahtSeconds: AHT_SECONDS };
      if (patienceSeconds !== undefined) d.patienceSeconds = patienceSeconds;
      demands.push(d);
    }
  }
  return demands;
}

/** Runs the suite, prints the tinybench table and whether each target is met (best of the samples). */
export async function run(): Promise<void> {
  const target: StaffingTarget = { serviceLevel: 0.8, thresholdSeconds: 20 };
  const yearC = yearOfDemands();
  const yearA = yearOfDemands(120);
  let sink = 0;
  const bench = new Bench({ iterations: 5, warmupIterations: 1 });
  bench
    .add('requiredAgents, Erlang C, 35,040 intervals', () => {
      for (const d of yearC) sink += requiredAgents(d, target).agents;
    })
    .add('requiredAgents, Erlang A (patience 120 s), 35,040 intervals', () => {
      for (const d of yearA) sink += requiredAgents(d, target).agents;
    })
    .add('queueMetrics, Erlang C, 10,000 agents (9,950 Erlangs)', () => {
      sink += queueMetrics({ callsPerInterval: 29850, intervalMinutes: 15, ahtSeconds: 300 }, 10000, {
        thresholdSeconds: 20,
      }).serviceLevel;
    })
    .add('queueMetrics, Erlang A, 10,000 agents (9,950 Erlangs)', () => {
      sink += queueMetrics(
        { callsPerInterval: 29850, intervalMinutes: 15, ahtSeconds: 300, patienceSeconds: 120 },
        10000,
        { thresholdSeconds: 20 },
      ).serviceLevel;
    });
  await bench.run();
  console.table(bench.table());
  const best = (name: string): number => {
    const task = bench.getTask(name);
    const result = task?.result;
    return result !== undefined && 'latency' in result ? result.latency.min : Number.NaN;
  };
  const c = best('requiredAgents, Erlang C, 35,040 intervals');
  const a = best('requiredAgents, Erlang A (patience 120 s), 35,040 intervals');
  console.log(`Erlang C year: best ${c.toFixed(1)} ms (target < 100 ms): ${c < 100 ? 'MET' : 'NOT MET'}`);
  console.log(`Erlang A year: best ${a.toFixed(1)} ms (target < 1000 ms): ${a < 1000 ? 'MET' : 'NOT MET'}`);
  if (sink === -1) console.log('');
}
