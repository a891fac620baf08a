import type { z } from 'zod';
import { StaffcastError } from './errors.js';

/**
 * Parses JSON text from a config file.
 *
 * @throws StaffcastError `CONFIG` "<source>: not valid JSON: <parser message>"
 * @example
 * parseJsonText('{"a": 1}', 'plan.json'); // { a: 1 }
 */
export function parseJsonText(text: string, source: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new StaffcastError('CONFIG', `${source}: not valid JSON: ${(error as Error).message}`, { source });
  }
}

/**
 * Validates a parsed config (rules, staffing, plan, scenario, fitted parameters) with its zod schema
 * and returns the output with defaults filled. Every problem is listed, as `path: message` joined by
 * `; ` (`(root)` for the top level).
 *
 * @throws StaffcastError `CONFIG` "<source>: <path>: <message>[; ...]" with the zod issues in `details`
 * @example
 * validateConfig(z.strictObject({ a: z.number() }), { a: 1, b: 2 }, 'x.json');
 * // throws CONFIG 'x.json: (root): Unrecognized key: "b"'
 */
export function validateConfig<S extends z.ZodType>(schema: S, value: unknown, source: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map(
    (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
  );
  throw new StaffcastError('CONFIG', `${source}: ${problems.join('; ')}`, {
    source,
    issues: parsed.error.issues,
  });
}
