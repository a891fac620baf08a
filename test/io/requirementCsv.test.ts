import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StaffcastError } from '../../src/errors.js';
import { readRequirementCsv, writeRequirementCsv } from '../../src/io/requirementCsv.js';
import type { Requirement } from '../../src/staffing/types.js';

function errorOf(fn: () => unknown): StaffcastError {
  try {
    fn();
  } catch (error) {
    return error as StaffcastError;
  }
  throw new Error('expected a throw');
}

describe('readRequirementCsv', () => {
  it('reads starts with offsets, infers the interval length and fills absent columns with NaN', () => {
    const req = readRequirementCsv(
      'interval_start,agents,scheduled_agents\n2003-05-05T07:00:00-04:00,3,4\n2003-05-05T07:30:00-04:00,5,7\n',
      { timeZone: 'America/New_York' },
    );
    expect(req.intervalMinutes).toBe(30);
    expect([...req.starts]).toEqual([Date.UTC(2003, 4, 5, 11), Date.UTC(2003, 4, 5, 11, 30)]);
    expect([...req.agents]).toEqual([3, 5]);
    expect([...req.scheduledAgents]).toEqual([4, 7]);
    expect(Number.isNaN(req.calls[0]!)).toBe(true);
    expect(req.queue).toBeUndefined();
    expect(req.timeZone).toBe('America/New_York');
  });

  it('keeps a queue column and checks order within each queue only', () => {
    const req = readRequirementCsv(
      'interval_start,queue,agents\n2024-01-01T09:00:00Z,a,1\n2024-01-01T09:00:00Z,b,2\n2024-01-01T09:15:00Z,a,3\n',
    );
    expect(req.queue).toEqual(['a', 'b', 'a']);
    expect(req.intervalMinutes).toBe(15);
  });

  it('names source, row and column of a negative value', () => {
    const e = errorOf(() =>
      readRequirementCsv('interval_start,agents\n2024-01-01T09:00:00Z,1\n2024-01-01T09:15:00Z,-2\n', {
        source: 'req.csv',
      }),
    );
    expect(e.code).toBe('CSV_ROW');
    expect(e.message).toBe("req.csv:3:agents: must be a number >= 0 (got '-2')");
  });

  it('rejects an empty scheduled_agents cell by line and column instead of covering agents for the whole file', () => {
    const e = errorOf(() =>
      readRequirementCsv(
        'interval_start,agents,scheduled_agents\n2024-01-01T09:00:00Z,1,2\n2024-01-01T09:15:00Z,2,\n',
        { source: 'req.csv' },
      ),
    );
    expect(e.message).toBe(
      "req.csv:3:scheduled_agents: empty cell (other rows have scheduled_agents; give it on every row or on none) (got '')",
    );
  });

  it('rejects hex, Infinity and absurd agent counts, and an impossible UTC offset', () => {
    const one = (agents: string) =>
      errorOf(() =>
        readRequirementCsv(`interval_start,agents\n2024-01-01T09:00:00Z,${agents}\n`, { source: 'r.csv' }),
      ).message;
    expect(one('0x10')).toBe("r.csv:2:agents: must be a number >= 0 (got '0x10')");
    expect(one('Infinity')).toBe("r.csv:2:agents: must be a number >= 0 (got 'Infinity')");
    expect(one('1e308')).toBe("r.csv:2:agents: must be at most 100000 (got '1e308')");
    expect(
      errorOf(() =>
        readRequirementCsv('interval_start,agents\n2024-01-01T09:00:00+99:99,1\n', { source: 'r.csv' }),
      ).message,
    ).toBe("r.csv:2:interval_start: must be an ISO-8601 time with offset (got '2024-01-01T09:00:00+99:99')");
  });

  it('rejects a column named twice, whatever its case, naming both positions', () => {
    expect(
      errorOf(() =>
        readRequirementCsv('interval_start,agents,Agents\n2024-01-01T09:00:00Z,1,2\n', { source: 'r.csv' }),
      ).message,
    ).toBe("r.csv:1: column 'Agents' appears twice in the header (columns 2 and 3)");
  });

  it('rejects a start without offset, a missing agents column, an empty file and unsorted rows', () => {
    expect(errorOf(() => readRequirementCsv('interval_start,agents\n2024-01-01T09:00:00,1\n')).message).toBe(
      "requirement CSV:2:interval_start: must be an ISO-8601 time with offset (got '2024-01-01T09:00:00')",
    );
    expect(errorOf(() => readRequirementCsv('interval_start,calls\n2024-01-01T09:00:00Z,1\n')).message).toBe(
      "requirement CSV:1: missing column 'agents' (header has: interval_start, calls)",
    );
    expect(errorOf(() => readRequirementCsv('interval_start,agents\n')).code).toBe('NO_DATA');
    expect(
      errorOf(() =>
        readRequirementCsv('interval_start,agents\n2024-01-01T09:15:00Z,1\n2024-01-01T09:00:00Z,1\n'),
      ).message,
    ).toBe(
      "requirement CSV:3:interval_start: must be after the previous row of its queue (got '2024-01-01T09:00:00Z')",
    );
  });
});

