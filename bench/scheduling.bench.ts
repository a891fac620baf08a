/**
 * Shift scheduling benchmarks (issue 5). The requirement is one week (Mon 1 - Sun 7 February 1999)
 * of the Israeli "Anonymous Bank" calls in `data/anonymous_bank_feb1999_30min.csv`, scaled x10 to
 * a mid-size centre, each 30-minute count split evenly into two 15-minute intervals, staffed with
 * Erlang C at 80% within 20 s (`requiredAgents`) with the week's mean AHT where an interval has none.
 * Opening hours as the bank's: Sun-Thu 07:00-24:00, Fri 07:00-14:00, Sat 20:00-24:00.
 * Rules: full-time 8 h / 9 h (15-min break 1:30-2:30 after start, 30-min unpaid lunch 3:30-5:00)
 * and part-time 4 h / 6 h (15-min break 1:30-2:30, at most 25% of shifts), starts every 15 min,
 * weekly tours (4-6 shifts, days off together, 16-45 paid hours).
 * Figures: gap reached within 60 s, peak RSS, greedy's excess over the MIP, implicit break counts vs
 * explicit break columns vs breaks placed afterwards, and the no-break model (target: proven
 * optimum < 2 s).
 *
 * Reproducible results (issue "Trust first", section 2), first: the schedules of the examples
 * (`examples/plan.json`'s week, as planned and on the complete 15-minute grid with closed intervals
 * as zeros, and every scenario of `examples/scenarios.json`) with the default deterministic work
 * budget (target: proven optimal in < 5 s each on 2 cores), and four weeks with breaks (the US
 * bank's requirement of `examples/plan.json` over 28 days with its rules on the complete grid, and
 * the Israeli bank's February 1999 with the rules below without tours; target: within 2% of the
 * bound in 60 s, with a 55 s wall-clock safety net; the Israeli case stops on its stalled root cut
 * rounds, `stoppedBy: 'work'`, so its schedule does not depend on the machine load once the
 * machine reaches that point within the net). The `start` column says which start the MIP got
 * (greedy, LP rounding, or for a scenario variant `given`: the base scenario's schedule).
 * `SCHEDULING_BENCH=reproducible npm run bench -- scheduling` runs only these.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TZDate } from '@date-fns/tz';
import { parse } from 'csv-parse/sync';
import { Bench } from 'tinybench';
import { planRequirement } from '../src/app/plan/planRequirement.js';
import { compareScenarios } from '../src/app/scenario.js';
import { requiredAgents } from '../src/queueing/requiredAgents.js';
import type { ShiftRequirement } from '../src/scheduling/calendar.js';
import { type ShiftSchedule, scheduleShifts } from '../src/scheduling/scheduleShifts.js';
import { parsePlanConfig } from '../src/schemas/planConfig.js';
import type { ShiftRulesInput } from '../src/schemas/shiftRules.js';

const here = dirname(fileURLToPath(import.meta.url));
const SCALE = 1;

/** `days` days (from Mon 1 February 1999, at most 28) of 15-minute required agents from the bank's calls. */
export function bankDays(days: number): ShiftRequirement & { calls: number[]; ahtSeconds: number[] } {
  const text = readFileSync(join(here, '../data/anonymous_bank_feb1999_30min.csv'), 'utf8');
  const rows = parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const end = `1999-02-${String(1 + days).padStart(2, '0')}`;
  const week = rows.filter((r) => (r.interval_start ?? '') < end);
  let ahtSum = 0;
  let ahtN = 0;
  for (const r of week)
    if (r.aht_seconds !== undefined && r.aht_seconds !== '') {
      ahtSum += Number(r.aht_seconds) * Number(r.handled ?? 0);
      ahtN += Number(r.handled ?? 0);
    }
  const meanAht = ahtSum / ahtN;
  const required: number[] = [];
  const calls: number[] = [];
  const ahts: number[] = [];
  const starts: number[] = [];
  for (const r of week) {
    const c = (Number(r.calls) * SCALE) / 2;
    const aht = r.aht_seconds === undefined || r.aht_seconds === '' ? meanAht : Number(r.aht_seconds);
    const n =
      c > 0
        ? requiredAgents(
            { callsPerInterval: c, intervalMinutes: 15, ahtSeconds: aht },
            { serviceLevel: 0.8, thresholdSeconds: 20 },
          ).agents
        : 0;
    const t0 = new TZDate(`${r.interval_start}`, 'UTC').getTime();
    for (let h = 0; h < 2; h++) {
      // calls while the centre is closed stay in the VRU: nothing to staff
      required.push(isOpen(t0 + h * 15 * 60_000) ? n : 0);
      calls.push(c);
      ahts.push(aht);
      starts.push(t0 + h * 15 * 60_000);
    }
  }
  return { intervalMinutes: 15, required, starts, timeZone: 'UTC', calls, ahtSeconds: ahts };
}

