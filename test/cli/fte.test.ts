import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fteOf } from '../../src/staffing/fte.js';
import { runStaffcast } from './run.js';

// one plan (3 days, a MIP limit long enough to prove the schedule optimal), every place that prints FTE
const cwd = fileURLToPath(new URL('../fixtures/scenario/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'fte-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface PlanSummaryJson {
  fte: number;
  fteBasis: string;
  paidHours: number;
  requiredScheduledAgentHours: number;
  scheduleStatus: string;
}

describe('FTE: one definition in every place that prints it', () => {
  let summary: PlanSummaryJson;
  let planStdout: string;
  beforeAll(async () => {
    const r = await runStaffcast(['plan', '--config', 'plan-short.json', '-o', dir], { cwd });
    expect(r.code).toBe(0);
    planStdout = r.stdout;
    summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')).summary;
    expect(summary.scheduleStatus).toBe('optimal');
  }, 120_000);

  it('plan: summary.json, the terminal summary and the report cards give paid hours / 3 days x 7 / 40 h', () => {
    expect(summary.fte).toBe(fteOf(summary.paidHours, { horizonDays: 3, paidHoursPerWeek: 40 }));
    expect(summary.fteBasis).toBe('paid hours per week / 40 h');
    const shown = summary.fte.toFixed(1);
    expect(planStdout).toMatch(new RegExp(`^FTE \\(paid hours per week / 40 h\\)\\s+${shown}$`, 'm'));
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain(
      `<div class="label">FTE (paid hours per week / 40 h)</div><div class="value">${shown}</div>`,
    );
  });

  it('scenario: the base row with a schedule is the plan figure', async () => {
    const file = join(dir, 'base-only.json');
    writeFileSync(file, JSON.stringify({ base: join(cwd, 'plan-short.json'), variants: [] }));
    const r = await runStaffcast(['scenario', file, '--json'], { cwd });
    expect(r.code).toBe(0);
    const [base] = JSON.parse(r.stdout);
    expect(base.scheduleStatus).toBe('optimal');
    expect(base.fte).toBe(summary.fte);
    expect(base.fteBasis).toBe(summary.fteBasis);
  }, 120_000);

  it('staff and scenario --no-schedule: the same requirement gives the same FTE (scheduled agent-hours)', async () => {
    const requirementFte = fteOf(summary.requiredScheduledAgentHours, { horizonDays: 3 });
    const staff = await runStaffcast(
      [
        'staff',
        join(dir, 'forecast.csv'),
        '--sl',
        '80/20',
        '--aht',
        '300',
        '--patience',
        '180',
        '--shrinkage',
        '0.3',
        '--tz',
        'America/New_York',
        '--horizon-days',
        '3',
        '-o',
        join(dir, 'r.csv'),
        '--summary',
        join(dir, 's.json'),
      ],
      { cwd },
    );
    expect(staff.code).toBe(0);
    const s = JSON.parse(readFileSync(join(dir, 's.json'), 'utf8'));
    expect(s.scheduledAgentHours).toBeCloseTo(summary.requiredScheduledAgentHours, 9);
    expect(s.fte).toBeCloseTo(requirementFte, 9);
    expect(s.fteBasis).toBe('scheduled agent-hours per week / 40 h');
    expect(staff.stderr).toContain(
      `${requirementFte.toFixed(1)} FTE (scheduled agent-hours per week / 40 h, 3-day horizon)`,
    );
    const file = join(dir, 'base-only.json');
    writeFileSync(file, JSON.stringify({ base: join(cwd, 'plan-short.json'), variants: [] }));
    const scenario = await runStaffcast(['scenario', file, '--json', '--no-schedule'], { cwd });
    expect(scenario.code).toBe(0);
    expect(JSON.parse(scenario.stdout)[0].fte).toBeCloseTo(requirementFte, 9);
  }, 60_000);
});
