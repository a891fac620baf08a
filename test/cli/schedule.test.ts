import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runStaffcast } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'staffcast-schedule-'));
const write = (name: string, content: string) => {
  writeFileSync(join(dir, name), content);
  return name;
};

// 8 hourly intervals on Monday 2024-01-01 (UTC): 2 agents from 02:00 to 06:00
const agents = [0, 0, 2, 2, 2, 2, 0, 0];
const requirement = write(
  'req.csv',
  `interval_start,agents\n${agents.map((a, h) => `2024-01-01T0${h}:00:00Z,${a}`).join('\n')}\n`,
);
const rules = write(
  'rules.json',
  JSON.stringify({
    shiftTypes: [
      {
        name: 'day',
        earliestStart: '00:00',
        latestStart: '04:00',
        startStepMinutes: 60,
        lengthsMinutes: [240],
      },
    ],
  }),
);

describe('staffcast schedule', () => {
  it('writes one CSV row per shift start with its count and prints status and efficiency to stderr', async () => {
    const r = await runStaffcast(['schedule', requirement, '--rules', rules], { cwd: dir });
    expect(r.code).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      type: 'day',
      day: 'mon',
      start: '2024-01-01T02:00:00Z',
      end: '2024-01-01T06:00:00Z',
      count: '2',
      length_minutes: '240',
    });
    expect(r.stderr).toMatch(/status optimal, objective 8\.00, gap 0\.00%/);
    expect(r.stderr).toMatch(/coverage 100\.00%, utilisation 100\.00%/);
  });

  it('takes a deterministic --work-limit and says nothing more when the schedule is proven optimal', async () => {
    const r = await runStaffcast(['schedule', requirement, '--rules', rules, '--work-limit', '1000'], {
      cwd: dir,
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^schedule: status optimal, objective 8\.00, gap 0\.00%/);
  });

  it('writes JSON with the coverage per interval, and a coverage CSV with --coverage, to -o', async () => {
    const r = await runStaffcast(
      ['schedule', requirement, '--rules', rules, '--json', '--coverage', 'cov.csv', '-o', 'out.json'],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const json = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'));
    expect(json.status).toBe('optimal');
    expect(json.shifts[0].count).toBe(2);
    expect(json.coverage.map((c: { net: number }) => c.net)).toEqual(agents);
    const cov = parse(readFileSync(join(dir, 'cov.csv'), 'utf8'), { columns: true }) as Record<
      string,
      string
    >[];
    expect(cov).toHaveLength(8);
    expect(cov[2]).toMatchObject({
      interval_start: '2024-01-01T02:00:00Z',
      required_agents: '2',
      required_scheduled: '2',
      on_phone: '',
      net: '2',
      under: '0',
    });
  });

  it('accepts the old --format json as a hidden alias of --json with a one-line deprecation warning', async () => {
    const json = await runStaffcast(['schedule', requirement, '--rules', rules, '--json'], { cwd: dir });
    const old = await runStaffcast(['schedule', requirement, '--rules', rules, '--format', 'json'], {
      cwd: dir,
    });
    expect(old.code).toBe(0);
    expect(old.stdout).toBe(json.stdout);
    expect(old.stderr).toBe(`staffcast: --format is deprecated, use --json\n${json.stderr}`);
    const csv = await runStaffcast(['schedule', requirement, '--rules', rules, '--format', 'csv'], {
      cwd: dir,
    });
    expect(csv.stdout.split('\n')[0]).toBe(
      'type,day,start,end,start_time,end_time,length_minutes,paid_minutes,count,breaks',
    );
    const help = await runStaffcast(['schedule', '--help'], { cwd: dir });
    expect(help.stdout).toContain('--json');
    expect(help.stdout).not.toContain('--format');
  });

  it('writes the schedule.csv header even when no shift is needed', async () => {
    const none = write('none.csv', 'interval_start,agents\n2024-01-01T02:00:00Z,0\n2024-01-01T03:00:00Z,0\n');
    const r = await runStaffcast(['schedule', none, '--rules', rules], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'type,day,start,end,start_time,end_time,length_minutes,paid_minutes,count,breaks\n',
    );
  });

  it("prefixes a shift type name starting with = + - @ with ' in the CSV", async () => {
    const named = write(
      'rules-formula.json',
      readFileSync(join(dir, rules), 'utf8').replace('"name":"day"', '"name":"=day"'),
    );
    const r = await runStaffcast(['schedule', requirement, '--rules', named], { cwd: dir });
    expect(r.code).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.type)).toEqual(["'=day"]);
  });

  it('reads the requirement from stdin with -', async () => {
    const r = await runStaffcast(['schedule', '-', '--rules', rules], {
      cwd: dir,
      stdin: readFileSync(join(dir, requirement), 'utf8'),
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('day,mon');
  });

  it('writes tours when the rules ask for them', async () => {
    const lines = ['interval_start,agents'];
    for (let d = 0; d < 7; d++)
      for (let h = 0; h < 24; h++)
        lines.push(`2024-01-0${d + 1}T${String(h).padStart(2, '0')}:00:00Z,${h >= 8 && h < 16 ? 2 : 0}`);
    const week = write('week.csv', `${lines.join('\n')}\n`);
    const tourRules = write(
      'tours.json',
      JSON.stringify({
        cyclicWeek: true,
        shiftTypes: [{ name: 'day', earliestStart: '08:00', latestStart: '08:00', lengthsMinutes: [480] }],
        tours: { minShiftsPerWeek: 5, maxShiftsPerWeek: 5 },
      }),
    );
    const r = await runStaffcast(['schedule', week, '--rules', tourRules], { cwd: dir });
    expect(r.code).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {})).toEqual([
      'type',
      'length_minutes',
      'work_days',
      'start_times',
      'paid_hours_per_week',
      'count',
    ]);
    // 14 shifts of demand need 3 tours of 5 days
    expect(rows.reduce((a, row) => a + Number(row.count), 0)).toBe(3);
    expect(r.stderr).toMatch(/3 tours/);
  });

  it('reads a requirement in its own zone with --tz, and warns on stderr about intervals no shift can cover', async () => {
    // New York, Monday 27 Oct 2003 07:00-09:00 (hourly rows); open 07:00-09:00, shifts of 1 h from 07:00 only
    const ny = write(
      'req_ny.csv',
      'interval_start,agents\n2003-10-27T07:00:00-05:00,2\n2003-10-27T08:00:00-05:00,3\n',
    );
    const oneHour = write(
      'one_hour.json',
      JSON.stringify({
        shiftTypes: [{ name: 'd', earliestStart: '07:00', latestStart: '07:00', lengthsMinutes: [60] }],
      }),
    );
    const wrong = await runStaffcast(['schedule', ny, '--rules', oneHour], { cwd: dir });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toBe(
      "staffcast: req_ny.csv:2:interval_start: offset differs from UTC's at that instant (2003-10-27T12:00:00Z); give the requirement's zone with --tz (got '2003-10-27T07:00:00-05:00')\n",
    );
    const r = await runStaffcast(['schedule', ny, '--rules', oneHour, '--tz', 'America/New_York'], {
      cwd: dir,
    });
    expect(r.code).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => [row.start, row.end, row.count])).toEqual([
      ['2003-10-27T07:00:00-05:00', '2003-10-27T08:00:00-05:00', '2'],
    ]);
    expect(r.stderr).toContain(
      'schedule: warning: 1 interval (3 agent-intervals required) cannot be covered by any shift of the rules (start times, lengths, days and opening hours do not reach them; they count as under-coverage): Mon 27 Oct 08:00-09:00\n',
    );
  });

  it('exits 1 naming the file and field for rules with an unknown key', async () => {
    const bad = write(
      'bad.json',
      JSON.stringify({
        shiftTypes: [{ name: 'd', earliestStart: '00:00', latestStart: '00:00', lengthsMinutes: [60] }],
        foo: 1,
      }),
    );
    const r = await runStaffcast(['schedule', requirement, '--rules', bad], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^staffcast: bad\.json: unknown key "foo" \(known keys: /);
  });

  it('exits 1 with an INFEASIBLE message naming the cap and the interval', async () => {
    const capped = write(
      'capped.json',
      JSON.stringify({
        shiftTypes: [{ name: 'd', earliestStart: '00:00', latestStart: '04:00', lengthsMinutes: [240] }],
        caps: { maxAgentsPerInterval: 1 },
        coverage: { allowUnderCoverage: false },
      }),
    );
    const r = await runStaffcast(['schedule', requirement, '--rules', capped], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /caps\.maxAgentsPerInterval \(1\) is below the 2 agents required in interval 2024-01-01T02:00:00Z/,
    );
  });

  it('exits 2 for a bad --format, a missing --rules, a bad --time-limit or a bad --work-limit', async () => {
    expect(
      (await runStaffcast(['schedule', requirement, '--rules', rules, '--format', 'xml'], { cwd: dir })).code,
    ).toBe(2);
    expect((await runStaffcast(['schedule', requirement], { cwd: dir })).code).toBe(2);
    expect(
      (await runStaffcast(['schedule', requirement, '--rules', rules, '--time-limit', '0'], { cwd: dir }))
        .code,
    ).toBe(2);
    for (const bad of ['0', '2.5'])
      expect(
        (await runStaffcast(['schedule', requirement, '--rules', rules, '--work-limit', bad], { cwd: dir }))
          .code,
      ).toBe(2);
  });

  it('exits 1 when the requirement file does not exist', async () => {
    const r = await runStaffcast(['schedule', 'missing.csv', '--rules', rules], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot read missing\.csv: no such file/);
  });

  it('exits 1 naming line and column of rules that are not JSON', async () => {
    const broken = write('broken.json', '{\n  "shiftTypes": [],\n}\n');
    const r = await runStaffcast(['schedule', requirement, '--rules', broken], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'staffcast: broken.json: not valid JSON at line 3, column 1: Expected double-quoted property name\n',
    );
  });

  it('exits 1 naming the file line of a blank cell in the --column to cover', async () => {
    const partial = write(
      'partial.csv',
      'interval_start,agents,scheduled_agents\n2024-01-01T02:00:00Z,2,2\n\n2024-01-01T03:00:00Z,2,\n',
    );
    const r = await runStaffcast(['schedule', partial, '--rules', rules, '--column', 'scheduled_agents'], {
      cwd: dir,
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("staffcast: partial.csv:4:scheduled_agents: must not be empty (got '')\n");
    const missing = await runStaffcast(
      ['schedule', requirement, '--rules', rules, '--column', 'scheduled_agents'],
      {
        cwd: dir,
      },
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(
      "staffcast: req.csv:1: missing column 'scheduled_agents' (header has: interval_start, agents)\n",
    );
  });
});
