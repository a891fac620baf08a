import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program.js';
import { readForecastCsvByQueue } from '../../src/io/readForecastCsv.js';
import { readRequirementCsv, writeRequirementCsv } from '../../src/io/requirementCsv.js';
import { requiredAgents } from '../../src/queueing/requiredAgents.js';
import { readStaffingConfig } from '../../src/schemas/staffingConfig.js';
import { multiQueuePlan } from '../../src/staffing/multiQueuePlan.js';
import { runStaffcast } from './run.js';

const FORECAST =
  'interval_start,calls,aht_seconds\n2024-01-01T09:00:00Z,100,180\n2024-01-01T09:30:00Z,120,200\n';
const NO_AHT = 'interval_start,calls\n2024-01-01T09:00:00Z,100\n2024-01-01T09:30:00Z,120\n';
const BANK = new URL('../fixtures/staffing/bank_feb1999_forecast_week.csv', import.meta.url);

describe('staffcast staff', () => {
  it('day scope keeps half the target in every interval by default and names the worst interval (time, SL, abandonment)', async () => {
    // one day of 8 half-hours: 62 calls at opening, then 400 per half hour
    const rows = [62, 400, 400, 400, 400, 400, 400, 400].map(
      (c, i) =>
        `2024-01-01T${String(8 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 === 0 ? '00' : '30'}:00Z,${c}`,
    );
    const stdin = `interval_start,calls\n${rows.join('\n')}\n`;
    const argv = ['staff', '-', '--sl', '80/20', '--aht', '300', '--patience', '180', '--scope', 'day'];
    const noFloor = await runStaffcast([...argv, '--min-interval-sl', '0'], { stdin });
    expect(noFloor.code).toBe(0);
    // without a floor one busy half hour is left 1 agent: the summary names it
    expect(noFloor.stderr).toContain(
      'worst interval 2024-01-01T11:00:00Z: SL 0.0%, abandonment 98.5%, 1 agents',
    );
    expect(noFloor.stderr).toContain(
      'staff: day scope: every interval keeps at least 0.0% within 20 s (--min-interval-sl)',
    );
    const run = await runStaffcast(argv, { stdin });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      'staff: day scope: every interval keeps at least 40.0% within 20 s (default: half the day target; --min-interval-sl changes it, 0 drops it)',
    );
    const req = readRequirementCsv(run.stdout);
    expect(req.serviceLevel.length).toBeGreaterThan(0);
    for (const sl of req.serviceLevel) expect(sl).toBeGreaterThanOrEqual(0.4);
    const worst = /worst interval (\S+): SL ([\d.]+)%, abandonment ([\d.]+)%, (\d+) agents/.exec(run.stderr);
    expect(worst).not.toBeNull();
    const i = req.serviceLevel.indexOf(Math.min(...req.serviceLevel));
    expect(Number(worst![2])).toBeCloseTo(100 * req.serviceLevel[i]!, 1);
    expect(Number(worst![3])).toBeCloseTo(100 * req.abandonRate[i]!, 1);
    expect(Number(worst![4])).toBe(req.agents[i]);
  });

  it('writes the requirement CSV from stdin with the agents requiredAgents gives each row, summary on stderr', async () => {
    const run = await runStaffcast(['staff', '-', '--sl', '80/20', '--shrinkage', '0.3'], {
      stdin: FORECAST,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      'interval_start,calls,aht_seconds,agents,scheduled_agents,service_level,asa_seconds,abandon_rate,occupancy\n' +
        '2024-01-01T09:00:00Z,100,180,14,20,0.8884,7.8359,0,0.7143\n' +
        '2024-01-01T09:30:00Z,120,200,17,25,0.8217,14.0352,0,0.7843\n',
    );
    expect(run.stderr).toBe(
      // FTE: (20 + 25) scheduled agents x 0.5 h over a 7-day horizon (one date, a whole week) / 40 h
      'staff: 2 intervals, erlang-c, scope interval: 15.5 agent-hours on the phones, 0.6 FTE ' +
        '(scheduled agent-hours per week / 40 h, 7-day horizon), peak 17 agents ' +
        'at 2024-01-01T09:30:00Z, worst interval 2024-01-01T09:30:00Z: SL 82.2%, abandonment 0.0%, 17 agents\n',
    );
    const req = readRequirementCsv(run.stdout);
    for (let i = 0; i < 2; i++) {
      const demand = { callsPerInterval: req.calls[i]!, intervalMinutes: 30, ahtSeconds: req.ahtSeconds[i]! };
      expect(req.agents[i]).toBe(requiredAgents(demand, { serviceLevel: 0.8, thresholdSeconds: 20 }).agents);
    }
  });

  it('reports the day-scope saving on the bank forecast and writes -o', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'staff-'));
    const run = await runStaffcast(
      [
        'staff',
        BANK.pathname,
        '--sl',
        '80/20',
        '--patience',
        '120',
        '--scope',
        'day',
        '--min-interval-sl',
        '0.5',
        '--tz',
        'Asia/Jerusalem',
        '-o',
        'req.csv',
      ],
      { cwd: dir },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('staff: 336 intervals, erlang-a, scope day: 525.5 agent-hours');
    expect(run.stderr).toContain(
      'staff: interval scope would need 576 agent-hours; day scope saves 50.5 (8.8%)',
    );
    const req = readRequirementCsv(readFileSync(join(dir, 'req.csv'), 'utf8'), {
      timeZone: 'Asia/Jerusalem',
    });
    expect(req.agents.reduce((s, a) => s + a, 0) / 2).toBe(525.5);
    const again = await runStaffcast(
      [
        'staff',
        BANK.pathname,
        '--sl',
        '80/20',
        '--patience',
        '120',
        '--tz',
        'Asia/Jerusalem',
        '-o',
        'r.csv',
        '--summary',
        's.json',
      ],
      { cwd: dir },
    );
    expect(again.code).toBe(0);
    const summary = JSON.parse(readFileSync(join(dir, 's.json'), 'utf8'));
    expect(summary.agentHours).toBe(576);
    expect(summary.days.length).toBe(7);
    expect(summary.days[0].start).toBe('1999-03-01');
    expect(summary.days.reduce((s: number, d: { agentHours: number }) => s + d.agentHours, 0)).toBe(576);
    expect(summary.weeks).toEqual([{ start: '1999-03-01', agentHours: 576, fte: 576 / 40 }]);
    expect(summary.fte).toBe(576 / 40);
  });

  it('plans several queues from a queue column and a config, with totals', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'staff-'));
    writeFileSync(
      join(dir, 'cfg.json'),
      JSON.stringify({
        queues: [{ name: 'sales' }, { name: 'mail', channel: 'email', deadlineMinutes: 60 }],
      }),
    );
    const csv =
      'interval_start,queue,calls,aht_seconds\n2024-01-01T09:00:00Z,sales,100,180\n2024-01-01T09:30:00Z,sales,120,200\n' +
      '2024-01-01T09:00:00Z,mail,30,360\n2024-01-01T09:30:00Z,mail,0,\n';
    const run = await runStaffcast(['staff', '-', '--sl', '80/20', '--config', 'cfg.json'], {
      stdin: csv,
      cwd: dir,
    });
    expect(run.code).toBe(0);
    const req = readRequirementCsv(run.stdout);
    expect(req.queue).toEqual(['sales', 'mail', 'sales', 'mail']);
    expect([...req.agents]).toEqual([14, 3, 17, 3]);
    expect(run.stderr).toContain('staff: queue sales (voice): 15.5 agent-hours');
    expect(run.stderr).toContain('staff: total: 18.5 agent-hours');
  });

  it('is a usage error (exit 2) without handle time and without a target; bad flags name the flag', async () => {
    const noAht = await runStaffcast(['staff', '-', '--sl', '80/20'], { stdin: NO_AHT });
    expect(noAht.code).toBe(2);
    expect(noAht.stderr).toBe(
      'staffcast: staff: stdin has no aht_seconds column: give the handle time with --aht <seconds>\n',
    );
    const noTarget = await runStaffcast(['staff', '-', '--aht', '180'], { stdin: NO_AHT });
    expect(noTarget.code).toBe(2);
    expect(noTarget.stderr).toBe(
      'staffcast: staff: give a target: --sl 80/20, --max-asa, --max-abandon or --max-occupancy (or a target in --config)\n',
    );
    const badSl = await runStaffcast(['staff', '-', '--sl', '120/20', '--aht', '180'], { stdin: NO_AHT });
    expect(badSl.code).toBe(2);
    expect(badSl.stderr).toContain("'120/20': the percentage must be 1..100.");
    const badShrink = await runStaffcast(
      ['staff', '-', '--sl', '80/20', '--aht', '180', '--shrinkage', '1.5'],
      {
        stdin: NO_AHT,
      },
    );
    expect(badShrink.code).toBe(2);
    expect(badShrink.stderr).toBe(
      "error: option '--shrinkage <fraction>' argument '1.5' is invalid. '1.5' must be a fraction between 0 and 1.\n",
    );
    const shrinkOne = await runStaffcast(
      ['staff', '-', '--sl', '80/20', '--aht', '180', '--shrinkage', '1'],
      {
        stdin: NO_AHT,
      },
    );
    expect(shrinkOne.stderr).toBe(
      "error: option '--shrinkage <fraction>' argument '1' is invalid. '1' must be a fraction in [0, 1).\n",
    );
  });

  it('reads a forecast piped from staffcast forecast (with quantiles) and staffs its 80% quantile', async () => {
    const history = new URL('../fixtures/history/anonymous_bank_feb1999_30min.csv', import.meta.url).pathname;
    const forecast = await runStaffcast([
      'forecast',
      history,
      '--horizon',
      '7',
      '--tz',
      'Asia/Jerusalem',
      '--quantiles',
      '0.5,0.9',
    ]);
    expect(forecast.code).toBe(0);
    const run = await runStaffcast(
      ['staff', '-', '--sl', '80/20', '--aht', '200', '--quantile', '0.8', '--tz', 'Asia/Jerusalem'],
      { stdin: forecast.stdout },
    );
    expect(run.code).toBe(0);
    const req = readRequirementCsv(run.stdout, { timeZone: 'Asia/Jerusalem' });
    expect(req.starts.length).toBe(336);
    expect(run.stderr).toContain('staff: warning: --aht 200 overrides the aht_seconds column of stdin');
    expect(run.stderr).toContain('staff: 336 intervals, erlang-c, scope interval:');
  });

  it('takes handle time, patience and availability from calibrate --params-out when the forecast has no AHT', async () => {
    const withoutAht = readFileSync(BANK, 'utf8')
      .split('\n')
      .map((line) => line.split(',').slice(0, 2).join(','))
      .join('\n');
    const paramsFile = new URL('../fixtures/staffing/bank_feb1999_params.json', import.meta.url).pathname;
    const run = await runStaffcast(
      ['staff', '-', '--sl', '80/20', '--params', paramsFile, '--tz', 'Asia/Jerusalem'],
      { stdin: withoutAht },
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('staff: 336 intervals, erlang-a, scope interval:');
    const req = readRequirementCsv(run.stdout, { timeZone: 'Asia/Jerusalem' });
    // Monday 1 March 1999 09:00 local (row 18): workweek hour 9 of the fitted parameters
    const params = JSON.parse(readFileSync(paramsFile, 'utf8'));
    expect(req.ahtSeconds[18]).toBeCloseTo(params.ahtSecondsByHour.workweek[9], 3);
    const demand = {
      callsPerInterval: req.calls[18]!,
      intervalMinutes: 30,
      ahtSeconds: params.ahtSecondsByHour.workweek[9],
      patienceSeconds: params.patienceSecondsByHour.workweek[9],
    };
    const agents = requiredAgents(demand, { serviceLevel: 0.8, thresholdSeconds: 20 }).agents;
    expect(req.agents[18]).toBe(agents);
    expect(req.scheduledAgents[18]).toBe(Math.ceil(agents / params.availabilityFactor - 1e-9));
  });

  it('warns and uses --aht when the forecast also has handle time', async () => {
    const run = await runStaffcast(['staff', '-', '--sl', '80/20', '--aht', '100'], { stdin: FORECAST });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('staff: warning: --aht 100 overrides the aht_seconds column of stdin');
    expect(readRequirementCsv(run.stdout).ahtSeconds[1]).toBe(100);
  });

  it('exits 1 with the row named for a negative volume, and for a config naming an unknown queue', async () => {
    const negative = await runStaffcast(['staff', '-', '--sl', '80/20', '--aht', '180'], {
      stdin: 'interval_start,calls\n2024-01-01T09:00:00Z,-5\n2024-01-01T09:30:00Z,1\n',
    });
    expect(negative.code).toBe(1);
    expect(negative.stderr).toMatch(/^staffcast: stdin:2:calls: /);
    const dir = mkdtempSync(join(tmpdir(), 'staff-'));
    writeFileSync(join(dir, 'cfg.json'), JSON.stringify({ queues: [{ name: 'sales' }] }));
    const unknown = await runStaffcast(
      ['staff', '-', '--sl', '80/20', '--aht', '180', '--config', 'cfg.json', '--interval', '30'],
      {
        cwd: dir,
        stdin: 'interval_start,queue,calls\n2024-01-01T09:00:00Z,sales,5\n2024-01-01T09:00:00Z,support,5\n',
      },
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe(
      "staffcast: cfg.json: queue 'support' is in stdin but not in the config (config queues: sales)\n",
    );
  });
});

