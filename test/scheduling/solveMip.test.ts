import { describe, expect, it } from 'vitest';
import type { MipModel } from '../../src/scheduling/model.js';
import { solveCoveringMip } from '../../src/scheduling/solveMip.js';

/** A seeded random set-covering MIP: 60 binary columns of cost 1-9, 40 rows each covered at least once. */
function coveringModel(): MipModel {
  let seed = 7;
  const rnd = () => {
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  };
  const n = 60;
  const m = 40;
  const starts = [0];
  const rows: number[] = [];
  for (let c = 0; c < n; c++) {
    for (let r = 0; r < m; r++) if (rnd() < 0.15) rows.push(r);
    starts.push(rows.length);
  }
  return {
    numCols: n,
    numRows: m,
    colCost: Float64Array.from({ length: n }, () => 1 + Math.floor(rnd() * 9)),
    objectiveOffset: 0,
    colLower: new Float64Array(n),
    colUpper: new Float64Array(n).fill(1),
    rowLower: new Float64Array(m).fill(1),
    rowUpper: new Float64Array(m).fill(Infinity),
    integrality: new Int32Array(n).fill(1),
    matrix: {
      starts: Int32Array.from(starts),
      rows: Int32Array.from(rows),
      values: new Float64Array(rows.length).fill(1),
    },
  };
}

describe('solveCoveringMip rootLpMethod', () => {
  it('proves the same optimum with the root LP by interior point as by dual simplex', async () => {
    const model = coveringModel();
    const simplex = await solveCoveringMip(model, { timeLimitSeconds: 60, rootLpMethod: 'simplex' });
    const ipm = await solveCoveringMip(model, { timeLimitSeconds: 60, rootLpMethod: 'ipm' });
    expect(simplex.outcome).toBe('optimal');
    expect(ipm.outcome).toBe('optimal');
    expect(ipm.objective).toBeCloseTo(simplex.objective ?? Number.NaN, 9);
    expect(ipm.bound).toBeCloseTo(simplex.objective ?? Number.NaN, 6);
  });
});
