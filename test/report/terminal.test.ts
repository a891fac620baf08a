import { describe, expect, it } from 'vitest';
import { renderTerminalSummary } from '../../src/report/terminal.js';
import { sampleReportInput } from './sampleInput.js';
import { syntheticInput } from './syntheticInput.js';

const ESC = String.fromCharCode(27);
const ANSI = new RegExp(`${ESC}\\[[0-9;]*m`, 'g');

describe('renderTerminalSummary', () => {
  it('prints one line per queue of a multi-queue plan, within the width', () => {
    const input = {
      ...sampleReportInput(),
      queues: [
        {
          name: 'regular',
          channel: 'voice',
          forecastCalls: 4996,
          requiredAgentHours: 438,
          serviceLevel: 0.95,
          asaSeconds: 1.82,
        },
        {
          name: 'stocks',
          channel: 'email',
          forecastCalls: 674.75,
          requiredAgentHours: 55.5,
          serviceLevel: 1,
        },
      ],
    };
    const lines = renderTerminalSummary(input, { color: false, width: 80 }).split('\n');
    expect(lines).toContain('  regular (voice)  4,996 contacts, 438.0 h required, SL 95.0%, ASA 1.8 s');
    expect(lines).toContain('  stocks (email)   675 contacts, 55.5 h required, SL 100.0%, ASA –');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('prints each coverage warning as a Warning: line, wrapped to the width', () => {
    const warning =
      '2 intervals with forecast contacts and no agents on the phones: Sun 26 Oct 05:00-05:30, Sun 26 Oct 06:00-06:30';
    const lines = renderTerminalSummary(
      { ...sampleReportInput(), warnings: [warning] },
      { color: false, width: 60 },
    ).split('\n');
    const first = lines.findIndex((l) => l.startsWith('Warning: '));
    expect(lines.slice(first, first + 3)).toEqual([
      'Warning: 2 intervals with forecast contacts and no agents on',
      '  the phones: Sun 26 Oct 05:00-05:30, Sun 26 Oct 06:00-06:30',
      '',
    ]);
    expect(renderTerminalSummary(sampleReportInput(), { color: false })).not.toContain('Warning');
  });

  it('prints the title, the headline figures and a chart of the busiest local day', () => {
    const out = renderTerminalSummary(sampleReportInput(), { color: false, width: 80 });
    const lines = out.split('\n');
    expect(lines[0]).toBe('Staffing plan: Anonymous Bank, week of 22 February 1999');
    expect(out).toMatch(/^Peak on-phone agents \(required \/ scheduled\) +12 \/ 11$/m);
    expect(out).toMatch(/^Schedule +optimal \(gap 0\.0%\)$/m);
    expect(out).toContain('Busiest day Tue 23 Feb 1999 (Asia/Jerusalem), 00:00–24:00:');
    expect(out).toContain('required');
    expect(out.endsWith('\n')).toBe(true);
  });

  it('draws height + 1 chart rows with a left axis from 0 to the peak', () => {
    const input = syntheticInput();
    const peak = Math.max(
      ...Array.from(input.staffing.requiredAgents),
      ...Array.from(input.staffing.scheduledAgents),
    );
    const out = renderTerminalSummary(input, { color: false, width: 80, height: 8 });
    const chartRows = out.split('\n').filter((l) => /^\s*\d+ [┤┼]/.test(l));
    expect(chartRows).toHaveLength(9);
    expect(chartRows[chartRows.length - 1]).toMatch(/^\s*0 [┤┼]/);
    expect(chartRows[0]).toMatch(new RegExp(`^\\s*${peak} [┤┼]`));
    expect(peak).toBe(13); // ceil(50 calls / 4) at the synthetic midday peak
  });

  it('has no escape codes without colour, and colours the two series with colour', () => {
    const plain = renderTerminalSummary(syntheticInput(), { color: false, width: 80 });
    expect(plain).not.toContain(ESC);
    const coloured = renderTerminalSummary(syntheticInput(), { color: true, width: 80 });
    expect(coloured).toContain('\x1b[31m');
    expect(coloured).toContain('\x1b[34m');
    expect(coloured.replace(ANSI, '')).toBe(plain);
  });

  it('fits every line into the width, averaging intervals when the day is longer than the width', () => {
    const input = syntheticInput({ intervalMinutes: 5, openHour: 0, closeHour: 24, days: 2 });
    for (const width of [40, 60, 100]) {
      const out = renderTerminalSummary(input, { color: true, width });
      for (const line of out.split('\n')) expect(line.replace(ANSI, '').length).toBeLessThanOrEqual(width);
    }
    expect(renderTerminalSummary(input, { color: false, width: 60 })).toContain(
      'Agents per 5 min, mean of 6 per column',
    );
  });

  it('cuts long figure labels on a narrow terminal and keeps the values whole', () => {
    const lines = renderTerminalSummary(sampleReportInput(), { color: false, width: 40 }).split('\n');
    expect(lines).toContain('Peak on-phone age…  12 / 11');
    expect(lines).toContain('Schedule            optimal (gap 0.0%)');
  });

  it('labels a low peak with one decimal so that no axis label repeats', () => {
    const s = [0, 3_600_000, 7_200_000];
    const out = renderTerminalSummary(
      {
        title: 'Small',
        timeZone: 'UTC',
        intervalMinutes: 60,
        generatedAt: 0,
        forecast: { starts: s, calls: [1, 2, 3] },
        staffing: { starts: s, requiredAgents: [1, 2, 3], scheduledAgents: [1, 2, 2] },
        summary: {},
      },
      { color: false, width: 60, height: 10 },
    );
    const labels = out
      .split('\n')
      .map((l) => /^\s*([\d.]+) [┤┼]/.exec(l)?.[1])
      .filter((l) => l !== undefined);
    expect(labels).toHaveLength(11);
    expect(labels[0]).toBe('3.0');
    expect(labels[10]).toBe('0.0');
    expect(new Set(labels).size).toBe(11);
    expect(out).toContain('Busiest day Thu 1 Jan 1970 (UTC), 00:00–03:00:');
  });

  it('prints the figures without a chart when there are no intervals', () => {
    const input = syntheticInput({ days: 0 });
    const out = renderTerminalSummary(input, { color: false, width: 80 });
    expect(out).toContain('Service level');
    expect(out).not.toContain('Busiest day');
  });

  it('rejects a width below 40 columns', () => {
    expect(() => renderTerminalSummary(syntheticInput(), { color: false, width: 20 })).toThrow(
      'renderTerminalSummary: width must be a whole number of columns >= 40 (got 20)',
    );
  });
});
