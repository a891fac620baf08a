import { describe, expect, it } from 'vitest';
import { formatFigure, MISSING_FIGURE } from '../../src/report/format.js';

describe('formatFigure', () => {
  it('formats each unit as documented', () => {
    expect(formatFigure(12345.6, 'count')).toBe('12,346');
    expect(formatFigure(21, 'agents')).toBe('21');
    expect(formatFigure(20.25, 'agents')).toBe('20.3');
    expect(formatFigure(1520, 'hours')).toBe('1,520.0');
    expect(formatFigure(38.04, 'fte')).toBe('38.0');
    expect(formatFigure(0.8123, 'fraction')).toBe('81.2%');
    expect(formatFigure(14.25, 'seconds')).toBe('14.3 s');
    expect(formatFigure(28120, 'money')).toBe('28,120.00');
  });

  it('shows a dash for undefined and NaN, and ∞ for +Infinity (an unstable queue)', () => {
    expect(formatFigure(undefined, 'hours')).toBe(MISSING_FIGURE);
    expect(formatFigure(Number.NaN, 'fraction')).toBe(MISSING_FIGURE);
    expect(formatFigure(Number.POSITIVE_INFINITY, 'seconds')).toBe('∞');
    expect(formatFigure(Number.NEGATIVE_INFINITY, 'count')).toBe(MISSING_FIGURE);
  });
});