/** One week (Mon 1 - Sun 7 February 1999) of `bankDays`. */
export function bankWeek(): ShiftRequirement & { calls: number[]; ahtSeconds: number[] } {
  return bankDays(7);
}

/** Whether the bank's centre is open at epoch ms `t` (UTC wall clock stands for local time). */
function isOpen(t: number): boolean {
  const d = new Date(t);
  const minute = d.getUTCHours() * 60 + d.getUTCMinutes();
  const weekday = d.getUTCDay(); // 0 = Sunday
  if (weekday === 5) return minute >= 7 * 60 && minute < 14 * 60;
  if (weekday === 6) return minute >= 20 * 60;
  return minute >= 7 * 60;
}

const openingHours = {
  sun: [{ open: '07:00', close: '24:00' }],
  mon: [{ open: '07:00', close: '24:00' }],
  tue: [{ open: '07:00', close: '24:00' }],
  wed: [{ open: '07:00', close: '24:00' }],
  thu: [{ open: '07:00', close: '24:00' }],
  fri: [{ open: '07:00', close: '14:00' }],
  sat: [{ open: '20:00', close: '24:00' }],
};

/** The benchmark rules; `breaks: false` drops every break. */
export function benchRules(options: {
  breaks: boolean;
  method?: 'explicit' | 'implicit' | 'afterwards' | 'auto';
  tours?: boolean;
}): ShiftRulesInput {
  const brk = {
    name: 'break',
    durationMinutes: 15,
    earliestStartMinutes: 90,
    latestStartMinutes: 150,
    paid: true,
  };
  const lunch = {
    name: 'lunch',
    durationMinutes: 30,
    earliestStartMinutes: 210,
    latestStartMinutes: 300,
    paid: false,
  };
  const rules: ShiftRulesInput = {
    openingHours,
    shiftTypes: [
      {
        name: 'full-time',
        earliestStart: '07:00',
        latestStart: '20:00',
        startStepMinutes: 15,
        lengthsMinutes: [480, 540],
        breaks: options.breaks ? [brk, lunch] : [],
      },
      {
        name: 'part-time',
        earliestStart: '07:00',
        latestStart: '20:00',
        startStepMinutes: 15,
        lengthsMinutes: [240, 360],
        costPerPaidHour: 1.1,
        maxShare: 0.25,
        breaks: options.breaks ? [brk] : [],
      },
    ],
    breakMethod: options.method ?? 'auto',
  };
  if (options.tours !== false)
    rules.tours = {
      minShiftsPerWeek: 4,
      maxShiftsPerWeek: 6,
      consecutiveDaysOff: true,
      minPaidHoursPerWeek: 16,
      maxPaidHoursPerWeek: 45,
    };
  return rules;
}

function describe(label: string, s: ShiftSchedule, seconds: number): Record<string, string | number> {
  const agents = s.shifts.reduce((a, b) => a + b.count, 0);
  return {
    run: label,
    status: s.status,
    stoppedBy: s.stoppedBy ?? 'no MIP',
    start: s.startSource ?? 'none',
    lpIterations: s.lpIterations,
    candidates: s.candidates,
    objective: Number(s.objective.toFixed(2)),
    bestBound: s.bestBound === null ? 'none' : Number(s.bestBound.toFixed(2)),
    gap: s.gap === null ? 'none' : `${(100 * s.gap).toFixed(3)}%`,
    greedyExcess:
      s.greedyObjective === null
        ? 'n/a'
        : `${((100 * (s.greedyObjective - s.objective)) / s.objective).toFixed(2)}%`,
    shifts: agents,
    tours: s.tours?.reduce((a, b) => a + b.count, 0) ?? 0,
    underAgentIntervals: Number(s.underAgentIntervals.toFixed(1)),
    coverage: Number(s.efficiency.coverage.toFixed(4)),
    utilisation: Number(s.efficiency.utilisation.toFixed(4)),
    seconds: Number(seconds.toFixed(2)),
  };
}

const examples = join(here, '../examples');

