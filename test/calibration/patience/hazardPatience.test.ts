import { describe, expect, it } from 'vitest';
import {
  hazardMatchedPatience,
  matchedAbandonRate,
  scaledCellHazard,
} from '../../../src/calibration/patience/hazardPatience.js';

// the February 1999 bank's hazard by waiting band (per hour, training days), as measured by calibrate
const edges = [0, 10, 20, 30, 60, 90, 120, 180, 240, 360];
const falling = [14.9, 14.4, 11.3, 11.7, 11.0, 7.6, 8.5, 7.2, 5.6, 5.1].map((h) => h / 3600);
const busy = { arrivalsPerSecond: 55 / 1800, ahtSeconds: 200 };

describe('hazardMatchedPatience', () => {
  it('returns the exponential mean for a constant hazard, whatever the queue', () => {
    for (const agents of [4, 6, 9])
      expect(
        hazardMatchedPatience(
          { ...busy, agents },
          edges,
          edges.map(() => 1 / 250),
        ),
      ).toBeCloseTo(250, 6);
  });

  it('gives more patient callers to a more congested queue when the hazard falls with waiting', () => {
    const patience = [4, 5, 6, 7, 8].map((agents) =>
      hazardMatchedPatience({ ...busy, agents }, edges, falling),
    );
    // measured: 365.7, 339.3, 320.8, 307.3, 297.2 s
    for (let k = 1; k < patience.length; k++) expect(patience[k]!).toBeLessThan(patience[k - 1]!);
    for (const p of patience) {
      expect(p).toBeGreaterThan(3600 / 14.9);
      expect(p).toBeLessThan(3600 / 5.1);
    }
    expect(patience[0]!).toBeCloseTo(365.7, 0);
  });

  it('interpolates a fractional agent count between its neighbours', () => {
    const p5 = hazardMatchedPatience({ ...busy, agents: 5 }, edges, falling);
    const p6 = hazardMatchedPatience({ ...busy, agents: 6 }, edges, falling);
    const mid = hazardMatchedPatience({ ...busy, agents: 5.5 }, edges, falling);
    expect(mid).toBeLessThan(p5);
    expect(mid).toBeGreaterThan(p6);
  });

  it('rejects hazards that do not match the bands or are negative', () => {
    expect(() => hazardMatchedPatience({ ...busy, agents: 6 }, edges, [1])).toThrow(
      /one hazard per band edge/,
    );
    expect(() => hazardMatchedPatience({ ...busy, agents: 6 }, [0, 10], [0.01, -1])).toThrow(
      /finite numbers >= 0/,
    );
  });
});

describe('scaledCellHazard', () => {
  const band = (fromSeconds: number, toSeconds: number, abandoned: number, exposureSeconds: number) => ({
    fromSeconds,
    toSeconds,
    abandoned,
    exposureSeconds,
    hazardPerSecond: exposureSeconds > 0 ? abandoned / exposureSeconds : Number.NaN,
  });
  // pooled: 2 abandons in 100 s of waiting under 10 s, 1 in 100 s beyond: rate 3/200, shape [4/3, 2/3]
  const pooled = [band(0, 10, 2, 100), band(10, Number.POSITIVE_INFINITY, 1, 100)];

  it('keeps the pooled shape and matches the cell rate over the cell exposure (waits all beyond 10 s)', () => {
    const h = scaledCellHazard(pooled, [band(0, 10, 0, 0), band(10, Number.POSITIVE_INFINITY, 0, 50)], 0.01);
    expect(h[0]!).toBeCloseTo(0.02, 15);
    expect(h[1]!).toBeCloseTo(0.01, 15);
  });

  it('averages to the cell rate over any exposure, and scales the shape by the rate without one', () => {
    const exposure = [band(0, 10, 0, 30), band(10, Number.POSITIVE_INFINITY, 0, 90)];
    const h = scaledCellHazard(pooled, exposure, 0.005);
    expect((30 * h[0]! + 90 * h[1]!) / 120).toBeCloseTo(0.005, 15);
    expect(h[0]! / h[1]!).toBeCloseTo(2, 12);
    const none = scaledCellHazard(
      pooled,
      [band(0, 10, 0, 0), band(10, Number.POSITIVE_INFINITY, 0, 0)],
      0.005,
    );
    expect(none[0]!).toBeCloseTo((4 / 3) * 0.005, 15);
  });

  it('lets a band without pooled exposure borrow the shape of the band before', () => {
    const gap = [band(0, 10, 3, 100), band(10, 20, 0, 0)];
    const h = scaledCellHazard(gap, [band(0, 10, 0, 10), band(10, 20, 0, 0)], 0.01);
    expect(h).toEqual([0.01, 0.01]);
  });
});

describe('matchedAbandonRate', () => {
  it('is the constant hazard at any agent count', () => {
    const rateAt = matchedAbandonRate(
      busy,
      edges,
      edges.map(() => 1 / 200),
    );
    for (const agents of [4, 6.5, 9]) expect(rateAt(agents)).toBeCloseTo(1 / 200, 12);
  });

  it('is 1 / hazardMatchedPatience at whole agents and linear in the rate between them', () => {
    const rateAt = matchedAbandonRate(busy, edges, falling);
    const at5 = 1 / hazardMatchedPatience({ ...busy, agents: 5 }, edges, falling);
    const at6 = 1 / hazardMatchedPatience({ ...busy, agents: 6 }, edges, falling);
    expect(rateAt(5)).toBe(at5);
    expect(rateAt(5.25)).toBeCloseTo(0.75 * at5 + 0.25 * at6, 15);
    expect(rateAt(-1)).toBe(rateAt(0));
  });
});
