/**
 * Rostering benchmarks (issue 13): `assignShifts` on a generated but realistic centre, four weeks
 * from Monday 4 March 2024 in Europe/London (the DST change of 31 March inside), starts on a
 * 15-minute grid from 06:00 to 15:00, 8-hour shifts (30 min unpaid) and 4-hour part-time shifts.
 * Agents (seeded, deterministic): 60% full-time (37.5-40 h, 5 days, 5 in a row), 25% part-time
 * (16-24 h, 3-4 days, a daytime availability window), 15% 30 h on 4 days; 11 h rest; two queues
 * (every agent has `general`, 40% also `stocks`, which a quarter of the seats need); 10% with a
 * fixed day off, 10% with a week of approved leave, 30% with an early/late preference, 20% with a
 * soft day-off wish; one free weekend in every two. Seats: about 90% of the team's weekly days on
 * weekdays, fewer on weekends.
 *
 * Figures: a simple greedy assignment (seats in time order, the first agent in input order who can
 * take it without breaking a hard rule), the repair heuristic (`useSolver: false, moveBudget: 0`),
 * with the local search (`useSolver: false`), and with the solver (relaxation bound, the shift-class
 * search on teams up to `CLASS_SEARCH_MAX_COLUMNS`, windows, and the whole roster MIP on small
 * teams) under a 60 s wall-clock safety net and the default work budgets:
 * objective, unfilled seats, bound and gap, why it stopped, seconds and peak RSS, for 25 and 100
 * agents, and 100 agents again with a 120 s net. `ROSTERING_BENCH=large` runs 500 agents alone (300 s net).
 *
 * Measured 4 December 2026, 2-core machine, load average 1-2:
 * 25 agents (408 seats; relaxation MIP 3,077 columns with whole-day classes; roster MIP 5,982
 * agent-shift columns): simple greedy 13,686.4 with 7 seats unfilled; repair heuristic 4,694.2,
 * none unfilled; local search 4,240.3 in 0.1 s; solver 3,891.2, proven optimal (bound 3,891.2,
 * gap 0.00%, stopped by the gap) in 21.7 s, 58,616 simplex iterations. Before the shortfall
 * envelope: 4,211.3 and a 12.2% gap in 60 s, 0.08% after 356 s.
 * 100 agents (1,664 seats; relaxation MIP 15,725 columns, 8,394 rows, 86,252 nonzeros; roster MIP
 * 69,931 agent-shift columns, not built): simple greedy 63,881.8 with 38 unfilled; repair
 * heuristic 16,018.7, none unfilled, 0.1 s; local search 14,149.1 in 0.8 s. With the 60 s net: the
 * shift-class search (`searchShiftClasses`: two-week windows of the whole team over the classes,
 * 13,500.1 then 13,046.1 then 13,040.1, about 11 s each beside the relaxation) and its week-by-week
 * realisation give 13,040.1 after about 43 s; the net stops the relaxation at a bound of 12,936.6:
 * gap 0.79% (stopped by `time`), 60.3 s, 167,536 simplex iterations. With a 120 s net the
 * relaxation ends its root at 13,027.3 and proves the same roster within 0.10% (stopped by the
 * gap) in 75.2 s. Before the class search: the windows' 13,430.1 at 60 s (3.7-3.8%), and
 * 13,030.06 (0.02%) only after 87 s. The bound on the way: the relaxation's root LP by interior
 * point is 12,827.0 (the roster MIP's LP relaxation too: 11,739 without the envelope); its cuts
 * reach 12,914.5 after about 17 s alone and 13,027.3 after 65 s; the full roster MIP's root cuts
 * reach 12,914.5 in 6.5 minutes and no more in 14. A Lagrangian bound at the LP's seat duals, each
 * agent's own MIP solved exactly, gives 12,841. Peak RSS 580 MB.
 * 500 agents (8,064 seats; relaxation MIP 86,207 columns, 39,263 rows, 465,621 nonzeros; roster
 * MIP 665,202 agent-shift columns, not built; no class search, above `CLASS_SEARCH_MAX_COLUMNS`),
 * `ROSTERING_BENCH=large`, load 1-3: simple greedy 190,149.6 with 83 unfilled; repair heuristic
 * 63,357.5, none unfilled, 1 s; local search 53,335.7 in 6.1 s; solver 51,996.9, bound 46,504
 * (gap 10.56%, stopped by the 300 s net: the MIPs end by 99% of it, 297.5 s in all; 302-306 s
 * before), 134,509 simplex iterations; peak RSS 983 MB (the MIP workers included). Two sessions
 * ago: 53,127.7 and a bound of 20,915 (60.6%), 386 s in all, 624 MB.
 */

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TZDate } from '@date-fns/tz';
import { Bench } from 'tinybench';
import { planRequirement } from '../src/app/plan/planRequirement.js';
import { readAgentsFile } from '../src/io/readAgentsFile.js';
import {
  type AssignShiftsOptions,
  assignShifts,
  FULL_MIP_MAX_COLUMNS,
} from '../src/rostering/assignShifts.js';
import { buildRoster } from '../src/rostering/buildRoster.js';
import { buildRosterProblem } from '../src/rostering/buildRosterProblem.js';
import { RosterState } from '../src/rostering/greedyRoster.js';
import { rosterObjective } from '../src/rostering/rosterCheck.js';
import { rosterCoverage } from '../src/rostering/rosterCoverage.js';
import { buildRosterModel } from '../src/rostering/rosterModel.js';
import { relaxRosterProblem } from '../src/rostering/rosterRelaxation.js';
import { scheduleSeats } from '../src/rostering/scheduleSeats.js';
import type { Agent, Contract, RosterRules, RosterShift } from '../src/rostering/types.js';
import { scheduleShifts } from '../src/scheduling/scheduleShifts.js';
import { parsePlanConfig } from '../src/schemas/planConfig.js';
import { parseShiftRules } from '../src/schemas/shiftRules.js';

