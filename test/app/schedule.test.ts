import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../src/app/progress.js';
import { runSchedule, scheduleMessages } from '../../src/app/schedule.js';
import { writeScheduleCsv } from '../../src/io/scheduleCsv.js';

const dir = mkdtempSync(join(tmpdir(), 'staffcast-app-schedule-'));
const write = (name: string, content: string) => {
  writeFileSync(join(dir, name), content);
  return name;
};
// 2 agents 02:00-06:00 on Monday 2024-01-01 (UTC); scheduled_agents 3 where present
const rows = [0, 0, 2, 2, 2, 2, 0, 0].map((a, h) => `2024-01-01T0${h}:00:00Z,${a},${a === 0 ? 0 : 3}`);
const requirement = write('req.csv', `interval_start,agents,scheduled_agents\n${rows.join('\n')}\n`);
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
const base = {
  requirementFile: requirement,
  rulesFile: rules,
  cwd: dir,
  timeZone: 'UTC',
  timeLimitSeconds: 60,
};

describe('runSchedule', () => {
  it('covers scheduled_agents by default and agents with column, in the one schedule.csv format', async () => {
    const events: ProgressEvent[] = [];
    const run = await runSchedule({ ...base, format: 'csv', onProgress: (e) => events.push(e) });
    expect(run.output).toBe(writeScheduleCsv(run.schedule.shifts, 'UTC'));
    const shifts = parse(run.output, { columns: true }) as Record<string, string>[];
    expect(shifts.map((s) => [s.start, s.count])).toEqual([['2024-01-01T02:00:00Z', '3']]);
    const agents = await runSchedule({ ...base, format: 'csv', column: 'agents' });
    expect(agents.schedule.shifts.map((s) => s.count)).toEqual([2]);
    expect(events.filter((e) => e.phase === 'done').map((e) => [e.step, e.detail])).toEqual([
      ['read', '8 intervals of 60 minutes'],
      ['schedule', 'optimal, 3 shifts'],
    ]);
  });

  it('returns the JSON document, the coverage CSV and the messages for the planner', async () => {
    const run = await runSchedule({ ...base, format: 'json', column: 'agents' });
    expect(JSON.parse(run.output).coverage.map((c: { net: number }) => c.net)).toEqual([
      0, 0, 2, 2, 2, 2, 0, 0,
    ]);
    const coverage = run.coverageCsv.split('\n');
    expect(coverage[0]).toBe(
      'interval_start,calls,required_agents,required_scheduled,scheduled,on_break,net,on_phone,under,over,service_level,asa_seconds,abandon_rate,occupancy',
    );
    expect(coverage[3]).toBe('2024-01-01T02:00:00Z,,2,2,2,0,2,,0,0,,,,');
    expect(run.messages).toEqual(scheduleMessages(run.schedule));
    expect(run.messages[0]).toBe(
      'schedule: status optimal, objective 8.00, gap 0.00% (bound 8.00), 2 shifts, breaks explicit\n',
    );
  });

  it('writes coverage.csv in the format of plan: required_agents the agents column, required_scheduled the one covered', async () => {
    const byDefault = await runSchedule({ ...base, format: 'csv' });
    expect(byDefault.coverageCsv.split('\n')[3]).toBe('2024-01-01T02:00:00Z,,2,3,3,0,3,,0,0,,,,');
    // the scheduled_agents column named: it is read in place of agents, so the on-phone need is not known
    const named = await runSchedule({ ...base, format: 'csv', column: 'scheduled_agents' });
    expect(named.coverageCsv.split('\n')[3]).toBe('2024-01-01T02:00:00Z,,,3,3,0,3,,0,0,,,,');
    const withCalls = write(
      'calls.csv',
      `interval_start,calls,agents\n${rows.map((r, h) => `${r.split(',').slice(0, 1)},${10 * h},${r.split(',')[1]}`).join('\n')}\n`,
    );
    const run = await runSchedule({ ...base, requirementFile: withCalls, format: 'csv' });
    expect(run.coverageCsv.split('\n')[3]).toBe('2024-01-01T02:00:00Z,20,2,2,2,0,2,,0,0,,,,');
  });

  it('reads the requirement from stdin for -', async () => {
    const stdin = Readable.from([
      `interval_start,agents\n${rows.map((r) => r.split(',').slice(0, 2).join(',')).join('\n')}\n`,
    ]);
    const run = await runSchedule({ ...base, requirementFile: '-', stdin, format: 'csv' });
    expect(run.schedule.shifts.map((s) => s.count)).toEqual([2]);
  });

  it('rejects a requirement with several queues, naming the file', async () => {
    const multi = write(
      'multi.csv',
      'interval_start,queue,agents\n2024-01-01T02:00:00Z,a,1\n2024-01-01T02:00:00Z,b,1\n' +
        '2024-01-01T03:00:00Z,a,1\n2024-01-01T03:00:00Z,b,1\n',
    );
    await expect(runSchedule({ ...base, requirementFile: multi, format: 'csv' })).rejects.toThrow(
      'multi.csv: several queues in one requirement; schedule one queue at a time',
    );
  });
});
