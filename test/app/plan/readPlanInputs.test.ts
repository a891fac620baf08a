import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readPlanHistory } from '../../../src/app/plan/readPlanInputs.js';
import { parsePlanConfig } from '../../../src/schemas/planConfig.js';

const target = { serviceLevel: 0.8, thresholdSeconds: 20 };
const badDir = fileURLToPath(new URL('../../fixtures/bad/', import.meta.url));

describe('readPlanHistory', () => {
  it('reads a spreadsheet export whose date order only history.dateFormat settles', async () => {
    const config = (dateFormat?: 'dmy') =>
      parsePlanConfig({
        history: { file: 'excel_ambiguous.csv', timeZone: 'UTC', ...(dateFormat ? { dateFormat } : {}) },
        target,
        ahtSeconds: 180,
        rules: 'rules.json',
      });
    const options = { baseDir: badDir, source: 'plan.json', key: 'history' };
    await expect(readPlanHistory(config().history, options)).rejects.toThrow('ambiguous date order');
    const read = await readPlanHistory(config('dmy').history, options);
    expect(read.report.rowsUsed).toBe(70);
    expect(read.history.calls.starts[0]).toBe(Date.UTC(2026, 2, 2, 8));
  });

  it('rejects an unknown date format in the config', () => {
    expect(() =>
      parsePlanConfig({
        history: { file: 'h.csv', timeZone: 'UTC', dateFormat: 'ymd' },
        target,
        ahtSeconds: 180,
      }),
    ).toThrow('history.dateFormat');
  });
});

describe('readPlanHistory with history.dailyTotals', () => {
  const dir = mkdtempSync(join(tmpdir(), 'staffcast-plan-daily-'));
  writeFileSync(join(dir, 'totals.csv'), 'date,calls\n2024-01-01,100\n2024-01-02,50\n');
  writeFileSync(join(dir, 'profile.csv'), 'weekday,time,share\nMon,09:00,0.4\nMon,10:00,0.6\nTue,09:00,1\n');
  // an interval history with Mondays 09:00 1 call, 10:00 3 calls and Tuesdays 09:00 only
  writeFileSync(
    join(dir, 'intervals.csv'),
    'interval_start,calls\n2023-12-25T09:00:00,1\n2023-12-25T10:00:00,3\n2023-12-26T09:00:00,7\n',
  );
  const read = (history: Record<string, unknown>) =>
    readPlanHistory(parsePlanConfig({ history, target, ahtSeconds: 180, rules: 'rules.json' }).history, {
      baseDir: dir,
      source: 'plan.json',
      key: 'history',
    });

  it('splits the totals by a profile CSV', async () => {
    const r = await read({ file: 'totals.csv', timeZone: 'UTC', dailyTotals: true, profile: 'profile.csv' });
    expect(Array.from(r.history.calls.values)).toEqual([40, 60, 50]);
    expect(r.report.rowsUsed).toBe(2);
  });

  it('splits the totals by the profile learned from an interval history', async () => {
    const r = await read({
      file: 'totals.csv',
      timeZone: 'UTC',
      dailyTotals: true,
      profile: 'intervals.csv',
    });
    expect(Array.from(r.history.calls.values)).toEqual([25, 75, 50]);
  });

  it('rejects dailyTotals without a profile and a profile without dailyTotals', async () => {
    await expect(read({ file: 'totals.csv', timeZone: 'UTC', dailyTotals: true })).rejects.toThrow(
      'plan.json: history.dailyTotals needs history.profile',
    );
    await expect(read({ file: 'totals.csv', timeZone: 'UTC', profile: 'profile.csv' })).rejects.toThrow(
      'plan.json: history.profile needs history.dailyTotals: true',
    );
  });
});
