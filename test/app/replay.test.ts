import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { replay } from '../../src/app/replay.js';
import { readCallRecords } from '../../src/io/callRecords.js';

const dir = fileURLToPath(new URL('../fixtures/replay/', import.meta.url));
const config = JSON.parse(readFileSync(`${dir}replay.json`, 'utf8'));

describe('replay', () => {
  it("promises the plan's simulated day when the plan simulates its schedule (the default), else its Erlang figure", async () => {
    const simulated = await replay(config, { baseDir: dir, weeks: 1 });
    const erlang = await replay(
      { ...config, schedule: { simulation: { enabled: false } } },
      { baseDir: dir, weeks: 1 },
    );
    simulated.days.forEach((d, i) => {
      const e = erlang.days[i]!;
      expect(e.promisedServiceLevel).toBeCloseTo(0.8607, 3); // Erlang C, 4 agents, 2 erlangs
      expect(d.promisedServiceLevel).not.toBe(e.promisedServiceLevel);
      expect(Math.abs(d.promisedServiceLevel - e.promisedServiceLevel)).toBeLessThan(0.05);
      expect(d.realisedServiceLevel).toBe(e.realisedServiceLevel); // same schedule, same real calls
    });
  }, 60_000);

  it('replays a week whose calls equal the forecast near the promise, and a day with double the calls misses', async () => {
    const r = await replay(
      { ...config, schedule: { simulation: { enabled: false } } },
      { baseDir: dir, weeks: 1 },
    );
    expect(r.weeks).toHaveLength(1);
    expect(r.weeks[0]).toMatchObject({
      firstDate: '2024-01-13',
      lastDate: '2024-01-19',
      historyUntil: '2024-01-12',
    });
    expect(r.days.map((d) => d.date)).toEqual([
      '2024-01-15',
      '2024-01-16',
      '2024-01-17',
      '2024-01-18',
      '2024-01-19',
    ]);
    for (const d of r.days) {
      expect(d.status).toBe('replayed');
      expect(d.forecastCalls).toBeCloseTo(80, 6);
      // Erlang C, 4 agents, 2 erlangs: 1 - 0.1739 e^(-40/180)
      expect(d.promisedServiceLevel).toBeCloseTo(0.8607, 3);
      expect(d.paidHours).toBe(8); // 4 agents x 2 h
    }
    const [mon, tue, wed, thu, fri] = r.days;
    for (const d of [mon!, tue!, wed!, thu!]) {
      expect(d.actualCalls).toBe(80);
      expect(d.volumeError).toBeCloseTo(0, 9);
      expect(d.intervalWape).toBeCloseTo(0, 9);
      expect(Math.abs(d.realisedServiceLevel - d.promisedServiceLevel)).toBeLessThan(0.1);
    }
    expect(fri!.actualCalls).toBe(160);
    expect(fri!.volumeError).toBeCloseTo(1, 9);
    expect(fri!.intervalWape).toBeCloseTo(0.5, 9); // sum |40 - 20| / sum 40
    expect(fri!.realisedServiceLevel).toBeLessThan(0.5); // 4 erlangs on 4 agents: no steady state
    expect(fri!.meetsTarget).toBe(false);
    expect(r.total.daysReplayed).toBe(5);
    expect(r.total.shareOfDaysMeetingTarget).toBe(r.total.daysMeetingTarget / 5);
    expect(r.total.paidHours).toBe(40);
  }, 60_000);

  it('is deterministic for a seed, and the seed changes the draws', async () => {
    const a = await replay(config, { baseDir: dir, weeks: 1 });
    const b = await replay(config, { baseDir: dir, weeks: 1 });
    const c = await replay(config, { baseDir: dir, weeks: 1, seed: 9 });
    expect(b.days).toEqual(a.days);
    expect(c.days.map((d) => d.realisedServiceLevel)).not.toEqual(a.days.map((d) => d.realisedServiceLevel));
  }, 60_000);

  it('replays per-call records as they came: handle times exact, days without records not scored', async () => {
    const { records } = await readCallRecords(`${dir}calls.csv`, { timeZone: 'UTC' });
    const r = await replay(config, { baseDir: dir, weeks: 1, callRecords: records });
    expect(r.arrivals).toBe('records');
    expect(r.records).toMatchObject({ answered: 18, abandoned: 0, notOffered: 1 });
    const [mon, tue, ...rest] = r.days;
    expect(mon).toMatchObject({
      status: 'replayed',
      actualCalls: 8,
      realisedServiceLevel: 1,
      meetsTarget: true,
    });
    expect(mon!.asaSeconds).toBe(0);
    // 10 calls at 09:00 of 600 s on 4 agents: 4 at once, 4 after 600 s, 2 after 1200 s
    expect(tue).toMatchObject({
      status: 'replayed',
      actualCalls: 10,
      realisedServiceLevel: 0.4,
      meetsTarget: false,
    });
    expect(tue!.asaSeconds).toBeCloseTo(480, 9);
    expect(rest.map((d) => d.status)).toEqual(['no-data', 'no-data', 'no-data']);
    expect(rest.every((d) => d.meetsTarget === null && Number.isNaN(d.realisedServiceLevel))).toBe(true);
    expect(r.total).toMatchObject({ daysReplayed: 2, daysMeetingTarget: 1, shareOfDaysMeetingTarget: 0.5 });
    expect(r.total.paidHours).toBe(40); // the shifts of the days without data were paid too
  }, 60_000);

  it('replays the history at its own interval when the plan re-aggregates it (30-minute counts, hourly plan)', async () => {
    const r = await replay(
      { ...config, outputIntervalMinutes: 60 },
      { baseDir: dir, weeks: 1, replications: 1 },
    );
    expect(r.days.map((d) => d.actualCalls)).toEqual([80, 80, 80, 80, 160]);
    expect(r.days.map((d) => d.forecastCalls)).toEqual([80, 80, 80, 80, 80]);
    expect(r.days.map((d) => d.intervalWape)).toEqual([0, 0, 0, 0, 0.5]);
    expect(r.days.every((d) => d.callsOutsidePlan === 0)).toBe(true);
  }, 60_000);

  it('rejects weeks < 1, too little history before the first week, and a config with queues', async () => {
    await expect(replay(config, { baseDir: dir, weeks: 0 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(replay(config, { baseDir: dir, weeks: 3 })).rejects.toThrow(
      /not enough history to replay 3 weeks from 2023-12-30: the plan of the first week needs at least 7 days before it, and the history starts 2024-01-01/,
    );
    await expect(
      replay({ ...config, queues: [{ name: 'a' }] }, { baseDir: dir, weeks: 1 }),
    ).rejects.toMatchObject({ code: 'CONFIG' });
  });
});
