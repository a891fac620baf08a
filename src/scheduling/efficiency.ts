/** Efficiency figures planners use to judge how well a schedule fits its requirement. */
export interface ScheduleEfficiency {
  /** Share of required agent-time met: sum min(net, required) / sum required (1 when nothing is required). */
  coverage: number;
  /** Share of scheduled (net) agent-time that was needed: sum min(net, required) / sum net (1 when none). */
  utilisation: number;
  /** Genesys-style interval efficiency: mean over intervals with required > 0 of max(0, 1 - |net - required| / required). */
  intervalEfficiency: number;
  /** Share of intervals with required > 0 whose net agents are within +/-10% of required. */
  withinTenPercent: number;
}

/**
 * Computes the efficiency figures of net agents against required agents, interval by interval.
 * Sums are compensated (Neumaier). Cost O(n).
 *
 * @internal
 * @example
 * scheduleEfficiency([10, 10], [9, 12]);
 * // { coverage: 0.95, utilisation: 19 / 21, intervalEfficiency: 0.85, withinTenPercent: 0.5 }
 */
export function scheduleEfficiency(required: ArrayLike<number>, net: ArrayLike<number>): ScheduleEfficiency {
  const met = new Neumaier();
  const req = new Neumaier();
  const sched = new Neumaier();
  const eff = new Neumaier();
  let counted = 0;
  let within = 0;
  for (let t = 0; t < required.length; t++) {
    const r = required[t] ?? 0;
    const a = net[t] ?? 0;
    met.add(Math.min(r, a));
    req.add(r);
    sched.add(a);
    if (r > 0) {
      counted++;
      eff.add(Math.max(0, 1 - Math.abs(a - r) / r));
      if (Math.abs(a - r) <= 0.1 * r + 1e-12) within++;
    }
  }
  return {
    coverage: req.value > 0 ? met.value / req.value : 1,
    utilisation: sched.value > 0 ? met.value / sched.value : 1,
    intervalEfficiency: counted > 0 ? eff.value / counted : 1,
    withinTenPercent: counted > 0 ? within / counted : 1,
  };
}

class Neumaier {
  private sum = 0;
  private c = 0;
  add(v: number): void {
    const t = this.sum + v;
    this.c += Math.abs(this.sum) >= Math.abs(v) ? this.sum - t + v : v - t + this.sum;
    this.sum = t;
  }
  get value(): number {
    return this.sum + this.c;
  }
}
