import { describe, expect, it } from 'vitest';
import type { CallRecord } from '../../src/calibration/records.js';
import { simulateReplayDay } from '../../src/simulation/replayDay.js';
import { replayedCallsFromRecords } from '../../src/simulation/replayedCalls.js';
import { type ReplayDay, summarizeReplayDays } from '../../src/simulation/replaySummary.js';

const H = 3_600_000;

describe('simulateReplayDay', () => {
  it('makes a caller who comes before the first planned interval wait for it', async () => {
    // planned 09:00-10:00 with 1 agent; a call at 08:59:00 of 30 s waits 60 s; one at 09:30 waits 0
    const r = await simulateReplayDay(
      {
        intervalMinutes: 60,
        starts: [9 * H],
        agents: [1],
        ahtSeconds: [30],
        arrivalMs: [9 * H - 60_000, 9.5 * H],
        handleSeconds: [30, 30],
      },
      { thresholdSeconds: 20 },
    );
    expect(r.day.serviceLevel.offered.mean).toBe(0.5);
    expect(r.day.asaSeconds.mean).toBe(30);
    expect(Array.from(r.actualCalls)).toEqual([1]);
    expect(r.callsOutsidePlan).toBe(1);
  });

  it('counts callers still waiting when the last planned agent has gone as not answered', async () => {
    const r = await simulateReplayDay(
      { intervalMinutes: 30, starts: [0], agents: [0], ahtSeconds: [60], arrivalMs: [10_000] },
      { thresholdSeconds: 20 },
    );
    expect(r.day.serviceLevel.offered.mean).toBe(0);
    expect(r.day.waitingAtEnd.mean).toBe(1);
  });

  it('uses the exponential patience when no patience is replayed', async () => {
    const r = await simulateReplayDay(
      {
        intervalMinutes: 60,
        starts: [0],
        agents: [0],
        ahtSeconds: [60],
        arrivalMs: Array.from({ length: 2000 }, (_, i) => i * 1000),
        patienceMeanSeconds: 30,
      },
      { thresholdSeconds: 20 },
    );
    // nobody is answered; everyone abandons but those arriving in the last ~30 s
    expect(r.day.abandonRate.mean).toBeGreaterThan(0.95);
  });

  it('rejects lengths that differ and a day with neither an interval nor a call', async () => {
    await expect(
      simulateReplayDay(
        { intervalMinutes: 30, starts: [0], agents: [], ahtSeconds: [60], arrivalMs: [] },
        {
          thresholdSeconds: 20,
        },
      ),
    ).rejects.toThrow('simulateReplayDay: agents.length must equal starts.length 1 (got 0)');
    await expect(
      simulateReplayDay(
        { intervalMinutes: 30, starts: [], agents: [], ahtSeconds: [], arrivalMs: [] },
        {
          thresholdSeconds: 20,
        },
      ),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

const base = { serviceType: 'PS', priority: 0, vruSeconds: 0, agent: 'A01' };
const answered = (arrivalMs: number, wait: number, talk: number): CallRecord => ({
  ...base,
  arrivalMs,
  outcome: 'AGENT',
  queued: wait > 0,
  queueSeconds: wait,
  servedByAgent: true,
  serviceSeconds: talk,
});
const abandoned = (arrivalMs: number, wait: number): CallRecord => ({
  ...base,
  arrivalMs,
  outcome: 'HANG',
  queued: true,
  queueSeconds: wait,
  servedByAgent: false,
  serviceSeconds: Number.NaN,
  agent: '',
});

describe('replayedCallsFromRecords', () => {
  it('orders the offered calls by queue entry and leaves out those never offered', () => {
    const vruOnly: CallRecord = { ...abandoned(0, 0), queued: false };
    const r = replayedCallsFromRecords([
      answered(5000, 0, 100),
      { ...answered(0, 0, 50), vruSeconds: 9 },
      vruOnly,
    ]);
    expect(Array.from(r.arrivalMs)).toEqual([5000, 9000]);
    expect(Array.from(r.handleSeconds)).toEqual([100, 50]);
    expect(r).toMatchObject({ answered: 2, abandoned: 0, notOffered: 1 });
  });

  it('estimates the mean patience as time waited / abandonments and extends answered callers past their wait', () => {
    const r = replayedCallsFromRecords([answered(0, 40, 100), abandoned(1000, 20), answered(2000, 0, 300)]);
    expect(r.patienceMeanSeconds).toBe(60); // (40 + 20 + 0) / 1
    expect(r.patienceSeconds[1]).toBe(20);
    expect(r.patienceSeconds[0]!).toBeGreaterThan(40);
    expect(r.handleSeconds[1]).toBe(200); // the abandoned caller: mean talk of the answered
    expect(replayedCallsFromRecords([answered(0, 40, 100)], { seed: 1 }).patienceSeconds[0]).toBe(
      Number.POSITIVE_INFINITY,
    ); // nobody abandoned: infinite patience
  });
});

describe('summarizeReplayDays', () => {
  const day = (over: Partial<ReplayDay>): ReplayDay =>
    ({
      status: 'replayed',
      forecastCalls: 100,
      actualCalls: 100,
      intervalWape: 0.1,
      promisedServiceLevel: 0.8,
      realisedServiceLevel: 0.8,
      meetsTarget: true,
      asaSeconds: 10,
      answeredCalls: 90,
      abandonRate: 0.1,
      paidHours: 10,
      ...over,
    }) as ReplayDay;

  it('weights realised service level by real calls, promised by forecast calls, and skips days without data', () => {
    const s = summarizeReplayDays([
      day({ actualCalls: 300, realisedServiceLevel: 0.6, meetsTarget: false, intervalWape: 0.2 }),
      day({ forecastCalls: 300, promisedServiceLevel: 0.9 }),
      day({ status: 'no-data', realisedServiceLevel: Number.NaN, meetsTarget: null, paidHours: 5 }),
    ]);
    expect(s.daysReplayed).toBe(2);
    expect(s.daysMeetingTarget).toBe(1);
    expect(s.realisedServiceLevel).toBeCloseTo((300 * 0.6 + 100 * 0.8) / 400, 12);
    expect(s.promisedServiceLevel).toBeCloseTo((100 * 0.8 + 300 * 0.9) / 400, 12);
    expect(s.intervalWape).toBeCloseTo((300 * 0.2 + 100 * 0.1) / 400, 12);
    expect(s.volumeError).toBeCloseTo(0, 12);
    expect(s.paidHours).toBe(25);
  });
});