/** The requirement `examples/plan.json` schedules, over `horizonDays` days. */
async function examplePlanRequirement(horizonDays: number): Promise<ShiftRequirement> {
  const raw = JSON.parse(readFileSync(join(examples, 'plan.json'), 'utf8')) as Record<string, unknown>;
  const cfg = parsePlanConfig({ ...raw, horizonDays }, 'plan.json');
  const { requirement } = await planRequirement(cfg, { baseDir: examples, source: 'plan.json' });
  return {
    intervalMinutes: requirement.intervalMinutes,
    required: requirement.scheduledAgents,
    starts: requirement.starts,
    timeZone: requirement.timeZone,
  };
}

/**
 * The requirement on the complete grid from its first to its last interval, closed intervals
 * (absent rows) as 0 agents: what a scheduler on the real clock solves.
 */
export function completeGrid(req: ShiftRequirement): ShiftRequirement {
  const starts = req.starts;
  if (starts === undefined || starts.length === 0) return req;
  const step = req.intervalMinutes * 60_000;
  const byStart = new Map<number, number>();
  for (let i = 0; i < starts.length; i++) byStart.set(starts[i] ?? 0, req.required[i] ?? 0);
  const first = starts[0] ?? 0;
  const last = starts[starts.length - 1] ?? 0;
  const grid: number[] = [];
  const required: number[] = [];
  for (let t = first; t <= last; t += step) {
    grid.push(t);
    required.push(byStart.get(t) ?? 0);
  }
  return { ...req, starts: grid, required };
}

/** The reproducibility cases: the examples' schedules and four weeks with breaks, default work budget. */
export async function runReproducible(): Promise<void> {
  const rules = JSON.parse(readFileSync(join(examples, 'us-bank-rules.json'), 'utf8')) as ShiftRulesInput;
  const week = await examplePlanRequirement(7);
  const fourWeeks = completeGrid(await examplePlanRequirement(28));
  const results: Record<string, string | number>[] = [];
  const checks: string[] = [];
  // the four-week cases have 60 s: the solves' wall-clock safety net is 55 s of it (building the
  // model, the LP and greedy take the rest); the examples run to their work budget
  const timed = async (label: string, req: ShiftRequirement, r: ShiftRulesInput, target: string) => {
    const t0 = performance.now();
    const s = await scheduleShifts(req, r, { timeLimitSeconds: target === 'optimal < 5 s' ? 600 : 55 });
    const secs = (performance.now() - t0) / 1000;
    results.push(describe(label, s, secs));
    const gap = s.gap === null ? 'none' : `${(100 * s.gap).toFixed(3)}%`;
    const met =
      target === 'optimal < 5 s'
        ? s.status === 'optimal' && secs < 5
        : s.gap !== null && s.gap <= 0.02 && secs <= 60;
    checks.push(
      `${label}: ${s.status} (stopped by ${s.stoppedBy}), gap ${gap}, ${secs.toFixed(1)} s (target ${target}): ${met ? 'met' : 'NOT met'}`,
    );
  };
  const bench = new Bench({ iterations: 1, warmup: false, time: 0 });
  bench
    .add('examples/plan.json week, as planned', async () => {
      await timed('plan.json week', week, rules, 'optimal < 5 s');
    })
    .add('examples/plan.json week, complete grid', async () => {
      await timed('plan.json week, complete grid', completeGrid(week), rules, 'optimal < 5 s');
    })
    .add('examples/scenarios.json, every scenario scheduled', async () => {
      const t0 = performance.now();
      const scenarios = JSON.parse(readFileSync(join(examples, 'scenarios.json'), 'utf8')) as unknown;
      const schedules = new Map<string, ShiftSchedule>();
      const rows = await compareScenarios(scenarios, {
        baseDir: examples,
        source: 'scenarios.json',
        onPlan: (name, r) => schedules.set(name, r.schedule),
      });
      const secs = (performance.now() - t0) / 1000;
      let iterations = 0;
      for (const row of rows) {
        const s = schedules.get(row.name);
        iterations += s?.lpIterations ?? 0;
        results.push({
          run: `scenario ${row.name}`,
          status: row.scheduleStatus ?? 'none',
          stoppedBy: row.scheduleStoppedBy ?? 'no MIP',
          start: s?.startSource ?? 'none',
          lpIterations: s?.lpIterations ?? 0,
          objective: Number((row.scheduleCost ?? Number.NaN).toFixed(2)),
          gap: row.scheduleGap === null ? 'none' : `${(100 * row.scheduleGap).toFixed(3)}%`,
        });
      }
      const proven = rows.filter((r) => r.scheduleStatus === 'optimal').length;
      checks.push(
        `examples/scenarios.json: ${proven} of ${rows.length} schedules proven optimal in ${secs.toFixed(1)} s for all, ${iterations} simplex iterations (plan + schedule each; the base first, then the variants 2 at a time from its schedule)`,
      );
    })
    .add('US bank, 4 weeks, example rules (lunch break), complete grid', async () => {
      await timed('US bank 4 weeks, lunch', fourWeeks, rules, 'gap <= 2% in 60 s');
    })
    .add('Israeli bank, February 1999 (4 weeks), breaks, no tours', async () => {
      // tours need a one-week horizon (rules: tours need a requirement of exactly one week)
      await timed(
        'IL bank 4 weeks, breaks, no tours',
        bankDays(28),
        benchRules({ breaks: true, tours: false }),
        'gap <= 2% in 60 s',
      );
    });
  await bench.run();
  console.table(bench.table());
  console.table(results);
  for (const line of checks) console.log(line);
}

