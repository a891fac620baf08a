import { describe, expect, it } from 'vitest';
import { hazardMatchedPatience } from '../../src/staffing/calibrateHazardPatience.js';

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
