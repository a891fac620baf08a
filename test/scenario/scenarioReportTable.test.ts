import { describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../src/report/html.js';
import { validateReportInput } from '../../src/report/validate.js';
import { scenarioReportTable } from '../../src/scenario/scenarioReportTable.js';
import type { ScenarioRow } from '../../src/scenario/scenarioRow.js';

const row = (name: string, over: Partial<ScenarioRow> = {}): ScenarioRow => ({
  name,
  forecastCalls: 1000,
  agentHours: 100,
  fte: 3,
  fteBasis: 'paid hours per week / 40 h',
  peakAgents: 12,
  scheduleCost: 150,
  scheduleStatus: 'optimal',
  scheduleStoppedBy: 'gap',
  scheduleGap: 0,
  serviceLevel: 0.82,
  asaSeconds: 9,
  abandonRate: 0.03,
  outboundCalls: null,
  scheduled: true,
  ...over,
});

describe('scenarioReportTable', () => {
  it('has one row per scenario in order and one column per figure, outbound NaN where missing', () => {
    const t = scenarioReportTable([row('base'), row('busy', { agentHours: 120, outboundCalls: 40 })]);
    expect(t.columns).toEqual([
      { label: 'Contacts', unit: 'count' },
      { label: 'Agent-hours', unit: 'hours' },
      { label: 'FTE', unit: 'fte' },
      { label: 'Peak agents', unit: 'agents' },
      { label: 'Schedule cost', unit: 'money' },
      { label: 'Service level', unit: 'fraction' },
      { label: 'ASA', unit: 'seconds' },
      { label: 'Abandonment', unit: 'fraction' },
      { label: 'Outbound calls', unit: 'count' },
    ]);
    expect(t.rows.map((r) => r.name)).toEqual(['base', 'busy']);
    expect(t.rows[0]!.values).toEqual([1000, 100, 3, 12, 150, 0.82, 9, 0.03, Number.NaN]);
    expect(t.rows[1]!.values).toEqual([1000, 120, 3, 12, 150, 0.82, 9, 0.03, 40]);
  });

  it("puts ' *' (work budget) or ' !' (wall clock) after the name of a scenario whose schedule was not proven optimal", () => {
    const t = scenarioReportTable([
      row('base'),
      row('busy', { scheduleStatus: 'feasible', scheduleStoppedBy: 'work' }),
      row('late', { scheduleStatus: 'feasible', scheduleStoppedBy: 'time' }),
    ]);
    expect(t.rows.map((r) => r.name)).toEqual(['base', 'busy *', 'late !']);
  });

  it('leaves out the columns no scenario has a figure for (cost and outbound without scheduling)', () => {
    const t = scenarioReportTable([
      row('base', {
        scheduleCost: null,
        scheduleStatus: null,
        scheduleStoppedBy: null,
        scheduleGap: null,
        scheduled: false,
      }),
    ]);
    expect(t.columns.map((c) => c.label)).toEqual([
      'Contacts',
      'Agent-hours',
      'FTE',
      'Peak agents',
      'Service level',
      'ASA',
      'Abandonment',
    ]);
    expect(t.rows[0]!.values).toHaveLength(7);
  });

  it('is a valid report scenario table that renders with the scenario names escaped', async () => {
    const scenarios = scenarioReportTable([row('base'), row('<busy & co>', { agentHours: 130 })]);
    const input = {
      title: 'plan',
      timeZone: 'UTC',
      intervalMinutes: 60,
      generatedAt: 0,
      forecast: { starts: [0, 3_600_000], calls: [10, 12] },
      staffing: { starts: [0, 3_600_000], requiredAgents: [3, 4], scheduledAgents: [3, 4] },
      summary: {},
      scenarios,
    };
    expect(() => validateReportInput(input)).not.toThrow();
    const html = await renderReportHtml(input);
    expect(html).toContain('Scenario comparison');
    expect(html).toContain('&lt;busy &amp; co&gt;');
  });
});
