import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { StaffcastError } from '../../src/errors.js';
import { calibrationParamsSchema } from '../../src/schemas/calibrationParams.js';
import {
  formatConfigPath,
  parseJsonText,
  validateConfig,
  withoutUndefined,
} from '../../src/schemas/validateConfig.js';

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(StaffcastError);
    expect((error as StaffcastError).code).toBe('CONFIG');
    return (error as Error).message;
  }
  throw new Error('expected a CONFIG error');
}

const rules = z.strictObject({
  horizonDays: z.number().int().positive().optional(),
  shrinkage: z.union([z.number().min(0).lt(1), z.strictObject({ default: z.number() })]).optional(),
  shiftTypes: z
    .array(
      z.strictObject({
        name: z.string(),
        lengthMinutes: z.number().positive().optional(),
        breaks: z.array(z.strictObject({ durationMinutes: z.number() })).default([]),
      }),
    )
    .optional(),
});

describe('formatConfigPath', () => {
  it('writes array indices in brackets and keys with dots, like a JavaScript accessor', () => {
    expect(formatConfigPath(['shiftTypes', 0, 'lengthMinutes'])).toBe('shiftTypes[0].lengthMinutes');
    expect(formatConfigPath([3, 'a'])).toBe('[3].a');
    expect(formatConfigPath(['odd key', 'x-y'])).toBe('["odd key"]["x-y"]');
    expect(formatConfigPath([])).toBe('');
  });

  it('never writes a dot before a bracket or two dots in a row (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.nat(99), fc.string({ minLength: 1, maxLength: 6 })), { maxLength: 6 }),
        (path) => {
          const text = formatConfigPath(path);
          // quoted keys (`["a.b"]`) may hold any characters: check the path around them
          const outside = text.replace(/\["(?:[^"\\]|\\.)*"\]/g, '[""]');
          expect(outside).not.toMatch(/\.\[|\.\.|^\./);
          expect(text.match(/\[\d+\]/g)?.length ?? 0).toBeGreaterThanOrEqual(
            path.filter((k) => typeof k === 'number').length,
          );
        },
      ),
    );
  });
});

describe('validateConfig messages', () => {
  it('names a nested field by its bracketed path', () => {
    expect(
      messageOf(() => validateConfig(rules, { shiftTypes: [{ name: 'd', lengthMinutes: -5 }] }, 'r.json')),
    ).toBe('r.json: shiftTypes[0].lengthMinutes: Too small: expected number to be >0');
  });

  it('says unknown key at the top level without a (root) path and suggests the key meant', () => {
    expect(messageOf(() => validateConfig(rules, { horizon: 3 }, 'plan.json'))).toBe(
      'plan.json: unknown key "horizon" (did you mean "horizonDays"?)',
    );
  });

  it('lists the known keys when no key is close to the unknown one', () => {
    expect(
      messageOf(() => validateConfig(rules, { shiftTypes: [{ name: 'd', colour: 'red' }] }, 'r.json')),
    ).toBe('r.json: shiftTypes[0]: unknown key "colour" (known keys: name, lengthMinutes, breaks)');
  });

  it('looks through arrays, defaults and optionals for the known keys of a deep object', () => {
    expect(
      messageOf(() =>
        validateConfig(rules, { shiftTypes: [{ name: 'd', breaks: [{ durationMinute: 15 }] }] }, 'r.json'),
      ),
    ).toBe(
      'r.json: shiftTypes[0].breaks[0].durationMinutes: missing (expected number); shiftTypes[0].breaks[0]: unknown key "durationMinute" (did you mean "durationMinutes"?)',
    );
  });

  it('names every unknown key of one object together', () => {
    expect(messageOf(() => validateConfig(rules, { colour: 1, size: 2 }, 'p.json'))).toBe(
      'p.json: unknown keys "colour", "size" (known keys: horizonDays, shrinkage, shiftTypes)',
    );
  });

  it('says which types a union accepts instead of a bare "Invalid input"', () => {
    expect(messageOf(() => validateConfig(rules, { shrinkage: '0.3' }, 'p.json'))).toBe(
      'p.json: shrinkage: Invalid input: expected number or object',
    );
  });

  it('reports every problem of the union branch that got furthest, with its path', () => {
    expect(messageOf(() => validateConfig(rules, { shrinkage: { default: 'x' } }, 'p.json'))).toBe(
      'p.json: shrinkage.default: Invalid input: expected number, received string',
    );
    expect(messageOf(() => validateConfig(rules, { shrinkage: { defualt: 0.3 } }, 'p.json'))).toBe(
      'p.json: shrinkage.default: missing (expected number); shrinkage: unknown key "defualt" (did you mean "default"?)',
    );
    expect(messageOf(() => validateConfig(rules, { shrinkage: 2 }, 'p.json'))).toBe(
      'p.json: shrinkage: Too big: expected number to be <1',
    );
  });

  it('reports a whole-file problem without a path', () => {
    expect(messageOf(() => validateConfig(rules, [1], 'p.json'))).toBe(
      'p.json: Invalid input: expected object, received array',
    );
  });
});

