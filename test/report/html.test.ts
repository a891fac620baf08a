import { describe, expect, it } from 'vitest';
import { HEATMAP_CELL_MARK } from '../../src/report/charts/heatmapChart.js';
import { renderReportHtml } from '../../src/report/html.js';
import type { ReportInput } from '../../src/report/types.js';
import { sampleReportInput } from './sampleInput.js';
import { syntheticInput } from './syntheticInput.js';

const count = (s: string, needle: string) => s.split(needle).length - 1;

/** The `<path>` count in the heat map's cell mark group. */
function heatmapCellCount(html: string): number {
  const m = new RegExp(`<g class="mark-rect role-mark ${HEATMAP_CELL_MARK}_marks"[^>]*>(.*?)</g>`).exec(html);
  if (!m) throw new Error('heat-map cell group not found');
  return count(m[1]!, '<path');
}

const withScenarios = (input: ReportInput): ReportInput => ({
  ...input,
  scenarios: {
    columns: [
      { label: 'Agent-hours', unit: 'hours' },
      { label: 'Service level', unit: 'fraction' },
    ],
    rows: [
      { name: 'Base', values: [100, 0.8] },
      { name: '<b>x</b>', values: [110, Number.NaN] },
    ],
  },
});

describe('renderReportHtml', () => {
  it('is one self-contained document: no script, no external src/href/url, no @import', async () => {
    const html = await renderReportHtml(withScenarios(sampleReportInput()));
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\s(?:src|href|xlink:href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*["']?(?:https?:)?\/\//i);
    expect(html).not.toMatch(/@import/i);
    expect(html).not.toMatch(/<link/i);
  });

  it('has one <svg> per chart: forecast, staffing, service level, heat map, plus scenarios when given', async () => {
    const input = syntheticInput();
    expect(count(await renderReportHtml(input), '<svg')).toBe(4);
    expect(count(await renderReportHtml(withScenarios(input)), '<svg')).toBe(5);
    const { serviceLevel: _sl, ...noServiceLevel } = input;
    expect(count(await renderReportHtml(noServiceLevel), '<svg')).toBe(3);
  });

  it('shows a per-queue table with formatted figures and escaped names, only when there are queues', async () => {
    const input: ReportInput = {
      ...syntheticInput(),
      queues: [
        {
          name: 'voice',
          channel: 'voice',
          forecastCalls: 12345.6,
          requiredAgentHours: 100.25,
          peakRequiredAgents: 14,
          serviceLevel: 0.8234,
          asaSeconds: 12.34,
          abandonRate: 0.031,
        },
        { name: '<b>mail</b>', channel: 'email', forecastCalls: 50 },
      ],
    };
    const html = await renderReportHtml(input);
    expect(count(html, '<h2>By queue</h2>')).toBe(1);
    expect(html).toContain(
      '<tr><td>voice</td><td>voice</td><td>12,346</td><td>100.3</td><td>14</td><td>82.3%</td><td>12.3 s</td><td>3.1%</td></tr>',
    );
    expect(html).toContain('<td>&lt;b&gt;mail&lt;/b&gt;</td><td>email</td><td>50</td><td>–</td>');
    expect(html).not.toContain('<b>mail</b>');
    expect(await renderReportHtml(syntheticInput())).not.toContain('By queue');
  });

  it('shows the shifts as a grid: start-end and type by day, agents and paid hours per row, totals', async () => {
    const shift = (date: string, type: string, startTime: string, endTime: string, count: number) => ({
      date,
      type,
      startTime,
      endTime,
      count,
      paidMinutes: type === 'full-time' ? 450 : 240,
    });
    const input: ReportInput = {
      ...syntheticInput(),
      shifts: [
        shift('2003-10-28', 'full-time', '07:00', '15:00', 3),
        shift('2003-10-27', 'full-time', '07:00', '15:00', 14),
        // the same shift with other break times: added to the same cell
        shift('2003-10-27', 'full-time', '07:00', '15:00', 1),
        shift('2003-10-27', '<b>part</b>', '12:00', '16:00', 2),
      ],
    };
    const html = await renderReportHtml(input);
    expect(count(html, '<h2>Shifts</h2>')).toBe(1);
    expect(html).toContain(
      '<thead><tr><th>Shift</th><th>Type</th><th>Mon 27 Oct</th><th>Tue 28 Oct</th><th>Agents</th><th>Paid hours</th></tr></thead>',
    );
    expect(html).toContain(
      '<tr><td>07:00–15:00</td><td>full-time</td><td>15</td><td>3</td><td>18</td><td>135.0</td></tr>',
    );
    expect(html).toContain(
      '<tr><td>12:00–16:00</td><td>&lt;b&gt;part&lt;/b&gt;</td><td>2</td><td></td><td>2</td><td>8.0</td></tr>',
    );
    expect(html).toContain(
      '<tr class="total"><td>Total</td><td></td><td>17</td><td>3</td><td>20</td><td>143.0</td></tr>',
    );
    expect(await renderReportHtml(syntheticInput())).not.toContain('<h2>Shifts</h2>');
  });

  it('shows paid hours, the FTE basis, the peak (on the phones, heads on shift) and the uncovered intervals as cards', async () => {
    const base = syntheticInput();
    const input: ReportInput = {
      ...base,
      timeZone: 'America/New_York',
      summary: {
        ...base.summary,
        paidHours: 18_886.5,
        fte: 472.1625,
        fteBasis: 'paid hours per week / 40 h',
        peak: {
          start: Date.UTC(2003, 9, 27, 15, 15),
          requiredAgents: 301,
          onPhoneAgents: 300.3,
          onShiftHeadcount: 430,
        },
        noAgentIntervals: 2,
        underCoveredIntervals: 3,
        worstShortfall: 4,
      },
    };
    const html = await renderReportHtml(input);
    const card = (label: string, value: string) =>
      `<div class="card"><div class="label">${label}</div><div class="value">${value}</div></div>`;
    expect(html).toContain(card('Paid hours (shifts)', '18,886.5'));
    expect(html).toContain(card('FTE (paid hours per week / 40 h)', '472.2'));
    expect(html).toContain(card('On the phones at the peak (required / scheduled)', '301 / 300.3'));
    expect(html).toContain(card('Headcount on shift at the peak (Mon 27 Oct 10:15)', '430'));
    expect(html).toContain(
      card('Uncovered intervals (no agents / under-covered)', '2 / 3 (worst short by 4)'),
    );
  });

  it('escapes names from the input everywhere (title, scenario, note, generator)', async () => {
    const input = withScenarios({
      ...syntheticInput(),
      title: '<script>alert(1)</script>',
      generator: '<i>gen</i>',
      notes: ['<img src=x onerror=alert(1)>'],
    });
    const html = await renderReportHtml(input);
    expect(html).not.toContain('<b>x</b>');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<i>gen</i>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('draws 7 x slots heat-map cells, for 15- and 30-minute grids and across a DST change', async () => {
    expect(heatmapCellCount(await renderReportHtml(syntheticInput({ intervalMinutes: 15 })))).toBe(7 * 96);
    expect(heatmapCellCount(await renderReportHtml(sampleReportInput()))).toBe(7 * 48);
    const dst = syntheticInput({
      timeZone: 'America/New_York',
      start: [2021, 11, 1],
      openHour: 0,
      closeHour: 24,
    });
    expect(heatmapCellCount(await renderReportHtml(dst))).toBe(7 * 96);
  });

  it('keeps element ids unique across the inline SVGs', async () => {
    const html = await renderReportHtml(withScenarios(sampleReportInput()));
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    for (const ref of html.matchAll(/url\(#([^)]+)\)/g)) expect(ids).toContain(ref[1]);
  });

  it('shows the summary figures, the daily table and local times of the input zone', async () => {
    const html = await renderReportHtml(sampleReportInput());
    expect(html).toContain('<div class="label">Service level</div>');
    expect(html).toContain('<h2>By day</h2>');
    expect(html).toContain('Mon 22 Feb 1999');
    expect(html).toContain('Horizon: Mon 22 Feb 1999 00:00');
    expect(html).toContain('Generated 2026-01-15T11:30:00+02:00');
  });

  it('renders a week of 15-minute intervals with four weeks of history well within the timeout', async () => {
    const input = syntheticInput({ intervalMinutes: 15, openHour: 0, closeHour: 24, historyDays: 28 });
    expect(input.staffing.starts.length).toBe(7 * 96);
    const html = await renderReportHtml(withScenarios(input));
    expect(count(html, '<svg')).toBe(5);
  }, 5_000);

  it('renders an empty horizon (no intervals) with empty charts and an all-grey heat map', async () => {
    const empty: ReportInput = {
      title: 'Empty',
      timeZone: 'UTC',
      intervalMinutes: 60,
      generatedAt: 0,
      forecast: { starts: [], calls: [] },
      staffing: { starts: [], requiredAgents: [], scheduledAgents: [] },
      summary: {},
    };
    const html = await renderReportHtml(empty);
    expect(count(html, '<svg')).toBe(3);
    expect(heatmapCellCount(html)).toBe(7 * 24);
    expect(html).toContain('<div class="label">FTE</div><div class="value">–</div>');
  });

  it('throws INVALID_INPUT for inconsistent input before rendering', async () => {
    await expect(renderReportHtml({ ...syntheticInput(), timeZone: 'Nowhere/Land' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });
});
