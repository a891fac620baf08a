/** Loads the reference fixtures (test/fixtures/reference) and checks values to their stated tolerance. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { QueueDemand, StaffingTarget } from '../../src/queueing/types.js';

function load<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/reference/${name}`, import.meta.url), 'utf8')) as T;
}

/** Shape of erlang-vectors.json (the public API's own terms). */
export interface Vectors {
  erlang: { agents: number; erlangs: number; erlangB: number; erlangC: number }[];
  metrics: {
    demand: QueueDemand;
    agents: number;
    thresholdSeconds: number;
    expected: {
      probWait: number;
      serviceLevel: number;
      serviceLevelExcludeShortAbandons?: number;
      serviceLevelVirtualWait?: number;
      asaSeconds: number;
      abandonRate: number;
      occupancy: number;
    };
  }[];
  required: { demand: QueueDemand; target: StaffingTarget; agents: number }[];
}

/** One Erlang C worked case of erlang-cases.json (unstable cases carry only A, n, B). */
export interface ErlangCCase {
  case: string;
  A: number;
  n: number;
  aht?: number;
  t?: number;
  B: number;
  Pwait?: number;
  SL?: number;
  ASA?: number;
  occ?: number;
  stable: boolean;
}
/** One Erlang A worked case of erlang-cases.json (rates per second, times in seconds). */
export interface ErlangACase {
  case: string;
  lam_per_s: number;
  aht: number;
  patience: number;
  t: number;
  n: number;
  B: number;
  Pwait: number;
  Pab: number;
  SL_answered: number;
  SL_virtual: number;
  SL_excl_short_ab: number;
  ASA_answered: number;
  EW_all: number;
  occ: number;
}
/** Shape of erlang-cases.json (the keys the tests use). */
export interface Cases {
  erlang_c: ErlangCCase[];
  erlang_a: ErlangACase[];
  min_agents: {
    case: string;
    A: number;
    target: number;
    t: number;
    erlang_c: number;
    erlang_c_maxocc85: number;
    erlang_a_pat60: number;
    erlang_a_pat300: number;
    erlang_a_pat60_ab2pct: number;
    erlang_a_pat300_ab2pct: number;
  }[];
  inverse: { n: number; aht: number; t: number; target: number; interval: number; max_calls: number }[];
}

/** The parsed erlang-vectors.json fixture. */
export const vectors = load<Vectors>('erlang-vectors.json');
/** The parsed erlang-cases.json fixture. */
export const cases = load<Cases>('erlang-cases.json');

/** Expects `got` within relative 1e-9 of `expected` (absolute 1e-12 when |expected| < 1e-3). */
export function expectClose(got: number, expected: number, label = ''): void {
  if (Math.abs(expected) < 1e-3) {
    expect(Math.abs(got - expected), `${label}: got ${got}, expected ${expected}`).toBeLessThan(1e-12);
  } else {
    expect(
      Math.abs(got - expected) / Math.abs(expected),
      `${label}: got ${got}, expected ${expected}`,
    ).toBeLessThan(1e-9);
  }
}

/** Erlang A values in extreme regimes, generated with mpmath from closed forms (see the fixture README). */
export interface ExtremeCase {
  agents: number;
  erlangs: number;
  ahtSeconds: number;
  patienceSeconds: number;
  thresholdSeconds: number;
  note: string;
  expected: {
    probWait: number;
    abandonRate: number;
    serviceLevel: number;
    serviceLevelVirtualWait: number;
    serviceLevelExcludeShortAbandons: number;
    asaSeconds: number;
    occupancy: number;
  };
}
/** The parsed erlang-a-extreme.json fixture. */
export const extreme = load<ExtremeCase[]>('erlang-a-extreme.json');