export async function run(): Promise<void> {
  await runReproducible();
  if (process.env.SCHEDULING_BENCH === 'reproducible') return;
  const req = bankWeek();
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);
  const results: Record<string, string | number>[] = [];
  const timed = async (label: string, rules: ShiftRulesInput, limit: number) => {
    const t0 = performance.now();
    const s = await scheduleShifts(req, rules, { timeLimitSeconds: limit });
    const secs = (performance.now() - t0) / 1000;
    results.push(describe(label, s, secs));
    return { s, secs };
  };
  const bench = new Bench({ iterations: 1, warmup: false, time: 0 });
  let noBreaks: { s: ShiftSchedule; secs: number } | undefined;
  let noBreaksTours: { s: ShiftSchedule; secs: number } | undefined;
  let explicit: { s: ShiftSchedule; secs: number } | undefined;
  let afterwards: { s: ShiftSchedule; secs: number } | undefined;
  let auto: { s: ShiftSchedule; secs: number } | undefined;
  let implicitNoTours: { s: ShiftSchedule; secs: number } | undefined;
  bench
    .add('no breaks, no tours', async () => {
      noBreaks = await timed('no breaks, no tours', benchRules({ breaks: false, tours: false }), 60);
    })
    .add('no breaks, tours', async () => {
      noBreaksTours = await timed('no breaks, tours', benchRules({ breaks: false }), 60);
    })
    .add('explicit break columns, tours, 60 s', async () => {
      explicit = await timed('explicit breaks', benchRules({ breaks: true, method: 'explicit' }), 60);
    })
    .add('breaks placed afterwards, tours, 60 s', async () => {
      afterwards = await timed('breaks afterwards', benchRules({ breaks: true, method: 'afterwards' }), 60);
    })
    .add('auto (implicit break counts), tours, 60 s', async () => {
      auto = await timed('auto (implicit)', benchRules({ breaks: true, method: 'auto' }), 60);
    })
    .add('implicit break counts, no tours, 60 s', async () => {
      implicitNoTours = await timed(
        'implicit, no tours',
        benchRules({ breaks: true, tours: false, method: 'implicit' }),
        60,
      );
    });
  await bench.run();
  clearInterval(sampler);
  console.table(bench.table());
  console.table(results);
  const peakMb = peakRss / 2 ** 20;
  console.log(`peak RSS ${peakMb.toFixed(0)} MB (target < 1536 MB): ${peakMb < 1536 ? 'met' : 'NOT met'}`);
  for (const [label, r] of [
    ['explicit', explicit],
    ['auto (implicit)', auto],
    ['implicit, no tours', implicitNoTours],
  ] as const)
    if (r !== undefined)
      console.log(
        `${label}: gap ${r.s.gap === null ? 'none' : `${(100 * r.s.gap).toFixed(3)}%`} in ${r.secs.toFixed(1)} s (target <= 1% in 60 s): ${r.s.gap !== null && r.s.gap <= 0.01 ? 'met' : 'NOT met'}`,
      );
  if (noBreaksTours !== undefined)
    console.log(`no breaks, tours: ${noBreaksTours.s.status} in ${noBreaksTours.secs.toFixed(2)} s`);
  if (noBreaks !== undefined)
    console.log(
      `no breaks, no tours: ${noBreaks.s.status} in ${noBreaks.secs.toFixed(2)} s (target proven optimum < 2 s): ${noBreaks.s.status === 'optimal' && noBreaks.secs < 2 ? 'met' : 'NOT met'}`,
    );
  if (explicit !== undefined && afterwards !== undefined && auto !== undefined)
    console.log(
      `break methods, real objective with real break times after 60 s: explicit ${explicit.s.objective.toFixed(2)}, afterwards ${afterwards.s.objective.toFixed(2)}, auto ${auto.s.objective.toFixed(2)}`,
    );
}
