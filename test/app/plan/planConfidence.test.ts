import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runPlan } from '../../../src/app/plan.js';

const fixtures = fileURLToPath(new URL('../../fixtures/plan/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'staffcast-plan-c-'));
const config = {
  history: { file: join(fixtures, 'bank_3weeks_5min.csv'), timeZone: 'America/New_York' },
  horizonDays: 3,
  outputIntervalMinutes: 30,
  forecast: { method: 'historical-average' },
  target: { serviceLevel: 0.8, thresholdSeconds: 20 },
  ahtSeconds: 300,
  rules: join(fixtures, 'rules.json'),
};
writeFileSync(join(dir, 'mean.json'), JSON.stringify(config));
writeFileSync(
  join(dir, 'c90.json'),
  JSON.stringify({ ...config, target: { ...config.target, confidence: 0.9 } }),
);

describe('a plan with target.confidence', () => {
  it('shows its premium in summary.json, the terminal and the report, with the cost-vs-confidence curve', async () => {
    const [mean, c90] = await Promise.all(
      ['mean.json', 'c90.json'].map((configFile) => runPlan({ configFile, cwd: dir, generatedAt: 0 })),
    );
    const summary = JSON.parse(c90!.files['summary.json']).summary;
    expect(summary.confidence.level).toBe(0.9);
    expect(summary.confidence.premium).toBeGreaterThan(0);
    expect(summary.confidence.curve.map((p: { confidence: number }) => p.confidence)).toEqual([
      0.5, 0.8, 0.9, 0.95,
    ]);
    const premiums = summary.confidence.curve.map((p: { premium: number }) => p.premium);
    premiums.forEach((p: number, i: number) => {
      if (i > 0) expect(p).toBeGreaterThanOrEqual(premiums[i - 1]);
    });
    expect(summary.confidence.line).toMatch(
      /^90% confidence: \+\d+\.\d% scheduled agent-hours over mean staffing$/,
    );
    expect(c90!.terminalSummary).toMatch(
      /Confidence: premium over mean staffing +90%: \+\d+\.\d% scheduled hours/,
    );
    expect(c90!.files['report.html']).toContain('Cost of confidence');
    expect(summary.requiredScheduledAgentHours).toBeCloseTo(summary.confidence.scheduledAgentHours, 6);
    expect(summary.confidence.meanScheduledAgentHours).toBeCloseTo(
      JSON.parse(mean!.files['summary.json']).summary.requiredScheduledAgentHours,
      6,
    );
    // the same forecast: the confidence changes staffing only
    expect(c90!.files['forecast.csv']).toBe(mean!.files['forecast.csv']);
  });

  it('writes no confidence figures without the key', async () => {
    const mean = await runPlan({ configFile: 'mean.json', cwd: dir, generatedAt: 0 });
    expect(mean.files['summary.json']).not.toContain('"confidence"');
    expect(mean.files['report.html']).not.toContain('Cost of confidence');
    expect(mean.terminalSummary).not.toContain('Confidence');
  });
});
