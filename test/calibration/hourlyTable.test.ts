import { describe, expect, it } from 'vitest';
import { calibrationGrid } from '../../src/calibration/grid.js';
import { hourCell, hourCellValue } from '../../src/calibration/hourlyTable.js';

describe('hourCell / hourCellValue', () => {
  // Sunday 31 January and Friday 5 February 1999, half hours, UTC
  const grid = calibrationGrid(Date.UTC(1999, 0, 31), Date.UTC(1999, 1, 5, 12), 'UTC', 30);
  const table = {
    workweek: Array.from({ length: 24 }, (_, h) => 100 + h),
    weekend: Array.from({ length: 24 }, (_, h) => 200 + h),
  };

  it('numbers working-day hours 0-23 and the other days 24-47, and reads the table there', () => {
    expect(hourCell(grid, [0, 1, 2, 3, 4], 21)).toBe(10); // Sunday 10:30
    expect(hourCellValue(table, hourCell(grid, [0, 1, 2, 3, 4], 21))).toBe(110);
    const friday = 5 * 48 + 47; // Friday 23:30
    expect(hourCell(grid, [0, 1, 2, 3, 4], friday)).toBe(47);
    expect(hourCellValue(table, 47)).toBe(223);
    // with Monday to Friday as working days, Sunday is the other day type
    expect(hourCell(grid, [1, 2, 3, 4, 5], 21)).toBe(34);
  });
});
