import { describe, expect, it } from 'vitest';
import { calibrationGrid, intervalIndex } from '../../src/calibration/grid.js';
import { observedKpis } from '../../src/calibration/observedKpis.js';
import { classifyCall } from '../../src/calibration/records.js';
import { call } from './records.helpers.js';

const noService = { servedByAgent: false, serviceSeconds: Number.NaN, agent: '' };
// hand-made day: the 08:00 and 08:30 half hours of 1999-02-01 (UTC wall clock)
const records = [
  call('08:00:00', { vruSeconds: 10, queued: true, queueSeconds: 30, serviceSeconds: 100 }), // answered after 30 s
  call('08:05:00', { vruSeconds: 5, serviceSeconds: 200, agent: 'A02' }), // answered at once
  call('08:10:00', { outcome: 'HANG', vruSeconds: 5, queued: true, queueSeconds: 15, ...noService }), // abandons at 15 s
  call('08:20:00', { outcome: 'HANG', vruSeconds: 5, queued: true, queueSeconds: 60, ...noService }), // abandons at 60 s
  call('08:29:58', { vruSeconds: 5, queued: true, queueSeconds: 10, serviceSeconds: 8 }), // enters queue 08:30:03
  call('08:01:00', { outcome: 'PHANTOM', queued: true, queueSeconds: 3, ...noService }),
  call('08:02:00', { outcome: 'HANG', vruSeconds: 20, ...noService }), // left in the voice menu
  call('08:03:00', { outcome: 'AGENT', vruSeconds: 9, ...noService }), // NO_SERVER
];
const grid = calibrationGrid(Date.UTC(1999, 1, 1), Date.UTC(1999, 1, 1, 23), 'UTC', 30);
const at0800 = intervalIndex(grid, Date.UTC(1999, 1, 1, 8));
const at0830 = intervalIndex(grid, Date.UTC(1999, 1, 1, 8, 30));

describe('classifyCall', () => {
  it('sorts records into answered, abandoned, vruOnly, phantom and noServer', () => {
    expect(records.map(classifyCall)).toEqual([
      'answered',
      'answered',
      'abandoned',
      'abandoned',
      'answered',
      'phantom',
      'vruOnly',
      'noServer',
    ]);
  });
});

describe('calibrationGrid', () => {
  it('covers whole local days, 46 half hours on a spring-forward day in Madrid', () => {
    expect(grid.starts.length).toBe(48);
    const dst = calibrationGrid(Date.UTC(2024, 2, 31, 10), Date.UTC(2024, 2, 31, 10), 'Europe/Madrid', 30);
    expect(dst.starts.length).toBe(46);
    expect(dst.minuteOfDay[4]).toBe(180); // 02:00 is skipped: the 5th half hour starts at 03:00
  });
});

describe('observedKpis', () => {
  const k = observedKpis(records, grid, { thresholdSeconds: 20 });

  it('counts offered, answered and abandoned by queue-entry interval', () => {
    expect([k.offered[at0800], k.answered[at0800], k.abandoned[at0800]]).toEqual([4, 2, 2]);
    expect([k.offered[at0830], k.answered[at0830], k.abandoned[at0830]]).toEqual([1, 1, 0]);
  });

  it('computes service level, ASA, abandonment and AHT by hand-checked values', () => {
    expect(k.serviceLevel[at0800]).toBe(0.25); // 1 of 4 answered within 20 s
    expect(k.asaSeconds[at0800]).toBe(15); // (30 + 0) / 2
    expect(k.abandonRate[at0800]).toBe(0.5);
    expect(k.ahtSeconds[at0800]).toBe(150);
    expect(k.waitSecondsTotal[at0800]).toBe(105); // 30 + 0 + 15 + 60
    expect([k.serviceLevel[at0830], k.asaSeconds[at0830], k.ahtSeconds[at0830]]).toEqual([1, 10, 8]);
  });

  it('leaves ratios of an empty interval NaN', () => {
    expect(k.serviceLevel[0]).toBeNaN();
    expect(k.asaSeconds[0]).toBeNaN();
  });

  it('counts the quirks it set aside and the short services it kept', () => {
    expect(k.quirks).toEqual({ phantom: 1, noServer: 1, vruOnly: 1, shortServices: 1, outsideGrid: 0 });
  });

  it('excludes abandons within the threshold from the base on the excludeShortAbandons basis', () => {
    const e = observedKpis(records, grid, {
      thresholdSeconds: 20,
      serviceLevelBasis: 'excludeShortAbandons',
    });
    expect(e.serviceLevel[at0800]).toBeCloseTo(1 / 3, 15);
  });

  it('rejects a negative threshold', () => {
    expect(() => observedKpis(records, grid, { thresholdSeconds: -1 })).toThrow(
      'observedKpis: thresholdSeconds must be a finite number >= 0 (got -1)',
    );
  });
});
