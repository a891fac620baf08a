import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { planFileContents } from '../../../src/app/plan/planOutputs.js';
import { type PlanResult, plan } from '../../../src/app/plan.js';
import { writeRequirementCsv } from '../../../src/io/requirementCsv.js';
import { SCHEDULE_CSV_COLUMNS, writeScheduleCsv } from '../../../src/io/scheduleCsv.js';
import { formatInstant } from '../../../src/time/formatInstant.js';
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
    for (const csv of [planFileContents(r, '')['forecast.csv'], writeRequirementCsv(r.queueRequirements!)]) {
      const queues = new Set(rowsOf(csv).map((row) => row[1]));
      expect(queues).toEqual(new Set(['queue', "'=regular", "'-stocks"]));
    }
  });

  it("prefix shift type names starting with = + - @ with ' in schedule.csv", () => {
    const copy = structuredClone(r);
    for (const shift of copy.schedule.shifts) shift.type = `@${shift.type}`;
    const types = rowsOf(planFileContents(copy, '')['schedule.csv'])
      .slice(1)
      .map((row) => row[0]);
    expect(types.length).toBeGreaterThan(0);
    for (const type of types) expect(type).toMatch(/^'@/);
  });

  it('write schedule.csv in the one format of staffcast schedule: instants and local times', () => {
    const rows = parse(planFileContents(r, '')['schedule.csv'], { columns: true }) as Record<
      string,
      string
    >[];
    expect(Object.keys(rows[0]!)).toEqual([...SCHEDULE_CSV_COLUMNS]);
    expect(planFileContents(r, '')['schedule.csv']).toBe(
      writeScheduleCsv(r.schedule.shifts, r.schedule.timeZone),
    );
    const shift = r.schedule.shifts[0]!;
    expect(rows[0]!.start_time).toBe(shift.startTime);
    expect(rows[0]!.end).toBe(formatInstant(shift.endMs!, r.schedule.timeZone));
  });

  it('write coverage.csv without float noise and a figure that is not finite as an empty cell', () => {
    const copy = structuredClone(r);
    copy.requirement.calls[0] = 21062.299999999996; // calls are written to 4 places
    copy.evaluation.asaSeconds[0] = Number.POSITIVE_INFINITY; // fewer agents than the load
    copy.evaluation.serviceLevel[1] = Number.NaN;
    const text = planFileContents(copy, '')['coverage.csv'];
    expect(text).not.toMatch(/Infinity|NaN|\d\.\d{5}/);
    const rows = rowsOf(text);
    const col = (name: string) => rows[0]!.indexOf(name);
    expect(rows[1]![col('calls')]).toBe('21062.3');
    expect(rows[1]![col('asa_seconds')]).toBe('');
    expect(rows[2]![col('service_level')]).toBe('');
  });

  it('write forecast.csv numbers to at most 12 significant digits', () => {
    for (const row of rowsOf(planFileContents(r, '')['forecast.csv']).slice(1))
      for (const cell of row.slice(2))
        expect(cell.replace(/[-.]|e.*$/g, '').replace(/^0+/, '').length).toBeLessThanOrEqual(12);
  });
});