describe('writeRequirementCsv', () => {
  it('writes offsets of the zone, and empty cells for NaN and for the Infinity ASA of an unstable interval', () => {
    const req: Requirement = {
      timeZone: 'America/New_York',
      intervalMinutes: 30,
      starts: Float64Array.of(Date.UTC(2003, 4, 5, 11)),
      calls: Float64Array.of(12.5),
      ahtSeconds: Float64Array.of(180),
      agents: Float64Array.of(0),
      scheduledAgents: Float64Array.of(Number.NaN),
      serviceLevel: Float64Array.of(0),
      asaSeconds: Float64Array.of(Number.POSITIVE_INFINITY),
      abandonRate: Float64Array.of(0),
      occupancy: Float64Array.of(1),
    };
    expect(writeRequirementCsv(req)).toBe(
      'interval_start,calls,aht_seconds,agents,scheduled_agents,service_level,asa_seconds,abandon_rate,occupancy\n' +
        '2003-05-05T07:00:00-04:00,12.5,180,0,,0,,0,1\n',
    );
  });

  it("prefixes a queue name a spreadsheet would run as a formula with '", () => {
    const one = (v: number) => Float64Array.of(v, v);
    const req: Requirement = {
      timeZone: 'UTC',
      intervalMinutes: 30,
      starts: Float64Array.of(0, 0),
      queue: ['=HYPERLINK("http://x")', '-sales'],
      calls: one(10),
      ahtSeconds: one(180),
      agents: one(3),
      scheduledAgents: one(4),
      serviceLevel: one(0.8),
      asaSeconds: one(5),
      abandonRate: one(0),
      occupancy: one(0.5),
    };
    expect(writeRequirementCsv(req).split('\n').slice(1, 3)).toEqual([
      '1970-01-01T00:00:00Z,"\'=HYPERLINK(""http://x"")",10,180,3,4,0.8,5,0,0.5',
      "1970-01-01T00:00:00Z,'-sales,10,180,3,4,0.8,5,0,0.5",
    ]);
  });

  it('round-trips through readRequirementCsv (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ agents: fc.nat(500), calls: fc.integer({ min: 0, max: 100_000 }) }), {
          minLength: 2,
          maxLength: 30,
        }),
        (rows) => {
          const n = rows.length;
          const nan = () => new Float64Array(n).fill(Number.NaN);
          const req: Requirement = {
            timeZone: 'Europe/Madrid',
            intervalMinutes: 15,
            starts: Float64Array.from(rows, (_, i) => Date.UTC(2024, 2, 31, 0, 15 * i)),
            calls: Float64Array.from(rows, (r) => r.calls / 100),
            ahtSeconds: nan(),
            agents: Float64Array.from(rows, (r) => r.agents),
            scheduledAgents: nan(),
            serviceLevel: nan(),
            asaSeconds: nan(),
            abandonRate: nan(),
            occupancy: nan(),
          };
          const back = readRequirementCsv(writeRequirementCsv(req), { timeZone: 'Europe/Madrid' });
          expect(back).toEqual(req);
        },
      ),
    );
  });
});