describe('parseJsonText', () => {
  it('names the line and column where the JSON breaks (a trailing comma on line 2)', () => {
    expect(messageOf(() => parseJsonText('{\n  "a": 1,\n}', 'p.json'))).toBe(
      'p.json: not valid JSON at line 3, column 1: Expected double-quoted property name',
    );
    expect(messageOf(() => parseJsonText('{"a": 1', 'p.json'))).toMatch(
      /^p\.json: not valid JSON( at line 1, column 8)?: /,
    );
  });

  it('names the file and escapes control characters the parser quotes', () => {
    const message = messageOf(() => parseJsonText('{"a":\u0001}', 'x.json'));
    expect(message.startsWith('x.json: not valid JSON: ')).toBe(true);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the check is that none are left
    expect(message).not.toMatch(/[\u0000-\u001f]/);
  });

  it('skips a UTF-8 byte-order mark, as the CSV readers do, and still counts columns without it', () => {
    expect(parseJsonText('\uFEFF{"a": 1}', 'p.json')).toEqual({ a: 1 });
    expect(messageOf(() => parseJsonText('\uFEFF{\n  "a": 1,\n}', 'p.json'))).toBe(
      'p.json: not valid JSON at line 3, column 1: Expected double-quoted property name',
    );
  });
});

describe('calibrationParamsSchema through validateConfig', () => {
  it('rejects an unknown key at the top and inside nested objects', () => {
    const hourly = Array.from({ length: 24 }, () => 180);
    const params = {
      kind: 'staffcast-calibration',
      version: 1,
      timeZone: 'UTC',
      intervalMinutes: 30,
      thresholdSeconds: 20,
      busyWeekdays: [1, 2, 3, 4, 5],
      availabilityFactor: 0.85,
      ahtSecondsByHour: { workweek: hourly, weekend: hourly },
      patienceSecondsByHour: { workweek: hourly, weekend: hourly },
      fittedOn: { from: '2024-01-01T00:00:00Z', to: '2024-01-15T00:00:00Z' },
    };
    expect(validateConfig(calibrationParamsSchema, params, 'p.json').availabilityFactor).toBe(0.85);
    expect(messageOf(() => validateConfig(calibrationParamsSchema, { ...params, factor: 1 }, 'p.json'))).toBe(
      'p.json: unknown key "factor" (known keys: kind, version, timeZone, intervalMinutes, thresholdSeconds, busyWeekdays, availabilityFactor, ahtSecondsByHour, patienceSecondsByHour, fittedOn)',
    );
    expect(
      messageOf(() =>
        validateConfig(
          calibrationParamsSchema,
          { ...params, fittedOn: { ...params.fittedOn, until: 'x' } },
          'p.json',
        ),
      ),
    ).toBe('p.json: fittedOn: unknown key "until" (known keys: from, to)');
  });
});

describe('withoutUndefined', () => {
  it('removes every key holding undefined at any depth and keeps every other value', () => {
    const when = new Date(0);
    const input = { a: 1, b: undefined, c: [{ d: undefined, e: null }], f: { g: { h: undefined } }, when };
    const out = withoutUndefined(input);
    expect(out).toStrictEqual({ a: 1, c: [{ e: null }], f: { g: {} }, when });
    expect(out.when).toBe(when);
    expect(input.c[0]).toHaveProperty('d');
  });

  it('keeps a JSON key named __proto__ as a key (JSON.parse makes it an own property)', () => {
    const value = JSON.parse('{"__proto__": false, "a": {"__proto__": 1}}') as Record<string, unknown>;
    expect(JSON.stringify(withoutUndefined(value))).toBe('{"__proto__":false,"a":{"__proto__":1}}');
  });

  it('gives a value whose JSON text is that of its input (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.dictionary(fc.string(), fc.constant(undefined)), (json, holes) => {
        const value =
          typeof json === 'object' && json !== null && !Array.isArray(json) ? { ...holes, ...json } : json;
        expect(JSON.stringify(withoutUndefined(value))).toBe(JSON.stringify(value));
      }),
    );
  });
});