const ZONE = 'Europe/London';
const RULES: RosterRules = {
  weekendDays: ['sat', 'sun'],
  weekendsOff: { minFreeWeekends: 1, perWeeks: 2 },
  minRestHours: 11,
  shiftTypeLimits: {},
  earlyStartBeforeMinutes: 540,
  lateStartFromMinutes: 720,
};

/** Park-Miller PRNG (deterministic). */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 48271) % 2147483647;
    return s / 2147483647;
  };
}

const local = (day: number, minutes: number) =>
  new TZDate(2024, 2, 4 + day, Math.floor(minutes / 60), minutes % 60, 0, ZONE).getTime();

export function centre(agentsCount: number, seed = 13): { agents: Agent[]; seats: RosterShift[] } {
  const rnd = random(seed);
  const agents: Agent[] = [];
  let weeklyDays = 0;
  for (let i = 0; i < agentsCount; i++) {
    const r = rnd();
    const kind = r < 0.6 ? 'full' : r < 0.85 ? 'part' : 'thirty';
    const contract: Contract =
      kind === 'full'
        ? {
            name: 'full-time',
            minHoursPerWeek: 37.5,
            maxHoursPerWeek: 40,
            minDaysPerWeek: 5,
            maxDaysPerWeek: 5,
            maxConsecutiveDays: 5,
            minRestHours: 11,
            costPerHour: 20,
          }
        : kind === 'part'
          ? {
              name: 'part-time',
              minHoursPerWeek: 16,
              maxHoursPerWeek: 24,
              minDaysPerWeek: 3,
              maxDaysPerWeek: 4,
              maxConsecutiveDays: 4,
              minRestHours: 11,
              costPerHour: 18,
              shiftTypes: ['part', 'early'],
            }
          : {
              name: '30h',
              minHoursPerWeek: 30,
              maxHoursPerWeek: 32,
              minDaysPerWeek: 4,
              maxDaysPerWeek: 4,
              maxConsecutiveDays: 4,
              minRestHours: 11,
              costPerHour: 19,
            };
    weeklyDays += kind === 'full' ? 5 : kind === 'part' ? 3.5 : 4;
    const from = 6 * 60 + 60 * Math.floor(rnd() * 3);
    const day = Math.floor(rnd() * 28);
    const leaveWeek = Math.floor(rnd() * 4);
    const agent: Agent = {
      id: `A${String(i + 1).padStart(3, '0')}`,
      name: `Agent ${i + 1}`,
      contract,
      skills: rnd() < 0.4 ? ['general', 'stocks'] : ['general'],
      site: 'london',
      timeZone: ZONE,
      fixedDaysOff:
        rnd() < 0.1 ? [(['mon', 'tue', 'wed', 'thu', 'fri'] as const)[Math.floor(rnd() * 5)] ?? 'mon'] : [],
      timeOff: [
        ...(rnd() < 0.1
          ? [
              {
                kind: 'hard' as const,
                startMs: local(7 * leaveWeek, 0),
                endMs: local(7 * leaveWeek + 7, 0),
                weight: 0,
                note: 'annual leave',
              },
            ]
          : []),
        ...(rnd() < 0.2
          ? [{ kind: 'soft' as const, startMs: local(day, 0), endMs: local(day + 1, 0), weight: 4 }]
          : []),
      ],
      shiftPreferences: rnd() < 0.3 ? [{ kind: rnd() < 0.5 ? 'early' : 'late', weight: 1 }] : [],
      seniority: Math.floor(rnd() * 20),
    };
    if (kind === 'part')
      agent.availability = Object.fromEntries(
        (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((d) => [
          d,
          [{ startMinutes: from, endMinutes: from + 10 * 60 }],
        ]),
      );
    agents.push(agent);
  }
  // seats: 90% of the weekly days, weekdays 1, Saturday 0.6, Sunday 0.4
  const perUnit = (0.9 * weeklyDays) / 5.95;
  const seats: RosterShift[] = [];
  for (let d = 0; d < 28; d++) {
    const wd = d % 7;
    const n = Math.round(perUnit * (wd === 5 ? 0.55 : wd === 6 ? 0.4 : 1));
    for (let k = 0; k < n; k++) {
      const part = rnd() < 0.15;
      const start = 6 * 60 + 15 * Math.floor(rnd() * rnd() * 37); // 06:00-15:00, more early
      const hours = part ? 4 : 8.5;
      const startMs = local(d, start);
      const seat: RosterShift = {
        id: `${d}-${k}`,
        shiftType: part ? 'part' : start < 720 ? 'early' : 'late',
        startMs,
        endMs: local(d, start + hours * 60),
        paidMinutes: part ? 240 : 480,
        breaks: [],
      };
      seat.queue = rnd() < 0.25 ? 'stocks' : 'general';
      seats.push(seat);
    }
  }
  return { agents, seats };
}

/** Seats in time order, each to the first agent (input order) who can take it. */
function simpleGreedy(agents: Agent[], seats: RosterShift[]) {
  const problem = buildRosterProblem(seats, agents, RULES, { timeZone: ZONE });
  const state = new RosterState(problem);
  for (const g of problem.shifts)
    for (let k = 0; k < g.seats.length; k++) {
      const a = problem.agents.findIndex((_, i) => state.canAdd(i, g.index));
      if (a >= 0) state.add(a, g.index);
    }
  return rosterObjective(problem, state.byAgent());
}

/** Peak resident set of the process so far, MB (the MIP workers are threads of it). */
const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function figures(agentsCount: number, timeLimitSeconds: number) {
  const { agents, seats } = centre(agentsCount);
  const simple = simpleGreedy(agents, seats);
  const timed = async (options: Partial<AssignShiftsOptions>) => {
    const t0 = performance.now();
    const r = await assignShifts(seats, agents, RULES, { timeZone: ZONE, ...options });
    return { r, seconds: (performance.now() - t0) / 1000 };
  };
  const repair = await timed({ useSolver: false, moveBudget: 0 });
  const search = await timed({ useSolver: false });
  const mip = await timed({ timeLimitSeconds });
  const row = (method: string, x: typeof repair) => ({
    method,
    objective: +(x.r.solve?.objective ?? 0).toFixed(1),
    unfilled: x.r.totals.unfilledShifts,
    bound: x.r.solve?.bound === undefined ? null : +x.r.solve.bound.toFixed(1),
    gap: x.r.solve?.gap === undefined ? null : `${(100 * x.r.solve.gap).toFixed(2)}%`,
    stoppedBy: x.r.stoppedBy,
    lpIterations: x.r.lpIterations,
    seconds: +x.seconds.toFixed(1),
  });
  console.table([
    { method: 'simple greedy', objective: +simple.objective.toFixed(1), unfilled: simple.unfilled },
    row('repair heuristic', repair),
    row('+ local search', search),
    row(`+ relaxation bound and MIP (${timeLimitSeconds} s net)`, mip),
  ]);
  const problem = buildRosterProblem(seats, agents, RULES, { timeZone: ZONE });
  const relaxed = buildRosterModel(relaxRosterProblem(problem).problem);
  const columns = problem.eligible.reduce((n, el) => n + el.length, 0);
  console.log(
    `${agentsCount} agents x 4 weeks: ${seats.length} seats; relaxation MIP ${relaxed.numCols} columns, ${relaxed.numRows} rows, ${relaxed.matrix.values.length} nonzeros; roster MIP ${columns} agent-shift columns (${columns <= FULL_MIP_MAX_COLUMNS ? 'solved' : 'above FULL_MIP_MAX_COLUMNS, not built'}); peak RSS of the process so far ${peakMb()} MB (the MIP workers included)`,
  );
}

/**
 * Rostering directly against the requirement (`buildRoster`) against scheduling each queue first,
 * then assigning the shifts (`scheduleShifts` per queue, `scheduleSeats`, `assignShifts`): the
 * Anonymous Bank's three queues for the week of `examples/plan-queues.json` (its requirement as
 * `staffcast plan` staffs it, scheduled agents per queue, 30-minute intervals, Asia/Jerusalem), the
 * 25-agent team of `examples/il-bank-agents.csv` with its leave, the shift types of
 * `examples/il-bank-rules.json`, roster rules: Friday-Saturday weekend, 11 h rest. Every MIP with
 * the default work budget and a `timeLimitSeconds` safety net. Under-coverage is recounted per queue
 * from the assignments (`rosterCoverage`).
 *
 * Measured 3 December 2026 on the shared 2-core machine (load average about 3), 60 s nets (none
 * reached): the week has 238 half-hours (07:00-24:00) and 2,509 scheduled agent-intervals required
 * over the three queues, more than the 25 agents' contracts hold. Built against the requirement:
 * 788 paid hours (cost 788), 116 shifts, 933 agent-intervals short, objective 94,133 (greedy start
 * 99,862), proven optimal (0.00%) at the root with the shortfall envelope (0 simplex iterations
 * after it; 5,507 and 12.2 s at a load of 14 before), 2.9 s. Scheduled per queue then assigned:
 * 744 paid hours, 106 shifts rostered and 101 scheduled shifts left unfilled, 1,083
 * agent-intervals short (150 more), assign MIP 101,181 at a 0.00% gap; 5.4 s scheduling + 3.2 s
 * assigning.
 *
 * `ROSTERING_BENCH=build` runs this case alone; `ROSTERING_BENCH=build28` runs it for four weeks
 * (`horizonDays` 28, 120 s nets). Measured once, the process getting 14% of a core (load about
 * 14): 952 half-hours, 10,018 agent-intervals required; built: 3,000 paid hours, 474 shifts, 4,096
 * agent-intervals short, objective 413,592.2 = its greedy start (the MIP found nothing better
 * before the 120 s net: 22,050 simplex iterations, gap 6.63% to its bound, stopped by `time`);
 * scheduled then assigned: 2,936 paid hours, 419 shifts rostered and 407 unfilled, 4,485
 * agent-intervals short (389 more), 36.9 s + 28.9 s; peak RSS 370 MB.
 */
async function buildVersusAssign(timeLimitSeconds: number, horizonDays = 7) {
  const examples = join(dirname(fileURLToPath(import.meta.url)), '../examples');
  const zone = 'Asia/Jerusalem';
  const config = parsePlanConfig(
    { ...JSON.parse(readFileSync(join(examples, 'plan-queues.json'), 'utf8')), horizonDays },
    'plan-queues.json',
  );
  const { pooled } = await planRequirement(config, { baseDir: examples, source: 'plan-queues.json' });
  if (pooled === null) throw new Error('plan-queues.json: no queues');
  const table = pooled.table;
  const shiftRules = parseShiftRules(
    JSON.parse(readFileSync(join(examples, 'il-bank-rules.json'), 'utf8')),
    'il-bank-rules.json',
  );
  const queues = [...new Set(table.queue ?? [])];
  const agents = await readAgentsFile('il-bank-agents.csv', {
    baseDir: examples,
    queues,
    shiftRules,
    timeZone: zone,
    timeOffFile: 'il-bank-time-off.csv',
  });
  const rules: RosterRules = { ...RULES, weekendDays: ['fri', 'sat'], weekendsOff: undefined };
  const starts = [...new Set(table.starts)].sort((p, q) => p - q);
  const at = new Map(starts.map((t, i) => [t, i]));
  const required: Record<string, number[]> = Object.fromEntries(queues.map((q) => [q, starts.map(() => 0)]));
  table.starts.forEach((t, i) => {
    const list = required[table.queue?.[i] ?? ''];
    if (list !== undefined) list[at.get(t) ?? 0] = table.scheduledAgents[i] ?? 0;
  });
  const intervalMinutes = table.intervalMinutes;
  const under = (assignments: readonly RosterShift[]) =>
    queues.reduce(
      (sum, q) =>
        sum +
        rosterCoverage(assignments, { starts, intervalMinutes, required: required[q], queue: q })
          .underAgentIntervals,
      0,
    );
  const t0 = performance.now();
  const built = await buildRoster({ starts, intervalMinutes, required }, shiftRules, agents, rules, {
    timeZone: zone,
    timeLimitSeconds,
  });
  const buildSeconds = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  const seats: RosterShift[] = [];
  for (const q of queues) {
    const rows = table.starts.map((_, i) => i).filter((i) => table.queue?.[i] === q);
    const schedule = await scheduleShifts(
      {
        intervalMinutes,
        required: rows.map((i) => table.scheduledAgents[i] ?? 0),
        starts: rows.map((i) => table.starts[i] ?? 0),
        timeZone: zone,
      },
      JSON.parse(readFileSync(join(examples, 'il-bank-rules.json'), 'utf8')),
      { timeLimitSeconds },
    );
    seats.push(...scheduleSeats(schedule, q));
  }
  const scheduleSeconds = (performance.now() - t1) / 1000;
  const t2 = performance.now();
  const assigned = await assignShifts(seats, agents, rules, {
    timeZone: zone,
    horizonStartMs: starts[0],
    timeLimitSeconds,
  });
  const assignSeconds = (performance.now() - t2) / 1000;
  const requiredIntervals = queues.reduce((s, q) => s + (required[q] ?? []).reduce((a, b) => a + b, 0), 0);
  console.log(
    `Anonymous Bank, ${queues.join('/')}, ${horizonDays} days (${starts.length} intervals of ${intervalMinutes} min, ${requiredIntervals.toFixed(1)} scheduled agent-intervals required), ${agents.length} agents:`,
  );
  console.table([
    {
      method: 'build against the requirement',
      paidHours: +built.totals.paidHours.toFixed(1),
      cost: +built.totals.cost.toFixed(1),
      shifts: built.totals.assignedShifts,
      unfilled: 0,
      underAgentIntervals: +under(built.assignments).toFixed(2),
      objective: +(built.solve?.objective ?? 0).toFixed(1),
      greedyObjective: +built.greedyObjective.toFixed(1),
      gap: built.solve?.gap === undefined ? null : `${(100 * built.solve.gap).toFixed(2)}%`,
      stoppedBy: built.stoppedBy,
      seconds: +buildSeconds.toFixed(1),
    },
    {
      method: 'schedule per queue, then assign',
      paidHours: +assigned.totals.paidHours.toFixed(1),
      cost: +assigned.totals.cost.toFixed(1),
      shifts: assigned.totals.assignedShifts,
      unfilled: assigned.totals.unfilledShifts,
      underAgentIntervals: +under(assigned.assignments).toFixed(2),
      objective: +(assigned.solve?.objective ?? 0).toFixed(1),
      greedyObjective: +assigned.greedyObjective.toFixed(1),
      gap: assigned.solve?.gap === undefined ? null : `${(100 * assigned.solve.gap).toFixed(2)}%`,
      stoppedBy: assigned.stoppedBy,
      seconds: +(scheduleSeconds + assignSeconds).toFixed(1),
    },
  ]);
  console.log(
    `build: ${built.lpIterations} simplex iterations; schedule ${scheduleSeconds.toFixed(1)} s + assign ${assignSeconds.toFixed(1)} s (objectives are each method's own: build = paid cost + under-coverage + soft goals, assign = seats unfilled + soft goals); peak RSS of the process so far ${peakMb()} MB`,
  );
}

export async function run(): Promise<void> {
  if (process.env.ROSTERING_BENCH === 'build') {
    await buildVersusAssign(60);
    return;
  }
  if (process.env.ROSTERING_BENCH === 'build28') {
    await buildVersusAssign(120, 28);
    return;
  }
  const { agents, seats } = centre(100);
  const bench = new Bench({ iterations: 3, warmupIterations: 0 });
  bench.add('repair heuristic, 100 agents x 4 weeks', async () => {
    await assignShifts(seats, agents, RULES, { timeZone: ZONE, useSolver: false, moveBudget: 0 });
  });
  bench.add('repair heuristic + local search, 100 agents x 4 weeks', async () => {
    await assignShifts(seats, agents, RULES, { timeZone: ZONE, useSolver: false });
  });
  await bench.run();
  console.table(bench.table());
  if (process.env.ROSTERING_BENCH !== 'large') {
    await figures(25, 60);
    await figures(100, 60);
    await figures(100, 120);
    await buildVersusAssign(60);
  } else await figures(500, 300);
}
