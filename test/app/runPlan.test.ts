import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PLAN_FILES, planFileContents } from '../../src/app/plan/planOutputs.js';
import { runPlan } from '../../src/app/plan.js';
import type { ProgressEvent } from '../../src/app/progress.js';

const fixtures = fileURLToPath(new URL('../fixtures/plan/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'staffcast-run-plan-'));
writeFileSync(join(dir, 'broken.json'), '{ "history": ');
writeFileSync(
  join(dir, 'plan.json'),
  JSON.stringify({
    history: { file: join(fixtures, 'bank_3weeks_5min.csv'), timeZone: 'America/New_York' },
    horizonDays: 3,
    outputIntervalMinutes: 30,
    target: { serviceLevel: 0.8, thresholdSeconds: 20 },
    ahtSeconds: 300,
    rules: join(fixtures, 'rules.json'),
  }),
);

describe('runPlan', () => {
  it('reads the config file, plans, and renders the six files, the row accounting and the summary', async () => {
    const events: ProgressEvent[] = [];
    const run = await runPlan({
      configFile: 'plan.json',
      cwd: dir,
      generatedAt: 0,
      onProgress: (e) => events.push(e),
    });
    expect(Object.keys(run.files)).toEqual([...PLAN_FILES]);
    const { 'report.html': html, ...csv } = run.files;
    const { 'report.html': _same, ...expected } = planFileContents(run.result, html);
    expect(csv).toEqual(expected);
    expect(html).toContain('staffcast');
    expect(run.readReportText).toMatch(/^read [\d,]+ rows/);
    expect(run.terminalSummary).toMatch(/Service level/);
    expect(run.terminalSummary).not.toContain('\x1b[');
    expect(events.filter((e) => e.phase === 'done').map((e) => e.step)).toEqual([
      'read',
      'forecast',
      'staff',
      'schedule',
      'evaluate',
      'simulate',
    ]);
  }, 120_000);

  it('names the config of a file that is not JSON, and a config that cannot be read', async () => {
    await expect(runPlan({ configFile: 'broken.json', cwd: dir })).rejects.toMatchObject({ code: 'CONFIG' });
    await expect(runPlan({ configFile: 'missing.json', cwd: dir })).rejects.toThrow(
      'cannot read missing.json: no such file',
    );
  });
});
