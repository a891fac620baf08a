import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanProgress } from '../../src/plan/plan.js';
import { type PlanResult, plan } from '../../src/plan/plan.js';
import { planReportInput } from '../../src/plan/reportInput.js';
import { queueMetrics } from '../../src/queueing/queueMetrics.js';
import { validateReportInput } from '../../src/report/validate.js';
import type { ShiftRulesInput } from '../../src/scheduling/rules.js';

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
  schedule: { timeLimitSeconds: 2 },
};

describe('plan', () => {
  let result: PlanResult;
  const events: PlanProgress[] = [];
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

  it('reports each step once started and once done, in order', () => {
    const done = events.filter((e) => e.phase === 'done');
    expect(done.map((e) => e.step)).toEqual(['read', 'forecast', 'staff', 'schedule', 'evaluate']);
    expect(events.filter((e) => e.phase === 'start')).toHaveLength(5);
    for (const e of done) expect(e.seconds).toBeGreaterThanOrEqual(0);
  });

  it('maps to a valid report input with the service-level target line', () => {
    const input = planReportInput(result, { generatedAt: Date.UTC(2026, 0, 1) });
    expect(() => validateReportInput(input)).not.toThrow();
    expect(input.serviceLevel?.target).toBe(0.8);
    expect(input.staffing.scheduledAgents).toBe(result.onPhoneAgents);
    expect(input.days).toHaveLength(5);
  });
});

describe('plan errors', () => {
  it('asks for ahtSeconds when the history has no aht_seconds column', async () => {
    const { ahtSeconds: _a, ...noAht } = config;
    await expect(plan(noAht, { baseDir, source: 'p.json' })).rejects.toThrow(
      'p.json: ahtSeconds: required because bank_3weeks_5min.csv has no aht_seconds column',
    );
  });

  it('fails with FILE_READ naming a missing history file', async () => {
    await expect(
      plan({ ...config, history: { file: 'nope.csv', timeZone: 'UTC' } }, { baseDir }),
    ).rejects.toMatchObject({ code: 'FILE_READ' });
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
    const r = await plan(
      { ...config, rules: rules as unknown as ShiftRulesInput, schedule: { timeLimitSeconds: 1 } },
      { baseDir },
    );
    let expected = 0;
    for (let t = 0; t < r.requirement.starts.length; t++)
      if ((r.requirement.calls[t] ?? 0) > 0 && (r.onPhoneAgents[t] ?? 0) < 1) expected++;
    // 20:00-21:00 and the 21:00 interval (one 5-minute slot of data) on each of the five days
    expect(r.summary.unstaffedIntervals).toBe(15);
    expect(expected).toBe(15);
    const notes = planReportInput(r, { generatedAt: 0 }).notes ?? [];
    expect(notes.some((n) => n.startsWith('15 intervals with forecast contacts have nobody'))).toBe(true);
  }, 30_000);
});
