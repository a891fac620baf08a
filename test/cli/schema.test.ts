import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runStaffcast } from './run.js';

describe('staffcast schema', () => {
  it('prints the JSON Schema of the shift rules, strict objects and defaults included', async () => {
    const r = await runStaffcast(['schema', 'rules']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toEqual(['shiftTypes']);
    expect(schema.additionalProperties).toBe(false);
    const shiftType = schema.properties.shiftTypes.items;
    expect(shiftType.additionalProperties).toBe(false);
    expect(shiftType.required).toEqual(expect.arrayContaining(['name', 'earliestStart', 'latestStart']));
    expect(shiftType.properties.costPerPaidHour.default).toBe(1);
    expect(schema.properties.cyclicWeek.default).toBe(false);
  });

  it('exits 2 for an unknown kind and lists the known ones', async () => {
    const r = await runStaffcast(['schema', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown kind 'nope' \(known: .*rules/);
  });
});

describe('staffcast schema -o', () => {
  it('writes the JSON Schema to the file instead of stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'staffcast-schema-'));
    const printed = await runStaffcast(['schema', 'plan']);
    const written = await runStaffcast(['schema', 'plan', '-o', 'plan.schema.json'], { cwd: dir });
    expect(written.code).toBe(0);
    expect(written.stdout).toBe('');
    expect(readFileSync(join(dir, 'plan.schema.json'), 'utf8')).toBe(printed.stdout);
  });
});
