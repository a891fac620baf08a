import { z } from 'zod';
import { StaffcastError } from '../errors.js';
import { AgentsFileSchema } from '../schemas/agentsFile.js';
import { planConfigSchema } from '../schemas/planConfig.js';
import { scenarioFileSchema } from '../schemas/scenarioFile.js';
import { ShiftRules } from '../schemas/shiftRules.js';
import { staffingConfigSchema } from '../schemas/staffingConfig.js';

/**
 * The JSON files `staffcast schema <kind>` can describe: kind -> zod schema.
 *
 * To add a kind (a staffing config, a plan or scenario file ...), add ONE line to this map with
 * the zod schema its reader validates with; the command, its help text and its tests pick it up.
 *
 * @example
 * Object.keys(SCHEMA_KINDS).includes('rules'); // true
 */
export const SCHEMA_KINDS: Readonly<Record<string, z.ZodType>> = {
  agents: AgentsFileSchema, // named agents for rostering, JSON form (src/schemas/agentsFile.ts; CSV: src/io/agentsCsv.ts)
  plan: planConfigSchema, // history -> roster config for `staffcast plan --config` (src/schemas/planConfig.ts)
  rules: ShiftRules, // shift rules for `staffcast schedule --rules` (src/schemas/shiftRules.ts)
  scenario: scenarioFileSchema, // base plan + what-if variants for `staffcast scenario` (src/schemas/scenarioFile.ts)
  staffing: staffingConfigSchema, // per-queue parameters for `staffcast staff --config` (src/schemas/staffingConfig.ts)
};

/**
 * The JSON Schema (draft 2020-12, input side: defaults optional) of a file kind, from its zod
 * schema via `z.toJSONSchema`: the `schema` use case.
 *
 * @throws StaffcastError `USAGE` for an unknown kind, listing the known ones
 * @example
 * jsonSchemaFor('rules').required; // ['shiftTypes']
 */
export function jsonSchemaFor(kind: string): Record<string, unknown> {
  const schema = SCHEMA_KINDS[kind];
  if (schema === undefined)
    throw new StaffcastError(
      'USAGE',
      `schema: unknown kind '${kind}' (known: ${Object.keys(SCHEMA_KINDS).sort().join(', ')})`,
    );
  return z.toJSONSchema(schema, { io: 'input' }) as Record<string, unknown>;
}
