import { describe, expect, it } from 'vitest';
import { progressPrinter } from '../../src/cli/progress.js';

function capture(isTTY: boolean) {
  const out: string[] = [];
  return { out, ctx: { stderrIsTTY: isTTY, stderr: { write: (s: string) => out.push(s) } } };
}

describe('progressPrinter', () => {
  it('draws a bar, the percent and an ETA from the pace so far, then the step time', () => {
    const { out, ctx } = capture(true);
    let t = 0;
    const p = progressPrinter(ctx, { command: 'scenario', now: () => t });
    p.onProgress({ step: 'run', phase: 'start', total: 4 });
    expect(out).toEqual(['scenario: run      ...']);
    t = 10_000;
    p.onProgress({ step: 'run', phase: 'advance', done: 1, total: 4 });
    expect(out.at(-1)).toBe('\r\x1b[2Kscenario: run      [#####---------------]  25%  1/4  eta 0:30');
    t = 20_000;
    p.onProgress({ step: 'run', phase: 'advance', done: 4, total: 4 });
    expect(out.at(-1)).toContain('[####################] 100%  4/4  eta 0:00');
    p.onProgress({ step: 'run', phase: 'done', seconds: 20, detail: '4 scenarios' });
    expect(out.at(-1)).toBe('\r\x1b[2Kscenario: run       20.00 s  4 scenarios\n');
  });

  it('prints nothing when stderr is not a terminal or with quiet', () => {
    for (const [isTTY, quiet] of [
      [false, false],
      [true, true],
    ] as const) {
      const { out, ctx } = capture(isTTY);
      const p = progressPrinter(ctx, { command: 'plan', quiet });
      p.onProgress({ step: 'read', phase: 'start' });
      p.onProgress({ step: 'read', phase: 'done', seconds: 1 });
      p.close();
      expect(out).toEqual([]);
    }
  });

  it('ends a line left open by a failed step', () => {
    const { out, ctx } = capture(true);
    const p = progressPrinter(ctx, { command: 'plan' });
    p.onProgress({ step: 'read', phase: 'start' });
    p.close();
    expect(out.at(-1)).toBe(' failed\n');
    p.close();
    expect(out).toHaveLength(2);
  });
});
