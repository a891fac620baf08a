import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePlanConfig } from '../../src/plan/planConfig.js';
import { readPlanHistory } from '../../src/plan/planHistory.js';

const badDir = fileURLToPath(new URL('../fixtures/bad/', import.meta.url));
const target = { serviceLevel: 0.8, thresholdSeconds: 20 };

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
