import type { ReportFigureUnit } from './types.js';

/** Shown for a figure that is unknown (`undefined` or `NaN`). */
export const MISSING_FIGURE = '–';

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * Formats a figure for people, by unit, in a fixed locale (`en-US` separators) so output is
 * reproducible: `count` whole with thousands separators; `agents` whole, or one decimal when
 * fractional; `hours` and `fte` one decimal; `fraction` as a percentage with one decimal;
 * `seconds` one decimal and `s`; `money` two decimals. `undefined`, `NaN` and infinities give
 * `MISSING_FIGURE` (or `∞` for +Infinity). O(1).
 *
 * @internal
 * @example
 * formatFigure(0.8123, 'fraction'); // '81.2%'
 * formatFigure(12345.6, 'count');   // '12,346'
 * formatFigure(undefined, 'hours'); // '–'
 */
export function formatFigure(value: number | undefined, unit: ReportFigureUnit): string {
  if (value === undefined || Number.isNaN(value)) return MISSING_FIGURE;
  if (value === Number.POSITIVE_INFINITY) return '∞';
  if (!Number.isFinite(value)) return MISSING_FIGURE;
  switch (unit) {
    case 'count':
      return whole.format(value);
    case 'agents':
      return Number.isInteger(value) ? whole.format(value) : oneDecimal.format(value);
    case 'hours':
    case 'fte':
      return oneDecimal.format(value);
    case 'fraction':
      return `${oneDecimal.format(value * 100)}%`;
    case 'seconds':
      return `${oneDecimal.format(value)} s`;
    case 'money':
      return twoDecimals.format(value);
  }
}
