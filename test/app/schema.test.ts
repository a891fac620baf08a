import { describe, expect, it } from 'vitest';
import { jsonSchemaFor, SCHEMA_KINDS } from '../../src/app/schema.js';

describe('jsonSchemaFor', () => {
  it('gives the input-side JSON Schema of every kind (defaults optional)', () => {
    for (const kind of Object.keys(SCHEMA_KINDS)) {
      const schema = jsonSchemaFor(kind);
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema.type).toBe('object');
    }
    // costPerPaidHour has a default: the input side does not require it
    const shiftType = (
      jsonSchemaFor('rules') as { properties: { shiftTypes: { items: { required: string[] } } } }
    ).properties.shiftTypes.items;
    expect(shiftType.required).not.toContain('costPerPaidHour');
  });

  it('describes the agents file, contract defaults optional, and the roster key of the rules', () => {
    const agents = jsonSchemaFor('agents') as {
      required: string[];
      properties: {
        agents: { items: { required: string[]; properties: { contract: { required: string[] } } } };
      };
    };
    expect(agents.required).toEqual(['agents']);
    expect(agents.properties.agents.items.required).toEqual(['id', 'name', 'contract', 'skills']);
    expect(agents.properties.agents.items.properties.contract.required).toEqual([
      'maxHoursPerWeek',
      'maxDaysPerWeek',
    ]);
    const rules = jsonSchemaFor('rules') as { properties: Record<string, unknown> };
    expect(Object.keys(rules.properties)).toContain('roster');
  });

  it('throws USAGE naming the known kinds for an unknown one', () => {
    expect(() => jsonSchemaFor('nope')).toThrow(
      "schema: unknown kind 'nope' (known: agents, plan, rules, scenario, staffing)",
    );
  });
});
