import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { planFileContents } from '../../src/app/plan/planOutputs.js';
import { planReportInput } from '../../src/app/plan/reportInput.js';
import { type PlanResult, plan } from '../../src/app/plan.js';
import type { ProgressEvent } from '../../src/app/progress.js';
import { writeForecastCsv } from '../../src/io/writeForecastCsv.js';
import { queueMetrics } from '../../src/queueing/queueMetrics.js';
import { summaryFigures } from '../../src/report/summaryFigures.js';
import { validateReportInput } from '../../src/report/validate.js';
import type { ShiftRulesInput } from '../../src/schemas/shiftRules.js';
import { outboundCapacity } from '../../src/staffing/outboundCapacity.js';

const baseDir = fileURLToPath(new URL('../fixtures/plan/', import.meta.url));
const config = {
  history: { file: 'bank_3weeks_5min.csv', timeZone: 'America/New_York' },
  outputIntervalMinutes: 30,
  horizonDays: 7,
  target: { serviceLevel: 0.8, thresholdSeconds: 20 },
  ahtSeconds: 300,
  patienceSeconds: 180,
  shrinkage: 0.3,
  rules: 'rules.json',
};

describe('plan of a horizon with only closed days', () => {
  it('fails with NO_DATA naming the horizon, not a scheduling message', async () => {
    // the history ends on a Friday and the centre is closed at weekends: a 1-day horizon is a Saturday
    await expect(plan({ ...config, horizonDays: 1 }, { baseDir })).rejects.toMatchObject({
      code: 'NO_DATA',
      message:
        'plan config: the 1-day horizon after the history has no open interval (every day in it is closed in the history): nothing to staff or schedule; give a longer horizonDays',
    });
  }, 60_000);
});

