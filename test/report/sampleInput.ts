/**
 * Builds a realistic `ReportInput` from the Anonymous Bank February 1999 30-minute counts (fixture):
 * three weeks of history (1-21 Feb), a seasonal-median forecast of the fourth week (median of the same
 * local weekday and slot) with a Poisson-style P10-P90 band, an Erlang C requirement (0.8 in 20 s,
 * AHT 200 s), a "schedule" that smooths the requirement over +-2 h (so it is short at peaks and long
 * on the shoulders), and the service level the schedule gives. Illustrative only: the real numbers
 * come from the forecast, staffing and scheduling modules in `plan`.
 */
import { readFileSync } from 'node:fs';
import { TZDate } from '@date-fns/tz';
import { parse } from 'csv-parse/sync';
import type { ReportInput } from '../../src/report/types.js';

const FIXTURE = new URL('../fixtures/report/anonymous_bank_feb1999_30min.csv', import.meta.url);
const TZ = 'Asia/Jerusalem';
const INTERVAL_MINUTES = 30;
const AHT_SECONDS = 200;
const THRESHOLD_SECONDS = 20;
const TARGET = 0.8;

/** Erlang C service level of n agents at load a (erlangs): 1 - C(n, a) e^{-(n - a) T / AHT}. */
export function erlangCServiceLevel(agents: number, erlangs: number): number {
  if (erlangs <= 0) return 1;
  if (agents <= erlangs) return 0;
  let b = 1;
  for (let k = 1; k <= agents; k++) b = (erlangs * b) / (k + erlangs * b);
  const c = (agents * b) / (agents - erlangs * (1 - b));
  return 1 - c * Math.exp((-(agents - erlangs) * THRESHOLD_SECONDS) / AHT_SECONDS);
}

/** Smallest n meeting the target for `calls` per interval. */
function requiredFor(calls: number): number {
  const a = (calls * AHT_SECONDS) / (INTERVAL_MINUTES * 60);
  if (a <= 0) return 0;
  let n = Math.max(1, Math.floor(a));
  while (erlangCServiceLevel(n, a) < TARGET) n++;
  return n;
}

/** Reads the fixture: epoch ms (local Israeli times via TZDate) and calls. */
export function readBankFixture(): { starts: number[]; calls: number[] } {
  const rows = parse(readFileSync(FIXTURE, 'utf8'), { columns: true }) as Array<Record<string, string>>;
  const starts: number[] = [];
  const calls: number[] = [];
  for (const r of rows) {
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(r.interval_start ?? '');
    if (!m) throw new Error(`bad fixture row ${r.interval_start}`);
    const d = new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), TZ);
    starts.push(d.getTime());
    calls.push(Number(r.calls));
  }
  return { starts, calls };
}

