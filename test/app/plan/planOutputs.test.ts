import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { planCoverageCsv, planForecastCsv, planScheduleCsv } from '../../../src/app/plan/planOutputs.js';
import { type PlanResult, plan } from '../../../src/app/plan.js';
import { writeRequirementCsv } from '../../../src/io/requirementCsv.js';
import { planFixtureDir, twoQueueConfig } from './twoQueueConfig.js';

const rowsOf = (csv: string) => parse(csv) as string[][];

describe('the CSV files of a plan', () => {
  let r: PlanResult;
  beforeAll(async () => {
    r = await plan(
      {
        ...twoQueueConfig,
        schedule: { timeLimitSeconds: 2 },
        queues: [
          { name: '=regular', historyQueue: 'PS' },
          { name: '-stocks', historyQueue: 'NE' },
        ],
      },
      { baseDir: planFixtureDir, source: 'p.json' },
    );
  }, 60_000);

  it("prefix queue names starting with = + - @ with ' in forecast.csv and requirements.csv", () => {
    for (const csv of [planForecastCsv(r), writeRequirementCsv(r.queueRequirements!)]) {
      const queues = new Set(rowsOf(csv).map((row) => row[1]));
      expect(queues).toEqual(new Set(['queue', "'=regular", "'-stocks"]));
    }
  });

  it("prefix shift type names starting with = + - @ with ' in schedule.csv", () => {
    const copy = structuredClone(r);
    for (const shift of copy.schedule.shifts) shift.type = `@${shift.type}`;
    const types = rowsOf(planScheduleCsv(copy))
      .slice(1)
      .map((row) => row[0]);
    expect(types.length).toBeGreaterThan(0);
    for (const type of types) expect(type).toMatch(/^'@/);
  });

  it('write coverage.csv without float noise and a figure that is not finite as an empty cell', () => {
    const copy = structuredClone(r);
    copy.requirement.calls[0] = 21062.299999999996; // calls are written to 4 places
    copy.evaluation.asaSeconds[0] = Number.POSITIVE_INFINITY; // fewer agents than the load
    copy.evaluation.serviceLevel[1] = Number.NaN;
    const text = planCoverageCsv(copy);
    expect(text).not.toMatch(/Infinity|NaN|\d\.\d{5}/);
    const rows = rowsOf(text);
    const col = (name: string) => rows[0]!.indexOf(name);
    expect(rows[1]![col('calls')]).toBe('21062.3');
    expect(rows[1]![col('asa_seconds')]).toBe('');
    expect(rows[2]![col('service_level')]).toBe('');
  });

  it('write forecast.csv numbers to at most 12 significant digits', () => {
    const rows = rowsOf(planForecastCsv(r)).slice(1);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.length).toBeGreaterThan(2);
      for (const cell of row.slice(2))
        expect(cell.replace(/[-.]|e.*$/g, '').replace(/^0+/, '').length).toBeLessThanOrEqual(12);
    }
  });
});
