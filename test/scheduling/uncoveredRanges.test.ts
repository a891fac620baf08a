import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeUncovered, uncoveredRanges } from '../../src/scheduling/uncoveredRanges.js';

const H = 3_600_000;
const at = (hour: number, minute = 0) => Date.UTC(2003, 9, 27, hour, minute);

describe('uncoveredRanges', () => {
  it('merges consecutive intervals of one kind: no agents, and fewer agents than required with the worst shortfall', () => {
    const starts = [5, 5.5, 6, 6.5, 7, 7.5].map((h) => at(Math.floor(h), (h % 1) * 60));
    const required = [3, 4, 5, 9, 8, 2];
    const net = [0, 0, 2, 4, 8, 0];
    const r = uncoveredRanges(starts, required, net, 30, 'UTC');
    expect(r).toEqual([
      {
        kind: 'none',
        start: at(5),
        end: at(6),
        intervals: 2,
        maxShortfall: 4,
        worstStart: at(5, 30),
        label: '27 Oct 05:00-06:00',
      },
      {
        kind: 'short',
        start: at(6),
        end: at(7),
        intervals: 2,
        maxShortfall: 5,
        worstStart: at(6, 30),
        label: '27 Oct 06:00-07:00',
      },
      {
        kind: 'none',
        start: at(7, 30),
        end: at(8),
        intervals: 1,
        maxShortfall: 2,
        worstStart: at(7, 30),
        label: '27 Oct 07:30-08:00',
      },
    ]);
  });

  it('never counts an interval with nothing required (closed), nor one with enough agents', () => {
    expect(uncoveredRanges([at(1), at(2), at(3)], [0, Number.NaN, 2], [0, 0, 2.5], 60, 'UTC')).toEqual([]);
  });

  it('ends a run at a gap in the starts (a closed night in an open-intervals-only series)', () => {
    const r = uncoveredRanges([at(20), at(21), at(7) + 24 * H], [1, 1, 1], [0, 0, 0], 60, 'UTC');
    expect(r.map((x) => x.label)).toEqual(['27 Oct 20:00-22:00', '28 Oct 07:00-08:00']);
  });

  it('labels in local time across the fall-back change (one run, 5 half-hours) and at midnight', () => {
    // Sun 26 Oct 2003, New York: 01:00-02:00 happens twice; 04:30Z is 00:30 EDT, 07:00Z is 02:00 EST
    const ny = 'America/New_York';
    const starts = [0, 1, 2, 3, 4].map((k) => Date.UTC(2003, 9, 26, 4, 30) + k * 1_800_000);
    const [run] = uncoveredRanges(starts, [1, 1, 1, 1, 1], [0, 0, 0, 0, 0], 30, ny);
    expect(run).toMatchObject({ intervals: 5, label: '26 Oct 00:30-02:00' });
    // 23:00-24:00 local, and a run over midnight
    const late = Date.UTC(2003, 9, 28, 4); // 23:00 EST on 27 Oct
    expect(uncoveredRanges([late], [1], [0], 60, ny)[0]!.label).toBe('27 Oct 23:00-24:00');
    expect(uncoveredRanges([late, late + H], [1, 1], [0, 0], 60, ny)[0]!.label).toBe(
      '27 Oct 23:00-28 Oct 01:00',
    );
  });

  it('gives the same runs on the complete local grid as on its open intervals only', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })), { maxLength: 60 }),
        (cells) => {
          const starts = cells.map((_, i) => at(0) + i * 900_000);
          const required = cells.map(([r]) => r);
          const net = cells.map(([, a]) => a);
          const full = uncoveredRanges(starts, required, net, 15, 'Europe/Madrid');
          const open = cells.flatMap((c, i) => (c[0] > 0 ? [i] : []));
          const part = uncoveredRanges(
            open.map((i) => starts[i]!),
            open.map((i) => required[i]!),
            open.map((i) => net[i]!),
            15,
            'Europe/Madrid',
          );
          expect(part).toEqual(full);
          const uncovered = cells.filter(([r, a]) => r > 0 && a < r).length;
          expect(full.reduce((s, x) => s + x.intervals, 0)).toBe(uncovered);
        },
      ),
    );
  });

  it('rejects arrays of different lengths', () => {
    expect(() => uncoveredRanges([0, 1], [1], [0, 0], 60, 'UTC')).toThrow(
      'uncoveredRanges: required must have one value per interval (2) (got 1)',
    );
  });
});

describe('describeUncovered', () => {
  it('writes one line per kind, counting intervals, with the worst shortfall and at most maxRanges ranges', () => {
    const starts = [5, 6, 8, 10, 12, 13].map((h) => at(h));
    const r = uncoveredRanges(starts, [2, 2, 5, 2, 4, 4], [0, 0, 1, 0, 3, 3], 60, 'UTC');
    expect(describeUncovered(r, 'UTC', { maxRanges: 1 })).toEqual([
      '3 intervals with no agents: 27 Oct 05:00-07:00, and 1 more',
      '3 intervals under-covered (fewer agents on the phones than required; worst short by 4 at 27 Oct 08:00): ' +
        '27 Oct 08:00-09:00, and 1 more',
    ]);
    expect(describeUncovered([], 'UTC')).toEqual([]);
  });
});