describe('staffcast staff --config spills queue rows to a temporary folder', () => {
  const config = {
    queues: [
      { name: 'sales', patienceSeconds: 90 },
      { name: '=care', channel: 'chat', concurrency: 2 },
      { name: 'mail', channel: 'email', deadlineMinutes: 60 },
    ],
  };
  const forecast = (ahtOfMail: string): string => {
    const lines = ['interval_start,queue,calls,aht_seconds'];
    for (let i = 0; i < 8; i++) {
      const at = new Date(Date.UTC(2024, 0, 1, 8) + i * 30 * 60_000).toISOString().replace('.000Z', 'Z');
      lines.push(
        `${at},sales,${40 + 5 * i},180`,
        `${at},=care,${20 + i},400`,
        `${at},mail,${10 + i},${ahtOfMail}`,
      );
    }
    return `${lines.join('\n')}\n`;
  };

  it('writes -o and stdout byte for byte as the in-memory plan, leaving nothing in TMPDIR or beside -o', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'staff-spill-'));
    const spillDir = mkdtempSync(join(tmpdir(), 'staff-spill-tmp-'));
    writeFileSync(join(dir, 'cfg.json'), JSON.stringify(config));
    writeFileSync(join(dir, 'f.csv'), forecast('300'));
    const argv = ['staff', 'f.csv', '--sl', '80/20', '--config', 'cfg.json'];
    const toFile = await runStaffcast([...argv, '-o', 'out.csv'], { cwd: dir, env: { TMPDIR: spillDir } });
    expect(toFile.stderr).toContain('staff: total: ');
    expect(toFile.code).toBe(0);
    const toStdout = await runStaffcast(argv, { cwd: dir, env: { TMPDIR: spillDir } });
    expect(toStdout.code).toBe(0);
    const forecasts = await readForecastCsvByQueue(join(dir, 'f.csv'), { timeZone: 'UTC' });
    const expected = writeRequirementCsv(
      multiQueuePlan(
        new Map([...forecasts].map(([queue, { forecast: f }]) => [queue, f])),
        readStaffingConfig(JSON.stringify(config)),
        { target: { serviceLevel: 0.8, thresholdSeconds: 20 }, scope: 'interval' },
      ).requirement,
    );
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe(expected);
    expect(toStdout.stdout).toBe(expected);
    expect(expected).toContain(",'=care,");
    expect(readdirSync(spillDir)).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['cfg.json', 'f.csv', 'out.csv']);
  });

  it('removes the spilled rows when a later queue fails or -o cannot be written, and writes no output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'staff-spill-'));
    const spillDir = mkdtempSync(join(tmpdir(), 'staff-spill-tmp-'));
    writeFileSync(join(dir, 'cfg.json'), JSON.stringify(config));
    writeFileSync(join(dir, 'bad.csv'), forecast('')); // mail: no handle time in any row
    writeFileSync(join(dir, 'good.csv'), forecast('300'));
    const failing = await runStaffcast(
      ['staff', 'bad.csv', '--sl', '80/20', '--config', 'cfg.json', '-o', 'out.csv'],
      { cwd: dir, env: { TMPDIR: spillDir } },
    );
    expect(failing.stderr).toContain("queue 'mail': ");
    expect(failing.code).toBe(1);
    const unwritable = await runStaffcast(
      ['staff', 'good.csv', '--sl', '80/20', '--config', 'cfg.json', '-o', 'no/out.csv'],
      { cwd: dir, env: { TMPDIR: spillDir } },
    );
    expect(unwritable.stderr).toContain('cannot write no/out.csv: no such folder');
    expect(unwritable.code).toBe(1);
    expect(readdirSync(spillDir)).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['bad.csv', 'cfg.json', 'good.csv']);
  });
});

