import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { replay } from '../../src/app/replay.js';
import type { PlanConfigInput } from '../../src/schemas/planConfig.js';

// three synthetic weeks, 20 calls per half hour 09:00-11:00; the last Friday has 40 (see its README)
const baseDir = 'test/fixtures/replay';
const config = JSON.parse(readFileSync(`${baseDir}/replay.json`, 'utf8')) as PlanConfigInput;

describe('replay with intraday management', () => {
  it('adds agents on the day calls double after a 09:30 look, and leaves the other days as they were', async () => {
    const r = await replay(config, { baseDir, weeks: 1, intraday: { atTimes: ['09:30'], flex: 1 } });
    const managed = r.intraday!;
    expect(managed.days.map((d) => d.date)).toEqual(r.days.map((d) => d.date));
    for (const [k, d] of r.days.entries()) {
      const m = managed.days[k]!;
      if (d.date === '2024-01-19') {
        expect(m.agentHoursChange).toBeGreaterThan(0);
        expect(m.realisedServiceLevel).toBeGreaterThan(d.realisedServiceLevel + 0.2);
      } else {
        // the forecast held: nothing to close, and the same seed gives the same simulated day
        expect(m.agentHoursChange).toBe(0);
        expect(m.realisedServiceLevel).toBe(d.realisedServiceLevel);
      }
    }
    // Friday's morning was already lost: better, but still below 80%
    expect([managed.daysMeetingTarget, managed.daysMeetingTargetWithout]).toEqual([4, 4]);
    expect([managed.daysSaved, managed.daysLost]).toEqual([0, 0]);
    expect(managed.realisedServiceLevel).toBeGreaterThan(r.total.realisedServiceLevel);
  }, 60_000);

  it('with flex 0 changes nothing: every day as without intraday management', async () => {
    const r = await replay(config, { baseDir, weeks: 1, intraday: { atTimes: ['09:30', '10:00'], flex: 0 } });
    expect(r.intraday!.days.map((d) => d.realisedServiceLevel)).toEqual(
      r.days.map((d) => d.realisedServiceLevel),
    );
    expect(r.intraday!.agentHoursChange).toBe(0);
  }, 60_000);

  it('without the option the result has no intraday part', async () => {
    expect((await replay(config, { baseDir, weeks: 1 })).intraday).toBeNull();
  }, 60_000);
});