describe('plan', () => {
  let result: PlanResult;
  const events: ProgressEvent[] = [];
  beforeAll(async () => {
    result = await plan(config, { baseDir, onProgress: (e) => events.push(e) });
  }, 60_000);

  it('forecasts the five open weekdays after three weeks of history on the 30-minute grid', () => {
    expect(result.history.calls.intervalMinutes).toBe(30);
    expect(result.forecast.intervalMinutes).toBe(30);
    expect(result.summary.days.map((d) => d.date)).toEqual([
      '2003-03-24',
      '2003-03-25',
      '2003-03-26',
      '2003-03-27',
      '2003-03-28',
    ]);
    expect(Array.from(result.requirement.starts)).toEqual(Array.from(result.forecast.starts));
  });

  it('schedules the requirement after shrinkage: scheduled agents = ceil(agents / 0.7)', () => {
    const r = result.requirement;
    for (let t = 0; t < r.starts.length; t++)
      expect(r.scheduledAgents[t]).toBe(Math.ceil((r.agents[t] ?? 0) / 0.7 - 1e-9));
    expect(Array.from(result.schedule.coverage.required)).toEqual(Array.from(r.scheduledAgents));
  });

  it('puts net coverage x (1 - shrinkage) on the phones and evaluates it with Erlang A', () => {
    const net = result.schedule.coverage.net;
    const r = result.requirement;
    for (let t = 0; t < net.length; t++) {
      expect(result.onPhoneAgents[t]).toBeCloseTo((net[t] ?? 0) * 0.7, 12);
      const agents = Math.floor((result.onPhoneAgents[t] ?? 0) + 1e-9);
      const m = queueMetrics(
        { callsPerInterval: r.calls[t] ?? 0, intervalMinutes: 30, ahtSeconds: 300, patienceSeconds: 180 },
        agents,
        { thresholdSeconds: 20 },
      );
      expect(result.evaluation.serviceLevel[t]).toBeCloseTo(m.serviceLevel, 12);
      expect(result.evaluation.abandonRate[t]).toBeCloseTo(m.abandonRate, 12);
    }
  });

  it('summarises with contact-weighted service figures and consistent agent-hours', () => {
    const r = result.requirement;
    const s = result.summary;
    let calls = 0;
    let slw = 0;
    let hours = 0;
    for (let t = 0; t < r.starts.length; t++) {
      calls += r.calls[t] ?? 0;
      slw += (r.calls[t] ?? 0) * (result.evaluation.serviceLevel[t] ?? 0);
      hours += ((r.agents[t] ?? 0) * 30) / 60;
    }
    expect(s.forecastCalls).toBeCloseTo(calls, 6);
    expect(s.serviceLevel).toBeCloseTo(slw / calls, 12);
    expect(s.requiredAgentHours).toBeCloseTo(hours, 9);
    expect(s.days.reduce((a, d) => a + d.calls, 0)).toBeCloseTo(calls, 6);
    expect(s.abandonRate).toBeGreaterThan(0); // Erlang A: some callers give up
    expect(result.requirement.model).toBe('erlang-a');
  });

  it('prices the schedule at paid hours x costPerPaidHour of each shift type', () => {
    const cost = { 'full-time': 1, 'part-time': 1.1 } as Record<string, number>;
    let paid = 0;
    let total = 0;
    for (const sh of result.schedule.shifts) {
      paid += (sh.count * sh.paidMinutes) / 60;
      total += ((sh.count * sh.paidMinutes) / 60) * (cost[sh.type] ?? Number.NaN);
    }
    expect(result.summary.paidHours).toBeCloseTo(paid, 9);
    expect(result.summary.fte).toBeCloseTo(paid / 40, 9); // a 7-day horizon is one week
    expect(result.summary.scheduleCost).toBeCloseTo(total, 9);
    expect(result.summary.scheduleCost).toBeGreaterThan(0);
  });

  it('keeps the single-queue outputs: no queues, forecast.csv and requirements.csv without a queue column', () => {
    expect(result.queues).toBeNull();
    expect(result.queueRequirements).toBeNull();
    expect(result.summary.queues).toBeNull();
    expect(planFileContents(result, '')['forecast.csv']).toBe(writeForecastCsv(result.forecast));
    expect(planFileContents(result, '')['forecast.csv'].split('\n')[0]).not.toContain('queue');
  });

  it('has no outbound figures and no outbound_calls column without an outbound config', () => {
    expect(result.outbound).toBeNull();
    expect(result.summary.outbound).toBeNull();
    expect(planFileContents(result, '')['coverage.csv'].split('\n')[0]).not.toContain('outbound_calls');
  });

  it('reports each step once started and once done, in order', () => {
    const done = events.filter((e) => e.phase === 'done');
    expect(done.map((e) => e.step)).toEqual([
      'read',
      'forecast',
      'staff',
      'schedule',
      'evaluate',
      'simulate',
    ]);
    expect(events.filter((e) => e.phase === 'start')).toHaveLength(6);
    for (const e of done) expect(e.seconds).toBeGreaterThanOrEqual(0);
  });

  it('maps to a valid report input with the service-level target line', () => {
    const input = planReportInput(result, { generatedAt: Date.UTC(2026, 0, 1) });
    expect(() => validateReportInput(input)).not.toThrow();
    expect(input.serviceLevel?.target).toBe(0.8);
    expect(input.staffing.scheduledAgents).toBe(result.onPhoneAgents);
    expect(input.days).toHaveLength(5);
  });

  it('leaves unknown service figures out of the report and says the agents on the phones are expected heads', () => {
    // the Erlang figures (not simulated): an unstable interval's ASA is unknown
    const unstable = {
      ...result,
      summary: { ...result.summary, asaSeconds: Number.POSITIVE_INFINITY, simulation: null },
    };
    const input = planReportInput(unstable, { generatedAt: 0 });
    expect(input.summary.asaSeconds).toBeUndefined();
    expect(input.summary.serviceLevel).toBe(result.summary.serviceLevel);
    expect(input.days?.[0]?.abandonRate).toBe(result.summary.days[0]?.abandonRate);
    expect(input.notes).toContainEqual(expect.stringContaining('count the whole agents (rounded down)'));
  });
});

describe('plan with outbound work', () => {
  let result: PlanResult;
  beforeAll(async () => {
    result = await plan({ ...config, outbound: { ahtSeconds: 240, maxOccupancy: 0.8 } }, { baseDir });
  }, 60_000);

  it('fits floor(spare on-phone agents x 1800 s x 0.8 / 240 s) calls into each 30-minute interval', () => {
    const req = result.requirement.agents;
    let calls = 0;
    let spareSeconds = 0;
    for (let t = 0; t < req.length; t++) {
      const spare = Math.max(0, (result.onPhoneAgents[t] ?? 0) - (req[t] ?? 0));
      const c = Math.floor((spare * 1800 * 0.8) / 240 + 1e-9);
      expect(result.outbound?.calls[t]).toBe(c);
      calls += c;
      spareSeconds += spare * 1800 * 0.8;
    }
    expect(calls).toBeGreaterThan(0); // the shifts' granularity leaves spare agents somewhere
    expect(result.summary.outbound).toEqual({
      ahtSeconds: 240,
      calls,
      spareAgentHours: expect.closeTo(spareSeconds / 3600, 9),
    });
  });

  it('equals outboundCapacity of the requirement and on-phone arrays of the result', () => {
    const cap = outboundCapacity(result.requirement.agents, result.onPhoneAgents, {
      ahtSeconds: 240,
      intervalMinutes: 30,
      maxOccupancy: 0.8,
    });
    expect(result.outbound).toEqual(cap);
    expect(result.summary.outbound?.calls).toBe(cap.totalCalls);
    expect(result.summary.outbound?.spareAgentHours).toBe(cap.totalSpareAgentHours);
  });

  it('writes an outbound_calls column in coverage.csv and the figures in summary.json', () => {
    const lines = planFileContents(result, '')['coverage.csv'].trim().split('\n');
    expect(lines[0]?.endsWith(',occupancy,outbound_calls')).toBe(true);
    const column = lines.slice(1).map((l) => Number(l.split(',').at(-1)));
    expect(column).toEqual(Array.from(result.outbound?.calls ?? []));
    expect(JSON.parse(planFileContents(result, '')['summary.json']).summary.outbound).toEqual(
      result.summary.outbound,
    );
  });

  it('shows the outbound calls in the report figures and notes', () => {
    const input = planReportInput(result, { generatedAt: 0 });
    expect(input.summary.outboundCallsFit).toBe(result.summary.outbound?.calls);
    const fig = summaryFigures(input.summary).find((f) => f.label === 'Outbound calls that fit');
    expect(fig?.value).toBe((result.summary.outbound?.calls ?? -1).toLocaleString('en-US'));
    expect(
      input.notes?.some((n) => n.startsWith(`Outbound: ${result.summary.outbound?.calls} calls of 240 s`)),
    ).toBe(true);
  });
});

