import { StaffcastError } from '../errors.js';
import type { ScenarioVariant } from './scenarioConfig.js';

/** The parameters a sweep can vary. */
export const SWEEP_PARAMETERS = ['volume', 'aht', 'sl', 'shrinkage'] as const;
/** A sweep parameter: volume factor, handle-time factor, service-level target, shrinkage. */
export type SweepParameter = (typeof SWEEP_PARAMETERS)[number];

/** A parsed `--sweep` flag. */
export interface Sweep {
  parameter: SweepParameter;
  /** The steps from..to inclusive, rounded to 10 decimals. */
  values: number[];
}

const MAX_STEPS = 1000;

/**
 * Parses `--sweep <parameter>=<from>:<to>:<step>` (e.g. `volume=0.9:1.2:0.05`): the values from,
 * from + step, ... up to to inclusive (a tolerance of 1e-9 steps; values rounded to 10 decimals
 * so 0.9 + 2 x 0.05 is 1). At most 1000 steps. O(steps).
 *
 * @throws StaffcastError `USAGE` naming --sweep for bad syntax, an unknown parameter, a step <= 0,
 *   to < from, or too many steps.
 * @example
 * parseSweep('volume=0.9:1:0.05'); // { parameter: 'volume', values: [0.9, 0.95, 1] }
 */
export function parseSweep(text: string): Sweep {
  const m = /^([a-z]+)=([^:]+):([^:]+):([^:]+)$/.exec(text);
  if (m === null)
    throw new StaffcastError(
      'USAGE',
      `--sweep: expected <parameter>=<from>:<to>:<step>, e.g. volume=0.9:1.2:0.05 (got '${text}')`,
    );
  const [, name = '', a = '', b = '', c = ''] = m;
  if (!(SWEEP_PARAMETERS as readonly string[]).includes(name))
    throw new StaffcastError(
      'USAGE',
      `--sweep: unknown parameter '${name}' (known: ${SWEEP_PARAMETERS.join(', ')})`,
    );
  const [from, to, step] = [a, b, c].map(Number) as [number, number, number];
  for (const [label, v, raw] of [
    ['from', from, a],
    ['to', to, b],
    ['step', step, c],
  ] as const)
    if (raw.trim() === '' || !Number.isFinite(v))
      throw new StaffcastError('USAGE', `--sweep: ${label} must be a number (got '${raw}')`);
  if (!(step > 0)) throw new StaffcastError('USAGE', `--sweep: step must be > 0 (got ${c})`);
  if (to < from) throw new StaffcastError('USAGE', `--sweep: to must be >= from (got ${b} < ${a})`);
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  if (count > MAX_STEPS)
    throw new StaffcastError('USAGE', `--sweep: at most ${MAX_STEPS} steps (got ${count})`);
  const values: number[] = [];
  for (let i = 0; i < count; i++) values.push(Number((from + i * step).toFixed(10)));
  return { parameter: name as SweepParameter, values };
}

/**
 * The scenario variants of a sweep, one per value, named `<parameter>=<value>`: volume ->
 * volumeFactor, aht -> ahtFactor, sl -> target.serviceLevel, shrinkage -> shrinkage. O(steps).
 *
 * @example
 * sweepVariants({ parameter: 'sl', values: [0.9] }); // [{ name: 'sl=0.9', target: { serviceLevel: 0.9 } }]
 */
export function sweepVariants(sweep: Sweep): ScenarioVariant[] {
  return sweep.values.map((v) => {
    const name = `${sweep.parameter}=${v}`;
    switch (sweep.parameter) {
      case 'volume':
        return { name, volumeFactor: v };
      case 'aht':
        return { name, ahtFactor: v };
      case 'sl':
        return { name, target: { serviceLevel: v } };
      default:
        return { name, shrinkage: v };
    }
  });
}
