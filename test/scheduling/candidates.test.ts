import { describe, expect, it } from 'vitest';
import { type Candidates, forEachShiftSlot } from '../../src/scheduling/candidates.js';

/** Two columns: a 3-slot shift from slot 670 and a 2-slot shift from slot 5, on a 672-slot horizon. */
function columns(cyclic: boolean): Candidates {
  return {
    count: 2,
    type: Int32Array.of(0, 0),
    start: Int32Array.of(670, 5),
    lengthSlots: Int32Array.of(3, 2),
    cost: Float64Array.of(1, 1),
    paidMinutes: Float64Array.of(45, 30),
    group: Int32Array.of(0, 0),
    day: Int32Array.of(6, 0),
    breakStart: Int32Array.of(0, 0, 0),
    breakOffset: new Int32Array(0),
    groups: [],
    explicitBreaks: false,
    thinned: false,
    cyclic,
    slots: 672,
  };
}

function visits(c: Candidates, j: number): [number, number][] {
  const out: [number, number][] = [];
  forEachShiftSlot(c, j, (slot, offset) => out.push([slot, offset]));
  return out;
}

describe('forEachShiftSlot', () => {
  it('visits every slot of a shift with its offset', () => {
    expect(visits(columns(false), 1)).toEqual([
      [5, 0],
      [6, 1],
    ]);
  });

  it('wraps a shift across the end of a cyclic week into its start', () => {
    expect(visits(columns(true), 0)).toEqual([
      [670, 0],
      [671, 1],
      [0, 2],
    ]);
  });

  it('leaves out the slots past the end of a non-cyclic horizon', () => {
    expect(visits(columns(false), 0)).toEqual([
      [670, 0],
      [671, 1],
    ]);
  });
});
