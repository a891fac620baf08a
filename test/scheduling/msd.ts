/**
 * Converter for the Minimum Shift Design `.dzn` instances (test/fixtures/shiftdata/README.md):
 * MiniZinc data -> a staffcast requirement and shift rules for the two reference objectives.
 */
import { readFileSync } from 'node:fs';
import type { ShiftRequirement } from '../../src/scheduling/calendar.js';
import type { ShiftRulesInput } from '../../src/schemas/shiftRules.js';

export interface MsdInstance {
  intervalMinutes: number;
  days: number;
  demand: number[];
  minStart: number[];
  maxStart: number[];
  minLength: number[];
  maxLength: number[];
}

/** Parses the `name = value;` lines of a .dzn file (numbers and [..] arrays only). */
export function parseDzn(text: string): MsdInstance {
  const fields = new Map<string, number[]>();
  for (const m of text.matchAll(/(\w+)\s*=\s*([^;]+);/g)) {
    const raw = (m[2] ?? '').replace(/[[\]]/g, '');
    fields.set(
      m[1] ?? '',
      raw.split(',').map((v) => Number(v.trim())),
    );
  }
  const get = (k: string): number[] => {
    const v = fields.get(k);
    if (v === undefined) throw new Error(`dzn: missing ${k}`);
    return v;
  };
  return {
    intervalMinutes: get('interval')[0] ?? 0,
    days: get('days')[0] ?? 0,
    demand: get('demand'),
    minStart: get('minStart'),
    maxStart: get('maxStart'),
    minLength: get('minLength'),
    maxLength: get('maxLength'),
  };
}

export function readDzn(path: string): MsdInstance {
  return parseDzn(readFileSync(path, 'utf8'));
}

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export function msdRequirement(inst: MsdInstance): ShiftRequirement {
  return { intervalMinutes: inst.intervalMinutes, required: inst.demand };
}

/**
 * Rules for objective A (min staffed person-minutes under full cover: cost = minutes, under-cover
 * forbidden, over-cover free) or B (min over+under person-minutes: shifts free, each agent-interval
 * of deviation costs `intervalMinutes`). Cyclic week, no breaks, every start slot and length.
 */
export function msdRules(inst: MsdInstance, objective: 'A' | 'B'): ShiftRulesInput {
  const iv = inst.intervalMinutes;
  return {
    cyclicWeek: true,
    shiftTypes: inst.minStart.map((lo, k) => ({
      name: `type${k + 1}`,
      earliestStart: hhmm(lo * iv),
      latestStart: hhmm((inst.maxStart[k] ?? lo) * iv),
      startStepMinutes: iv,
      lengthMinutes: { min: (inst.minLength[k] ?? 1) * iv, max: (inst.maxLength[k] ?? 1) * iv, step: iv },
      costPerPaidHour: objective === 'A' ? 60 : 0,
    })),
    coverage:
      objective === 'A'
        ? { allowUnderCoverage: false, overPenaltyPerAgentInterval: 0, underPenaltyPerAgentInterval: 0 }
        : { allowUnderCoverage: true, overPenaltyPerAgentInterval: iv, underPenaltyPerAgentInterval: iv },
  };
}
