import { jsonSchemaFor, SCHEMA_KINDS } from '../app/schema.js';
import type { CommandRegistrar } from './context.js';
import { writeOutput } from './output.js';

/**
 * `staffcast schema <kind> [-o file]`: prints the JSON Schema of a rules/config file kind
 * (`jsonSchemaFor`) on stdout or writes it to `-o`, for editors to validate and complete the files.
 *
 * @example
 * // (not run: a command line)
 * // staffcast schema rules -o rules.schema.json
 */
export const registerSchema: CommandRegistrar = (program, ctx) => {
  program
    .command('schema')
    .description(`print the JSON Schema of a file kind (${Object.keys(SCHEMA_KINDS).sort().join(', ')})`)
    .argument('<kind>', 'file kind')
    .option('-o, --output <file>', 'write the JSON Schema to this file instead of stdout')
    .action(async (kind: string, flags: { output?: string }) => {
      await writeOutput(ctx, flags.output, `${JSON.stringify(jsonSchemaFor(kind), null, 2)}\n`);
    });
};
