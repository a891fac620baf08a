import { z } from 'zod';
import { StaffcastError } from '../errors.js';
import { staffingConfigSchema } from '../io/staffingConfig.js';
import { planConfigSchema } from '../plan/planConfig.js';
import { scenarioFileSchema } from '../scenario/scenarioConfig.js';
import { ShiftRules } from '../scheduling/rules.js';
import type { CommandRegistrar } from './program.js';

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
  plan: planConfigSchema, // history -> roster config for `staffcast plan --config` (src/plan/planConfig.ts)
  rules: ShiftRules, // shift rules for `staffcast schedule --rules` (src/scheduling/rules.ts)
  scenario: scenarioFileSchema, // base plan + what-if variants for `staffcast scenario` (src/scenario/scenarioConfig.ts)
  staffing: staffingConfigSchema, // per-queue parameters for `staffcast staff --config` (src/io/staffingConfig.ts)
};

/**
 * The JSON Schema (draft 2020-12, input side: defaults optional) of a file kind, from its zod
 * schema via `z.toJSONSchema`.
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

/**
 * `staffcast schema <kind>`: prints the JSON Schema of a rules/config file kind on stdout, for
 * editors to validate and complete the files.
 *
 * @example
 * // (not run: a shell command)
 * // staffcast schema rules > rules.schema.json
 */
export const registerSchema: CommandRegistrar = (program, ctx) => {
  program
    .command('schema')
    .description(`print the JSON Schema of a file kind (${Object.keys(SCHEMA_KINDS).sort().join(', ')})`)
    .argument('<kind>', 'file kind')
    .action((kind: string) => {
      ctx.stdout.write(`${JSON.stringify(jsonSchemaFor(kind), null, 2)}\n`);
    });
};
