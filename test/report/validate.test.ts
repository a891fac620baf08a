import { describe, expect, it } from 'vitest';
import { StaffcastError } from '../../src/errors.js';
import { validateReportInput } from '../../src/report/validate.js';
import { syntheticInput } from './syntheticInput.js';

function codeOf(f: () => void): string | undefined {
  try {
    f();
  } catch (e) {
    return e instanceof StaffcastError ? e.code : 'other';
  }
  return undefined;
}

describe('validateReportInput', () => {
  it('accepts a consistent input', () => {
    expect(() => validateReportInput(syntheticInput())).not.toThrow();
  });

  it('rejects an unknown zone, a bad interval and a non-finite generatedAt with INVALID_INPUT', () => {
    const ok = syntheticInput();
    expect(() => validateReportInput({ ...ok, timeZone: 'Mars/Olympus' })).toThrow(
      'renderReport: timeZone must be an IANA time-zone name (got Mars/Olympus)',
    );
    expect(() => validateReportInput({ ...ok, intervalMinutes: 7 })).toThrow(
      'renderReport: intervalMinutes must be a whole number of minutes dividing 1440 (got 7)',
    );
    expect(codeOf(() => validateReportInput({ ...ok, generatedAt: Number.NaN }))).toBe('INVALID_INPUT');
  });

  it('names the series and field when lengths or order are wrong', () => {
    const ok = syntheticInput();
    const n = ok.staffing.starts.length;
    expect(() =>
      validateReportInput({
        ...ok,
        staffing: { ...ok.staffing, scheduledAgents: Array.from(ok.staffing.scheduledAgents).slice(1) },
      }),
    ).toThrow(`renderReport: staffing.scheduledAgents must have one value per start (${n}) (got ${n - 1})`);
    expect(() => validateReportInput({ ...ok, history: { starts: [2, 1], calls: [1, 1] } })).toThrow(
      'renderReport: history.starts[1] must be strictly increasing (got 1)',
    );
  });

  it('requires the P10/P90 band as a pair, a target in 0..1 and one scenario value per column', () => {
    const ok = syntheticInput();
    const { p90: _p90, ...noP90 } = ok.forecast;
    expect(() => validateReportInput({ ...ok, forecast: noP90 })).toThrow(/forecast.p10 and forecast.p90/);
    expect(() => validateReportInput({ ...ok, serviceLevel: { ...ok.serviceLevel!, target: 80 } })).toThrow(
      /serviceLevel.target must be a fraction in 0..1 \(got 80\)/,
    );
    expect(() =>
      validateReportInput({
        ...ok,
        scenarios: { columns: [{ label: 'FTE', unit: 'fte' }], rows: [{ name: 'Base', values: [1, 2] }] },
      }),
    ).toThrow('renderReport: scenarios.rows[0].values must have one value per column (1) (got 2)');
    expect(() =>
      validateReportInput({
        ...ok,
        scenarios: {
          columns: [
            { label: 'FTE', unit: 'fte' },
            { label: 'FTE', unit: 'hours' },
          ],
          rows: [],
        },
      }),
    ).toThrow('renderReport: scenarios.columns[1].label must be unique (got FTE)');
  });
});
