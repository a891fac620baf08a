import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareScenarios } from '../../src/scenario/compareScenarios.js';

const baseDir = fileURLToPath(new URL('../fixtures/scenario/', import.meta.url));

describe('compareScenarios without scheduling', () => {
  it('puts the base first, raises agent-hours with volume x1.1 and equates deflection 0.2 with volume 0.8', async () => {
    const rows = await compareScenarios(
      {
        base: 'plan.json',
        variants: [
          { name: 'busy', volumeFactor: 1.1 },
          { name: 'deflect', selfServiceDeflection: 0.2 },
          { name: 'v08', volumeFactor: 0.8 },
          { name: 'sl90', target: { serviceLevel: 0.9 } },
          { name: 'shrink', shrinkage: 0.4 },
        ],
      },
      { baseDir, schedule: false },
    );
    const by = Object.fromEntries(rows.map((r) => [r.name, r]));
    const base = by.base!;
    expect(rows.map((r) => r.name)).toEqual(['base', 'busy', 'deflect', 'v08', 'sl90', 'shrink']);
    expect(by.busy!.forecastCalls).toBeCloseTo(base.forecastCalls * 1.1, 6);
    expect(by.busy!.agentHours).toBeGreaterThan(base.agentHours);
    expect(by.busy!.peakAgents).toBeGreaterThanOrEqual(base.peakAgents);
    expect(by.deflect).toEqual({ ...by.v08, name: 'deflect' });
    expect(by.sl90!.serviceLevel).toBeGreaterThanOrEqual(0.9);
    expect(by.sl90!.agentHours).toBeGreaterThan(base.agentHours);
    // same agents on the phones, more paid: FTE scales by about (1 - 0.3) / (1 - 0.4)
    // (scheduled agents are whole, so not exactly)
    expect(by.shrink!.agentHours).toBe(base.agentHours);
    expect(Math.abs(by.shrink!.fte / base.fte - 0.7 / 0.6)).toBeLessThan(0.01);
    for (const r of rows) {
      expect(r.scheduled).toBe(false);
      expect(r.scheduleCost).toBeNull();
      expect(r.serviceLevel).toBeGreaterThanOrEqual(0.8 - 1e-9);
      expect(Number.isFinite(r.asaSeconds)).toBe(true);
      expect(r.abandonRate).toBeGreaterThan(0);
    }
  });

  it('gives identical rows on two runs of the same inputs', async () => {
    const file = { base: 'plan.json', variants: [{ name: 'x', volumeFactor: 1.05, ahtFactor: 1.1 }] };
    const a = await compareScenarios(file, { baseDir, schedule: false });
    const b = await compareScenarios(file, { baseDir, schedule: false });
    expect(a).toEqual(b);
  });

  it('rejects an unknown variant key with a CONFIG error naming the source and path', async () => {
    await expect(
      compareScenarios(
        { base: 'plan.json', variants: [{ name: 'x', colour: 1 }] },
        { baseDir, source: 's.json' },
      ),
    ).rejects.toThrowError('s.json: variants.0: Unrecognized key: "colour"');
    await expect(
      compareScenarios({ base: 'plan.json', variants: [{ name: 'base' }] }, { baseDir, source: 's.json' }),
    ).rejects.toThrowError("s.json: variants.0.name: duplicate name 'base'");
  });
});

describe('compareScenarios with scheduling', () => {
  it('schedules each scenario and reports its cost; more volume costs more', async () => {
    const rows = await compareScenarios(
      { base: 'plan.json', variants: [{ name: 'busy', volumeFactor: 1.3 }] },
      { baseDir },
    );
    expect(rows.map((r) => [r.name, r.scheduled])).toEqual([
      ['base', true],
      ['busy', true],
    ]);
    const [base, busy] = rows as [(typeof rows)[0], (typeof rows)[0]];
    expect(base.scheduleCost).toBeGreaterThan(0);
    expect(busy.scheduleCost!).toBeGreaterThan(base.scheduleCost!);
    expect(busy.agentHours).toBeGreaterThan(base.agentHours);
    expect(busy.forecastCalls).toBeCloseTo(base.forecastCalls * 1.3, 6);
    expect(busy.fte).toBeGreaterThan(base.fte);
  }, 30_000);
});
