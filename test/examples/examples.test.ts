import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Runs `examples/<file>` as a user would (`npx tsx examples/<file>`), with node + the tsx loader. */
function runExample(file: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', `examples/${file}`], {
    cwd: root,
    encoding: 'utf8',
    timeout: 50_000,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('examples/', () => {
  it('staff-one-interval.ts staffs 100 calls / 30 min at 80/20 with 14 agents (Erlang C), 12 with patience, 20 scheduled', () => {
    const r = runExample('staff-one-interval.ts');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Offered load: 10 Erlangs');
    expect(r.stdout).toMatch(/Erlang C: 14 agents -> service level 88\.8%/);
    expect(r.stdout).toMatch(/with 13 agents: service level 7\d\.\d% \(misses 80%\)/);
    expect(r.stdout).toMatch(/Erlang A \(patience 120 s\): 12 agents/);
    expect(r.stdout).toContain('Scheduled with 30.0% shrinkage: Erlang C 20, Erlang A 18');
  });

  it('week-plan-from-csv.ts reads the bundled CSV and prints a 5-weekday plan with a peak and service level >= 80%', () => {
    const r = runExample('week-plan-from-csv.ts');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Read 27716 rows of 5-minute history');
    expect(r.stdout).toMatch(/Forecast: \d+ open intervals, method /);
    expect(r.stdout).toMatch(
      /Scheduled agent-hours for the week: \d+\.\d \(\d+\.\d FTE: scheduled agent-hours per week \/ 40 h\)/,
    );
    const days = r.stdout.match(/^ {2}2003-\d\d-\d\d: \d+\.\d agent-hours$/gm) ?? [];
    expect(days.length).toBeGreaterThanOrEqual(5);
    expect(r.stdout).toMatch(/Peak: \d+ agents at 2003-\d\d-\d\dT\d\d:\d\d:00-0[45]:00/);
    const worst = /Lowest planned service level: (\d+\.\d)%/.exec(r.stdout);
    expect(Number(worst?.[1])).toBeGreaterThanOrEqual(80);
  });

  it('schedule-from-array.ts covers the hand-written requirement with no under-coverage and lists shifts', () => {
    const r = runExample('schedule-from-array.ts');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Status: (optimal|feasible), cost \d+\.\d\d, gap \d+\.\d\d%$/m);
    expect(r.stdout).toContain('Under-coverage: 0 agent-intervals');
    expect(r.stdout).toMatch(/^ {2}\d+ x full-time \d\d:\d\d-\d\d:\d\d \(lunch \d\d:\d\d\)$/m);
    const agents = Number(/Agents scheduled: (\d+)/.exec(r.stdout)?.[1]);
    // peak requirement is 15 on the phones; lunches mean more must be on shift
    expect(agents).toBeGreaterThanOrEqual(15);
  });

  it('what-if-sweep.ts prints agent-hours for 90..120% volume, increasing, and slower than volume', () => {
    const r = runExample('what-if-sweep.ts');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const rows = [...r.stdout.matchAll(/^ +(\d+)% +(\d+\.\d) +(-?\d+\.\d)%$/gm)].map((m) => ({
      volume: Number(m[1]),
      hours: Number(m[2]),
      change: Number(m[3]),
    }));
    expect(rows.map((x) => x.volume)).toEqual([90, 100, 110, 120]);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.hours).toBeGreaterThan(rows[i - 1]!.hours);
    expect(rows[1]!.change).toBe(0);
    // economies of scale: +20% volume needs less than +20% agent-hours, but more than +10%
    expect(rows[3]!.change).toBeLessThan(20);
    expect(rows[3]!.change).toBeGreaterThan(10);
  });
});
