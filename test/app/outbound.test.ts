import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runOutbound } from '../../src/app/outbound.js';
import { freshDir, removeFreshDirs } from '../io/tempDir.js';

afterAll(removeFreshDirs);

// two queues at 09:00 (14 + 3 agents), one at 09:30
const REQUIREMENT =
  'interval_start,queue,calls,aht_seconds,agents,scheduled_agents\n' +
  '2024-01-01T09:00:00Z,a,100,180,14,20\n2024-01-01T09:00:00Z,b,10,180,3,5\n' +
  '2024-01-01T09:30:00Z,a,120,200,17,25\n';

function dirWith(files: Record<string, string>): string {
  const dir = freshDir('app-outbound');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('runOutbound', () => {
  it('reads net from a schedule --coverage file, whose on_phone column is empty, with the shrinkage given', async () => {
    const header =
      'interval_start,calls,required_agents,required_scheduled,scheduled,on_break,net,on_phone,under,over,service_level,asa_seconds,abandon_rate,occupancy';
    const baseDir = dirWith({
      'req.csv': REQUIREMENT,
      'coverage.csv': `${header}\n2024-01-01T09:00:00Z,,17,20,30,5,25,,0,5,,,,\n2024-01-01T09:30:00Z,,17,20,20,0,20,,0,0,,,,\n`,
    });
    const files = { requirement: 'req.csv', scheduled: 'coverage.csv', baseDir, ahtSeconds: 300 };
    const run = await runOutbound({ ...files, shrinkage: 0.2 });
    expect([run.column, run.scheduled]).toEqual(['net', [25, 20]]);
    await expect(runOutbound(files)).rejects.toThrow(
      "give --shrinkage <fraction>: the share of the agents in column 'net' of coverage.csv",
    );
  });

  it('adds the queues of one start, reads the net column with the shrinkage given and counts ignored schedule rows', async () => {
    const baseDir = dirWith({
      'req.csv': REQUIREMENT,
      'coverage.csv':
        'interval_start,scheduled,net\n2024-01-01T08:30:00Z,9,9\n2024-01-01T09:00:00Z,30,25\n2024-01-01T09:30:00Z,20,20\n',
    });
    const run = await runOutbound({
      requirement: 'req.csv',
      scheduled: 'coverage.csv',
      baseDir,
      ahtSeconds: 300,
      shrinkage: 0.2,
    });
    expect(run.column).toBe('net');
    expect(run.shrinkage).toBe(0.2);
    expect(run.required).toEqual([17, 17]);
    expect(run.scheduled).toEqual([25, 20]);
    expect(run.ignoredRows).toBe(1);
    // on the phones 25 x 0.8 = 20: 3 spare agents = 18 calls of 300 s; 20 x 0.8 = 16 < 17: short 1
    expect(run.csv).toBe(
      'interval_start,required_agents,scheduled_agents,spare_agents,outbound_calls,short_agents\n' +
        '2024-01-01T09:00:00Z,17,25,3,18,0\n2024-01-01T09:30:00Z,17,20,0,0,1\n',
    );
    expect(run.lines).toEqual([
      "outbound: agents from column 'net' of coverage.csv, shrinkage 0.2",
      'outbound: 18 calls of 300 s fit into 1.5 spare agent-hours over 2 intervals; 1 intervals are short of the inbound requirement; 1 schedule rows outside the requirement ignored',
    ]);
  });

  it('takes on_phone first, with no shrinkage on top, and refuses a shrinkage above 0 there', async () => {
    const baseDir = dirWith({
      'req.csv': REQUIREMENT,
      'coverage.csv': 'interval_start,net,on_phone\n2024-01-01T09:00:00Z,25,19\n2024-01-01T09:30:00Z,20,17\n',
    });
    const base = { requirement: 'req.csv', scheduled: 'coverage.csv', baseDir, ahtSeconds: 300 };
    const run = await runOutbound(base);
    expect(run.column).toBe('on_phone');
    expect(run.capacity.totalCalls).toBe(12);
    await expect(runOutbound({ ...base, shrinkage: 0.3 })).rejects.toMatchObject({
      code: 'USAGE',
      message: expect.stringContaining(
        "outbound: --shrinkage 0.3: column 'on_phone' of coverage.csv is already after shrinkage",
      ),
    });
  });

  it('needs a shrinkage for the net column and a --column to read a gross one', async () => {
    const baseDir = dirWith({
      'req.csv': REQUIREMENT,
      'net.csv': 'interval_start,net\n2024-01-01T09:00:00Z,25\n',
      'gross.csv': 'interval_start,scheduled_agents\n2024-01-01T09:00:00Z,25\n',
    });
    const base = { requirement: 'req.csv', baseDir, ahtSeconds: 300 };
    await expect(runOutbound({ ...base, scheduled: 'net.csv' })).rejects.toMatchObject({
      code: 'USAGE',
      message: expect.stringContaining('outbound: give --shrinkage <fraction>'),
    });
    await expect(runOutbound({ ...base, scheduled: 'gross.csv', shrinkage: 0 })).rejects.toMatchObject({
      code: 'CSV_ROW',
      message: expect.stringContaining("'scheduled_agents' counts agents on break too"),
    });
    const named = await runOutbound({
      ...base,
      scheduled: 'gross.csv',
      shrinkage: 0,
      column: 'scheduled_agents',
    });
    expect(named.scheduled).toEqual([25, 0]);
  });
});