describe('staffcast staff --config: threads and progress', () => {
  const config = { queues: [{ name: 'a' }, { name: 'b', channel: 'chat', concurrency: 2 }, { name: 'c' }] };
  const forecast = (() => {
    const lines = ['interval_start,queue,calls,aht_seconds'];
    for (let i = 0; i < 6; i++) {
      const at = new Date(Date.UTC(2024, 0, 1, 8) + i * 30 * 60_000).toISOString().replace('.000Z', 'Z');
      lines.push(`${at},a,${40 + i},180`, `${at},b,${20 + i},400`, `${at},c,${5 + i},240`);
    }
    return `${lines.join('\n')}\n`;
  })();

  async function runTty(
    argv: string[],
    cwd: string,
  ): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const code = await runCli(argv, {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      stdin: Readable.from([]),
      cwd,
      env: { TMPDIR: cwd },
      stderrIsTTY: true,
    });
    return { code, stdout, stderr };
  }

  it('gives the same CSV on --workers 2 as on --workers 1, and rejects --workers 0 as a usage error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'staff-workers-'));
    writeFileSync(join(dir, 'cfg.json'), JSON.stringify(config));
    writeFileSync(join(dir, 'f.csv'), forecast);
    const argv = ['staff', 'f.csv', '--sl', '80/20', '--config', 'cfg.json'];
    const one = await runStaffcast([...argv, '--workers', '1'], { cwd: dir });
    const two = await runStaffcast([...argv, '--workers', '2'], { cwd: dir });
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
    const zero = await runStaffcast([...argv, '--workers', '0'], { cwd: dir });
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain("--workers <n>' argument '0' is invalid");
  });

  it('draws the progress of reading, each queue and writing on a terminal, and none with -q', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'staff-progress-'));
    writeFileSync(join(dir, 'cfg.json'), JSON.stringify(config));
    writeFileSync(join(dir, 'f.csv'), forecast);
    const argv = ['staff', 'f.csv', '--sl', '80/20', '--config', 'cfg.json'];
    const shown = await runTty(argv, dir);
    expect(shown.code).toBe(0);
    expect(shown.stderr).toMatch(/staff: read +\s+[\d.]+ s {2}18 rows, 3 queues\n/);
    expect(shown.stderr).toContain('3/3');
    expect(shown.stderr).toMatch(/staff: queues +\s+[\d.]+ s {2}3 queues staffed\n/);
    expect(shown.stderr).toMatch(/staff: write +\s+[\d.]+ s {2}requirement rows merged by start\n/);
    const quiet = await runTty([...argv, '-q'], dir);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).toBe(shown.stdout);
    expect(quiet.stderr).not.toContain('\r');
    expect(quiet.stderr).toContain('staff: total: ');
    expect(readdirSync(dir).sort()).toEqual(['cfg.json', 'f.csv']);
  });
});