describe('plan errors', () => {
  it('asks for ahtSeconds when the history has no aht_seconds column', async () => {
    const { ahtSeconds: _a, ...noAht } = config;
    await expect(plan(noAht, { baseDir, source: 'p.json' })).rejects.toThrow(
      'p.json: ahtSeconds: required because bank_3weeks_5min.csv has no aht_seconds column',
    );
  });

  it('fails with FILE_READ naming the config key and the missing history file', async () => {
    await expect(
      plan({ ...config, history: { file: 'nope.csv', timeZone: 'UTC' } }, { baseDir, source: 'plan.json' }),
    ).rejects.toMatchObject({
      code: 'FILE_READ',
      message: 'plan.json: history.file: cannot read nope.csv: no such file',
    });
  });

  it('names the rules key when the rules file is missing', async () => {
    await expect(
      plan({ ...config, rules: 'gone.json' }, { baseDir, source: 'plan.json' }),
    ).rejects.toMatchObject({
      code: 'FILE_READ',
      message: 'plan.json: rules: cannot read gone.json: no such file',
    });
  });

  it('fails with CONFIG naming the rules file when the rules are invalid, before reading the history', async () => {
    await expect(
      plan({ ...config, rules: { shiftTypes: [] } }, { baseDir, source: 'p.json' }),
    ).rejects.toMatchObject({ code: 'CONFIG' });
  });
});

describe('plan with rules that close before the last interval', () => {
  it('counts the intervals with contacts but nobody on the phones and notes them in the report', async () => {
    const rules = JSON.parse(
      (await import('node:fs')).readFileSync(new URL('../fixtures/plan/rules.json', import.meta.url), 'utf8'),
    ) as { openingHours: Record<string, Array<{ close: string }>> };
    for (const day of Object.values(rules.openingHours)) for (const w of day) w.close = '20:00';
    // the subject is coverage: no simulation needed
    const r = await plan(
      { ...config, rules: rules as unknown as ShiftRulesInput },
      { baseDir, simulate: false },
    );
    let expected = 0;
    for (let t = 0; t < r.requirement.starts.length; t++)
      if ((r.requirement.calls[t] ?? 0) > 0 && (r.onPhoneAgents[t] ?? 0) < 1) expected++;
    // 20:00-21:00 and the 21:00 interval (one 5-minute slot of data) on each of the five days
    expect(r.summary.unstaffedIntervals).toBe(15);
    expect(expected).toBe(15);
    // the same intervals as runs, in summary.json's uncovered ranges and warnings (the terminal summary prints them)
    expect(r.summary.uncovered.ranges[0]).toEqual({
      kind: 'none',
      start: '2003-03-24T20:00:00-05:00',
      end: '2003-03-24T21:30:00-05:00',
      intervals: 3,
      maxShortfall: r.summary.uncovered.ranges[0]?.maxShortfall,
    });
    expect(r.summary.uncovered.ranges.filter((p) => p.kind === 'none').map((p) => p.intervals)).toEqual([
      3, 3, 3, 3, 3,
    ]);
    expect(r.summary.uncoverableIntervals).toBe(15);
    expect(r.summary.warnings).toContain(
      '15 intervals with no agents: 24 Mar 20:00-21:30, 25 Mar 20:00-21:30, 26 Mar 20:00-21:30, ' +
        '27 Mar 20:00-21:30, 28 Mar 20:00-21:30',
    );
    expect(planReportInput(r, { generatedAt: 0 }).warnings).toEqual(r.summary.warnings);
    const notes = planReportInput(r, { generatedAt: 0 }).notes ?? [];
    expect(notes.some((n) => n.startsWith('15 intervals with forecast contacts have nobody'))).toBe(true);
  }, 30_000);
});