/** The sample report input described in the file comment. */
export function sampleReportInput(options: { scenarios?: boolean } = {}): ReportInput {
  const { starts, calls } = readBankFixture();
  const perDay = 1440 / INTERVAL_MINUTES;
  const histDays = 21;
  const hStarts = starts.slice(0, histDays * perDay);
  const hCalls = calls.slice(0, histDays * perDay);
  // Forecast week 4 = median of the same slot in weeks 1-3; "closed" where it is below 1 call.
  const fStarts: number[] = [];
  const fCalls: number[] = [];
  const p10: number[] = [];
  const p90: number[] = [];
  for (let i = histDays * perDay; i < starts.length; i++) {
    const same = [calls[i - 7 * perDay]!, calls[i - 14 * perDay]!, calls[i - 21 * perDay]!].sort(
      (a, b) => a - b,
    );
    const median = same[1]!; // median of the same slot in the last three weeks (robust to spikes)
    if (median < 1) continue;
    fStarts.push(starts[i]!);
    fCalls.push(median);
    const sd = Math.sqrt(median * 1.3);
    p10.push(Math.max(0, median - 1.2816 * sd));
    p90.push(median + 1.2816 * sd);
  }
  const required = fCalls.map(requiredFor);
  const scheduled = required.map((_, i) => {
    let sum = 0;
    let n = 0;
    for (let j = Math.max(0, i - 4); j <= Math.min(required.length - 1, i + 4); j++) {
      if (Math.abs(fStarts[j]! - fStarts[i]!) > 4 * 1_800_000) continue;
      sum += required[j]!;
      n++;
    }
    return Math.round(sum / n);
  });
  const sl = fCalls.map((c, i) => erlangCServiceLevel(scheduled[i]!, (c * AHT_SECONDS) / 1800));
  const hours = INTERVAL_MINUTES / 60;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const days = new Map<string, { calls: number; req: number; sch: number; slw: number }>();
  fStarts.forEach((t, i) => {
    const d = new TZDate(t, TZ);
    const key = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const e = days.get(key) ?? { calls: 0, req: 0, sch: 0, slw: 0 };
    e.calls += fCalls[i]!;
    e.req += required[i]! * hours;
    e.sch += scheduled[i]! * hours;
    e.slw += sl[i]! * fCalls[i]!;
    days.set(key, e);
  });
  const totalCalls = sum(fCalls);
  const input: ReportInput = {
    title: 'Staffing plan: Anonymous Bank, week of 22 February 1999',
    subtitle:
      'Illustrative: seasonal-median forecast, Erlang C requirement (80% in 20 s, AHT 200 s), smoothed schedule.',
    timeZone: TZ,
    intervalMinutes: INTERVAL_MINUTES,
    generatedAt: Date.UTC(2026, 0, 15, 9, 30),
    generator: 'staffcast sample (test/report/sampleInput.ts)',
    history: { starts: hStarts, calls: hCalls },
    forecast: { starts: fStarts, calls: fCalls, p10, p90 },
    staffing: { starts: fStarts, requiredAgents: required, scheduledAgents: scheduled },
    serviceLevel: { starts: fStarts, values: sl, target: TARGET, thresholdSeconds: THRESHOLD_SECONDS },
    summary: {
      forecastCalls: totalCalls,
      requiredAgentHours: sum(required) * hours,
      scheduledAgentHours: sum(scheduled) * hours,
      fte: (sum(scheduled) * hours) / 40,
      peakRequiredAgents: Math.max(...required),
      peakScheduledAgents: Math.max(...scheduled),
      scheduleCost: sum(scheduled) * hours * 18.5,
      scheduleCostUnit: 'EUR',
      serviceLevel: sum(sl.map((v, i) => v * fCalls[i]!)) / totalCalls,
      asaSeconds: 14.2,
      abandonRate: 0.031,
      outboundCallsFit: 120,
      scheduleStatus: 'optimal',
      scheduleGap: 0,
    },
    days: [...days].map(([date, e]) => ({
      date,
      calls: e.calls,
      requiredAgentHours: e.req,
      scheduledAgentHours: e.sch,
      serviceLevel: e.slw / e.calls,
    })),
    notes: ['Sample data: Anonymous Bank (Technion SEE Center), February 1999.'],
  };
  if (options.scenarios) {
    input.scenarios = {
      columns: [
        { label: 'Agent-hours', unit: 'hours' },
        { label: 'FTE', unit: 'fte' },
        { label: 'Peak agents', unit: 'agents' },
        { label: 'Service level', unit: 'fraction' },
        { label: 'ASA', unit: 'seconds' },
        { label: 'Schedule cost', unit: 'money' },
      ],
      rows: [
        { name: 'Base', values: [1520, 38, 21, 0.82, 14.2, 28120] },
        { name: 'Volume +10%', values: [1660, 41.5, 23, 0.8, 16.9, 30710] },
        { name: 'AHT 180 s', values: [1410, 35.3, 19, 0.83, 12.8, 26085] },
        { name: '20% self-service', values: [1240, 31, 17, 0.84, 11.5, 22940] },
      ],
    };
  }
  return input;
}
