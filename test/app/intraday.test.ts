import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIntraday } from '../../src/app/intraday.js';
import { parseCsvText } from '../../src/io/csvSource.js';
import { readScheduleCsv } from '../../src/io/readScheduleCsv.js';
import { agentsAtWork } from '../../src/scheduling/agentsAtWork.js';

const dir = 'test/fixtures/intraday';
const base = {
  configFile: `${dir}/plan.json`,
  cwd: '.',
  actualsFile: `${dir}/bank_2003-03-24_to_1130.csv`,
  at: '11:30',
  scheduleFile: `${dir}/schedule.csv`,
};
const zone = 'America/New_York';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'staffcast-intraday-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('runIntraday', () => {
  it("reads back from schedule.csv the agents the plan's coverage.csv shows (net), interval by interval", () => {
    const shifts = readScheduleCsv(readFileSync(`${dir}/schedule.csv`, 'utf8'), 'schedule.csv', zone);
    const coverage = parseCsvText(readFileSync(`${dir}/coverage.csv`, 'utf8'), 'coverage.csv').slice(1);
    const starts = coverage.map((r) => Date.parse(r.fields[0]!));
    expect(Array.from(agentsAtWork(shifts, starts, 15))).toEqual(coverage.map((r) => Number(r.fields[6])));
  });

  it('on the real 24 March 2003 cut at 11:30: 6% below forecast, the day heads above target and releases within 5%', async () => {
    expect((await runIntraday(base)).actions).toEqual([]); // release is off by default
    const run = await runIntraday({ ...base, release: true });
    // the 54 five-minute rows of the fixture, summed independently
    const rows = parseCsvText(readFileSync(base.actualsFile, 'utf8'), 'a').slice(1);
    expect(run.callsSeen).toBe(rows.reduce((s, r) => s + Number(r.fields[1]), 0));
    expect(run.callsSeen).toBe(12573);
    // reforecastDay's ratio with its prior of 50 calls
    expect(run.adjustment.reforecastRatio).toBeCloseTo((12573 + 50) / (run.forecastSoFar + 50), 12);
    expect(run.intervals[0]!.time).toBe('11:30');
    expect(run.intervals.at(-1)!.time).toBe('21:00');
    for (const i of run.intervals) {
      expect(Math.abs(i.change)).toBeLessThanOrEqual(Math.floor(0.05 * i.scheduled + 1e-9));
      expect(i.gap).toBe(i.needed - i.scheduled);
      expect(i.adjusted).toBe(i.scheduled + i.change);
    }
    expect(run.adjustment.dayServiceLevelAfter).toBeGreaterThanOrEqual(0.8);
    expect(run.adjustment.dayServiceLevelAfter).toBeLessThanOrEqual(run.adjustment.dayServiceLevelBefore);
    expect(run.actions.every((a) => a.kind === 'release')).toBe(true);
    expect(run.text).toMatch(/^intraday 2003-03-24 at 11:30 \(America\/New_York\), 15-minute intervals/);
  });

  it('actuals 20% above the forecast by 11:30 need more agents after 11:30 and add them within the flex cap', async () => {
    // the real morning rescaled so that it is 1.2 x the plan's forecast of 07:00-11:30
    const plain = await runIntraday(base);
    const scale = (1.2 * plain.forecastSoFar) / plain.callsSeen;
    const lines = ['interval_start,calls'];
    const text = readFileSync(base.actualsFile, 'utf8').trim().split('\n').slice(1);
    for (const row of text) {
      const [start, calls] = row.split(',');
      lines.push(`${start},${Number(calls) * scale}`);
    }
    const file = join(tmp, 'high.csv');
    await writeFile(file, `${lines.join('\n')}\n`);
    const run = await runIntraday({ ...base, actualsFile: file, flex: 0.05 });
    expect(run.callsSeen).toBeCloseTo(1.2 * run.forecastSoFar, 6);
    expect(run.adjustment.reforecastRatio).toBeCloseTo(
      (1.2 * run.forecastSoFar + 50) / (run.forecastSoFar + 50),
      9,
    );
    const short = run.intervals.filter((i) => i.gap > 0);
    expect(short.length).toBeGreaterThan(run.intervals.length / 2);
    for (const i of run.intervals) {
      const cap = Math.floor(0.05 * i.scheduled + 1e-9);
      if (i.gap > 0) expect(i.change).toBe(Math.min(i.gap, cap));
      expect(Math.abs(i.change)).toBeLessThanOrEqual(cap);
    }
    expect(run.actions.some((a) => a.kind === 'overtime')).toBe(true);
    expect(run.adjustment.dayServiceLevelAfter).toBeGreaterThan(run.adjustment.dayServiceLevelBefore);
  });

  it('is deterministic: two runs give the same JSON', async () => {
    expect((await runIntraday(base)).json).toBe((await runIntraday(base)).json);
  });

  it('without --schedule runs the plan, whose schedule gives the same decision as its schedule.csv', async () => {
    const fromFile = await runIntraday(base);
    const { scheduleFile: _, ...noSchedule } = base;
    const fromPlan = await runIntraday(noSchedule);
    expect(fromPlan.scheduleSource).toBe('plan');
    expect(Array.from(fromPlan.adjustment.scheduled)).toEqual(Array.from(fromFile.adjustment.scheduled));
    expect(fromPlan.actions).toEqual(fromFile.actions);
  }, 180_000);
});
