/**
 * Builds a realistic `ReportInput` from the Anonymous Bank February 1999 30-minute counts (fixture):
 * three weeks of history (1-21 Feb), a seasonal-median forecast of the fourth week (median of the same
 * local weekday and slot) with a Poisson-style P10-P90 band, an Erlang C requirement (0.8 in 20 s,
 * AHT 200 s), a "schedule" that smooths the requirement over +-2 h and rounds up (so it is short at
 * sharp peaks and long on the shoulders), the service level and ASA the schedule gives, and (on
 * request) scenarios recomputed the same way with volume x1.1, AHT 180 s and volume x0.8.
 * Illustrative only: the real numbers come from the forecast, staffing and scheduling modules in `plan`.
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

/** Erlang C probability of wait of n agents at load a (erlangs), via the Erlang B recurrence. */
function erlangCProbWait(agents: number, erlangs: number): number {
  if (erlangs <= 0) return 0;
  if (agents <= erlangs) return 1;
  let b = 1;
  for (let k = 1; k <= agents; k++) b = (erlangs * b) / (k + erlangs * b);
  return (agents * b) / (agents - erlangs * (1 - b));
}

/** Erlang C service level: 1 - C(n, a) e^{-(n - a) T / AHT} (0 when unstable). */
export function erlangCServiceLevel(agents: number, erlangs: number, ahtSeconds = AHT_SECONDS): number {
  if (erlangs > 0 && agents <= erlangs) return 0;
  return (
    1 - erlangCProbWait(agents, erlangs) * Math.exp((-(agents - erlangs) * THRESHOLD_SECONDS) / ahtSeconds)
  );
}

/** Erlang C mean wait in seconds: C(n, a) AHT / (n - a) (Infinity when unstable). */
function erlangCAsaSeconds(agents: number, erlangs: number, ahtSeconds: number): number {
  if (erlangs <= 0) return 0;
  if (agents <= erlangs) return Number.POSITIVE_INFINITY;
  return (erlangCProbWait(agents, erlangs) * ahtSeconds) / (agents - erlangs);
}

/** Per-interval plan of a forecast: Erlang C requirement, smoothed schedule, its SL and ASA. */
interface SamplePlan {
  calls: number[];
  required: number[];
  scheduled: number[];
  sl: number[];
  asa: number[];
}

/** Computes `SamplePlan` for `calls` scaled by `volumeFactor` with handle time `ahtSeconds`. */
function samplePlan(
  starts: number[],
  baseCalls: number[],
  volumeFactor: number,
  ahtSeconds: number,
): SamplePlan {
  const calls = baseCalls.map((c) => c * volumeFactor);
  const load = (c: number) => (c * ahtSeconds) / (INTERVAL_MINUTES * 60);
  const required = calls.map((c) => {
    const a = load(c);
    if (a <= 0) return 0;
    let n = Math.max(1, Math.floor(a));
    while (erlangCServiceLevel(n, a, ahtSeconds) < TARGET) n++;
    return n;
  });
  const scheduled = required.map((_, i) => {
    let sum = 0;
    let n = 0;
    for (let j = Math.max(0, i - 4); j <= Math.min(required.length - 1, i + 4); j++) {
      if (Math.abs(starts[j]! - starts[i]!) > 4 * 1_800_000) continue;
      sum += required[j]!;
      n++;
    }
    return Math.ceil(sum / n);
  });
  const sl = calls.map((c, i) => erlangCServiceLevel(scheduled[i]!, load(c), ahtSeconds));
  const asa = calls.map((c, i) => erlangCAsaSeconds(scheduled[i]!, load(c), ahtSeconds));
  return { calls, required, scheduled, sl, asa };
}

/** Contact-weighted mean of `v` over [from, to), skipping non-finite values (unstable intervals). */
function weighted(v: number[], calls: number[], from = 0, to = v.length): number {
  let num = 0;
  let den = 0;
  for (let i = from; i < to; i++) {
    if (!Number.isFinite(v[i]!)) continue;
    num += v[i]! * calls[i]!;
    den += calls[i]!;
  }
  return den > 0 ? num / den : Number.NaN;
}

const HOURS = INTERVAL_MINUTES / 60;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Headline figures of a plan (FTE = 40 h/week, cost 18.5 per agent-hour). */
function planSummary(p: SamplePlan) {
  const spare = sum(p.required.map((r, i) => Math.max(0, p.scheduled[i]! - r)));
  return {
    forecastCalls: sum(p.calls),
    requiredAgentHours: sum(p.required) * HOURS,
    scheduledAgentHours: sum(p.scheduled) * HOURS,
    fte: (sum(p.scheduled) * HOURS) / 40,
    peakRequiredAgents: Math.max(...p.required),
    peakScheduledAgents: Math.max(...p.scheduled),
    scheduleCost: sum(p.scheduled) * HOURS * 18.5,
    serviceLevel: weighted(p.sl, p.calls),
    asaSeconds: weighted(p.asa, p.calls),
    // Spare agent time at 70 % occupancy, 5-minute outbound calls.
    outboundCallsFit: Math.floor((spare * INTERVAL_MINUTES * 0.7) / 5),
  };
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
  const plan = samplePlan(fStarts, fCalls, 1, AHT_SECONDS);
  const { required, scheduled, sl, asa } = plan;
  const hours = HOURS;
  const days = new Map<
    string,
    { calls: number; req: number; sch: number; slw: number; from: number; to: number }
  >();
  fStarts.forEach((t, i) => {
    const d = new TZDate(t, TZ);
    const key = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const e = days.get(key) ?? { calls: 0, req: 0, sch: 0, slw: 0, from: i, to: i };
    e.calls += fCalls[i]!;
    e.req += required[i]! * hours;
    e.sch += scheduled[i]! * hours;
    e.slw += sl[i]! * fCalls[i]!;
    e.to = i + 1;
    days.set(key, e);
  });
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
      ...planSummary(plan),
      scheduleCostUnit: 'EUR',
      abandonRate: 0, // Erlang C: nobody abandons
      scheduleStatus: 'optimal',
      scheduleGap: 0,
    },
    days: [...days].map(([date, e]) => ({
      date,
      calls: e.calls,
      requiredAgentHours: e.req,
      scheduledAgentHours: e.sch,
      serviceLevel: e.slw / e.calls,
      asaSeconds: weighted(asa, fCalls, e.from, e.to),
      abandonRate: 0,
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
      rows: (
        [
          ['Base', 1, AHT_SECONDS],
          ['Volume +10%', 1.1, AHT_SECONDS],
          ['AHT 180 s', 1, 180],
          ['20% self-service', 0.8, AHT_SECONDS],
        ] as const
      ).map(([name, factor, aht]) => {
        const f = planSummary(samplePlan(fStarts, fCalls, factor, aht));
        return {
          name,
          values: [
            f.scheduledAgentHours,
            f.fte,
            f.peakScheduledAgents,
            f.serviceLevel,
            f.asaSeconds,
            f.scheduleCost,
          ],
        };
      }),
    };
  }
  return input;
}
