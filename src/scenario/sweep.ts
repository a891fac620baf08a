import { StaffcastError } from '../errors.js';
import type { ScenarioVariant } from '../schemas/scenarioFile.js';

/** The parameters a sweep can vary. */
export const SWEEP_PARAMETERS = [
  'volume',
  'aht-factor',
  'aht-seconds',
  'sl',
  'shrinkage',
  'confidence',
] as const;
/**
 * A sweep parameter: volume factor, handle-time factor, handle time in seconds, service-level
 * target (fraction), shrinkage (fraction), confidence that each day meets the target (`target.confidence`).
 */
export type SweepParameter = (typeof SWEEP_PARAMETERS)[number];

/**
 * The range every value of each sweep parameter must lie in, inclusive (`open` marks an
 * excluded end): factors 0.1..10 (beyond that a sweep is a typo, e.g. seconds written as a
 * factor), handle time up to one day, service level and shrinkage fractions.
 */
export const SWEEP_RANGES: Readonly<
  Record<SweepParameter, { min: number; max: number; minOpen?: boolean; maxOpen?: boolean; unit: string }>
> = {
  volume: { min: 0.1, max: 10, unit: 'a factor of the forecast contacts' },
  'aht-factor': { min: 0.1, max: 10, unit: 'a factor of the handle time' },
  'aht-seconds': { min: 0, max: 86_400, minOpen: true, unit: 'handle time in seconds' },
  sl: { min: 0, max: 1, minOpen: true, unit: 'a service-level fraction' },
  shrinkage: { min: 0, max: 1, maxOpen: true, unit: 'a shrinkage fraction' },
  confidence: { min: 0.5, max: 0.99, unit: 'the probability that a day meets the target' },
};

/** A parsed `--sweep` flag. */
export interface Sweep {
  parameter: SweepParameter;
  /** The steps from..to inclusive, rounded to 10 decimals. */
  values: number[];
}

const MAX_STEPS = 1000;

/**
 * Parses `--sweep <parameter>=<from>:<to>:<step>` (e.g. `volume=0.9:1.2:0.05`,
 * `aht-seconds=280:320:20`): the values from, from + step, ... up to to inclusive (a tolerance of
 * 1e-9 steps; values rounded to 10 decimals so 0.9 + 2 x 0.05 is 1). At most 1000 steps; from and
 * to must lie in the parameter's `SWEEP_RANGES`. The old `aht=` (which read seconds as a factor) is
 * refused with the two forms that name the unit. O(steps).
 *
 * @throws StaffcastError `USAGE` naming --sweep for bad syntax, an unknown parameter (`aht` included),
 *   a step <= 0, to < from, too many steps, or a value outside the parameter's range, e.g.
 *   "--sweep: aht-factor must be 0.1..10 (a factor of the handle time; got 280): for seconds write aht-seconds=280:320:20".
 * @example
 * parseSweep('volume=0.9:1:0.05'); // { parameter: 'volume', values: [0.9, 0.95, 1] }
 * parseSweep('aht-seconds=280:320:20'); // { parameter: 'aht-seconds', values: [280, 300, 320] }
 */
export function parseSweep(text: string): Sweep {
  const m = /^([a-z-]+)=([^:]+):([^:]+):([^:]+)$/.exec(text);
  if (m === null)
    throw new StaffcastError(
      'USAGE',
      `--sweep: expected <parameter>=<from>:<to>:<step>, e.g. volume=0.9:1.2:0.05 (got '${text}')`,
    );
  const [, name = '', a = '', b = '', c = ''] = m;
  if (name === 'aht')
    throw new StaffcastError(
      'USAGE',
      `--sweep: 'aht' does not say its unit: write aht-factor=${a}:${b}:${c} (multiplies the handle time) or aht-seconds=${a}:${b}:${c} (sets it in seconds)`,
    );
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
  checkRange(name as SweepParameter, text, from, to, step);
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  if (count > MAX_STEPS)
    throw new StaffcastError('USAGE', `--sweep: at most ${MAX_STEPS} steps (got ${count})`);
  const values: number[] = [];
  for (let i = 0; i < count; i++) values.push(Number((from + i * step).toFixed(10)));
  return { parameter: name as SweepParameter, values };
}

/** Throws the USAGE error of a sweep whose from or to lies outside the parameter's range. */
function checkRange(parameter: SweepParameter, text: string, from: number, to: number, step: number): void {
  const r = SWEEP_RANGES[parameter];
  const inside = (v: number) =>
    (r.minOpen === true ? v > r.min : v >= r.min) && (r.maxOpen === true ? v < r.max : v <= r.max);
  const bad = [from, to].find((v) => !inside(v));
  if (bad === undefined) return;
  const bounds =
    r.minOpen !== true && r.maxOpen !== true
      ? `${r.min}..${r.max}`
      : `${r.minOpen === true ? '>' : '>='} ${r.min} and ${r.maxOpen === true ? '<' : '<='} ${r.max}`;
  let hint = '';
  const spec = text.slice(text.indexOf('=') + 1);
  if (parameter === 'aht-factor' && bad > r.max) hint = `: for seconds write aht-seconds=${spec}`;
  else if ((parameter === 'sl' || parameter === 'shrinkage' || parameter === 'confidence') && bad > 1)
    hint = `: write fractions, e.g. ${parameter}=${[from, to, step].map((v) => Number((v / 100).toFixed(10))).join(':')}`;
  throw new StaffcastError('USAGE', `--sweep: ${parameter} must be ${bounds} (${r.unit}; got ${bad})${hint}`);
}

/**
 * The scenario variants of a sweep, one per value, named `<parameter>=<value>`: volume ->
 * volumeFactor, aht-factor -> ahtFactor, aht-seconds -> ahtSeconds, sl -> target.serviceLevel,
 * shrinkage -> shrinkage, confidence -> target.confidence. O(steps).
 *
 * @example
 * sweepVariants({ parameter: 'sl', values: [0.9] }); // [{ name: 'sl=0.9', target: { serviceLevel: 0.9 } }]
 * sweepVariants({ parameter: 'confidence', values: [0.9] }); // [{ name: 'confidence=0.9', target: { confidence: 0.9 } }]
 */
export function sweepVariants(sweep: Sweep): ScenarioVariant[] {
  return sweep.values.map((v) => {
    const name = `${sweep.parameter}=${v}`;
    switch (sweep.parameter) {
      case 'volume':
        return { name, volumeFactor: v };
      case 'aht-factor':
        return { name, ahtFactor: v };
      case 'aht-seconds':
        return { name, ahtSeconds: v };
      case 'sl':
        return { name, target: { serviceLevel: v } };
      case 'confidence':
        return { name, target: { confidence: v } };
      default:
        return { name, shrinkage: v };
    }
  });
}
