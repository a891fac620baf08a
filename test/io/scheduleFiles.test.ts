import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { scheduleCoverageRows, writeCoverageCsv } from '../../src/io/coverageCsv.js';
import { jsonText } from '../../src/io/jsonText.js';
import { writeQueueForecastCsv } from '../../src/io/queueForecastCsv.js';
import { writeScheduleJson } from '../../src/io/scheduleJson.js';
import { writeToursCsv } from '../../src/io/toursCsv.js';
import { scheduleShifts } from '../../src/scheduling/scheduleShifts.js';

const coverage = {
  required: Float64Array.of(2, 2),
  scheduled: Float64Array.of(3, 1),
  onBreak: Float64Array.of(1, 0),
  net: Float64Array.of(2, 1),
  dayIndex: Int32Array.of(0, 0),
};
const starts = Float64Array.of(Date.UTC(2024, 6, 1, 13), Date.UTC(2024, 6, 1, 14));

describe('writeCoverageCsv (coverage.csv of a plan)', () => {
  it('writes requirement, coverage and service per interval in the zone, unbounded figures as empty cells', () => {
    const text = writeCoverageCsv({
      starts,
      timeZone: 'America/New_York',
      calls: [21062.299999999996, Number.NaN],
      requiredAgents: [2, 1],
      coverage,
      onPhoneAgents: [1.4, 0.7],
      evaluation: {
        serviceLevel: [0.81234567, 0.5],
        asaSeconds: [Number.POSITIVE_INFINITY, 12.345],
        abandonRate: [0, 0.1],
        occupancy: [1, 0.9],
      },
    });
    expect(text).toBe(
      'interval_start,calls,required_agents,required_scheduled,scheduled,on_break,net,on_phone,under,over,service_level,asa_seconds,abandon_rate,occupancy\n' +
        '2024-07-01T09:00:00-04:00,21062.3,2,2,3,1,2,1.4,0,0,0.8123,,0,1\n' +
        '2024-07-01T10:00:00-04:00,,1,2,1,0,1,0.7,1,0,0.5,12.35,0.1,0.9\n',
    );
  });

  it('adds outbound_calls as the last column only when given', () => {
    const input = {
      starts,
      timeZone: 'UTC',
      calls: [1, 1],
      requiredAgents: [1, 1],
      coverage,
      onPhoneAgents: [2, 1],
      evaluation: { serviceLevel: [1, 1], asaSeconds: [0, 0], abandonRate: [0, 0], occupancy: [0.5, 1] },
    };
    expect(writeCoverageCsv(input).split('\n')[0]!.endsWith(',occupancy')).toBe(true);
    const lines = writeCoverageCsv({ ...input, outboundCalls: [7, 0] })
      .trim()
      .split('\n');
    expect(lines.map((l) => l.split(',').at(-1))).toEqual(['outbound_calls', '7', '0']);
  });
});

describe('writeCoverageCsv of a schedule alone (schedule --coverage)', () => {
  it("writes the plan's columns, with empty cells for the figures a schedule does not know", () => {
    expect(writeCoverageCsv({ starts, timeZone: 'UTC', requiredAgents: [1.5, Number.NaN], coverage })).toBe(
      'interval_start,calls,required_agents,required_scheduled,scheduled,on_break,net,on_phone,under,over,service_level,asa_seconds,abandon_rate,occupancy\n' +
        '2024-07-01T13:00:00Z,,1.5,2,3,1,2,,0,0,,,,\n2024-07-01T14:00:00Z,,,2,1,0,1,,1,0,,,,\n',
    );
  });

  it('gives the schedule JSON the coverage rows of a schedule', () => {
    expect(scheduleCoverageRows(coverage, undefined, 'UTC')[1]).toEqual({
      interval_start: '',
      required: 2,
      scheduled: 1,
      on_break: 0,
      net: 1,
      under: 1,
      over: 0,
    });
  });
});

describe('writeToursCsv', () => {
  it('writes one row per group of tours with the days and start times space-separated', () => {
    expect(
      writeToursCsv([
        {
          type: '+early',
          lengthMinutes: 480,
          workDays: ['mon', 'tue'],
          startTimes: ['08:00', '09:00'],
          paidHoursPerWeek: 16,
          count: 3,
        },
      ]),
    ).toBe(
      "type,length_minutes,work_days,start_times,paid_hours_per_week,count\n'+early,480,mon tue,08:00 09:00,16,3\n",
    );
  });
});

describe('writeScheduleJson', () => {
  it('writes the shifts with their instants in the zone and the coverage per interval', async () => {
    const s = await scheduleShifts(
      {
        intervalMinutes: 60,
        required: Float64Array.of(0, 2, 2, 0),
        starts: Float64Array.from([0, 1, 2, 3], (h) => Date.UTC(2024, 0, 1, 13 + h)),
        timeZone: 'America/New_York',
      },
      { shiftTypes: [{ name: 'd', earliestStart: '08:00', latestStart: '10:00', lengthsMinutes: [120] }] },
      { useSolver: false },
    );
    const json = JSON.parse(writeScheduleJson(s, 'America/New_York'));
    expect(
      json.shifts.map((x: { start: string; end: string; count: number }) => [x.start, x.end, x.count]),
    ).toEqual([['2024-01-01T09:00:00-05:00', '2024-01-01T11:00:00-05:00', 2]]);
    expect(json.coverage.map((c: { net: number }) => c.net)).toEqual([0, 2, 2, 0]);
    expect(json.coverage[0].interval_start).toBe('2024-01-01T08:00:00-05:00');
    expect(json.status).toBe(s.status);
  });
});

describe('writeQueueForecastCsv', () => {
  it('orders rows by start then queue order, with empty cells where a queue has no handle time or quantile', () => {
    const f = (calls: number[], aht?: number[]) => ({
      timeZone: 'UTC',
      intervalMinutes: 60,
      starts: Float64Array.from(calls, (_, i) => Date.UTC(2024, 0, 1, 9 + i)),
      calls: Float64Array.from(calls),
      ...(aht === undefined ? {} : { ahtSeconds: Float64Array.from(aht) }),
    });
    const rows = parse(
      writeQueueForecastCsv(
        [
          { name: 'sales', forecast: f([3, 4], [200, 210]) },
          {
            name: 'help',
            forecast: { ...f([5]), quantiles: [{ probability: 0.9, calls: Float64Array.of(8) }] },
          },
        ],
        'Europe/Madrid',
      ),
    ) as string[][];
    expect(rows).toEqual([
      ['interval_start', 'queue', 'calls', 'aht_seconds', 'calls_p90'],
      ['2024-01-01T10:00:00+01:00', 'sales', '3', '200', ''],
      ['2024-01-01T10:00:00+01:00', 'help', '5', '', '8'],
      ['2024-01-01T11:00:00+01:00', 'sales', '4', '210', ''],
    ]);
  });
});

describe('jsonText', () => {
  it('writes numbers that are not finite as their names, indented, with a final newline', () => {
    expect(jsonText({ a: Number.POSITIVE_INFINITY, b: [Number.NaN, 1] })).toBe(
      '{\n  "a": "Infinity",\n  "b": [\n    "NaN",\n    1\n  ]\n}\n',
    );
  });
});
