import type { z } from 'zod';
import { StaffcastError } from '../errors.js';
import { echoValue } from '../messageText.js';

/**
 * Parses JSON text from a config file. A syntax error names the line and column (1-based) where
 * the parser stopped, computed from the position in the parser's message (which differs between
 * Node versions, so that part is rewritten); control characters of the message are escaped, so a
 * binary file never writes raw bytes to the terminal; a long echoed part is cut (`echoValue`). A
 * leading UTF-8 byte-order mark is skipped, as the CSV readers skip it. Cost O(size).
 *
 * @internal
 * @throws StaffcastError `CONFIG` "<source>: not valid JSON at line L, column C: <parser message>"
 * @example
 * parseJsonText('{"a": 1}', 'plan.json'); // { a: 1 }
 * parseJsonText('{"a": 1,\n}', 'plan.json');
 * // throws CONFIG 'plan.json: not valid JSON at line 2, column 1: Expected double-quoted property name'
 */
export function parseJsonText(text: string, source: string): unknown {
  // a UTF-8 byte-order mark (Windows editors write one) is not part of the JSON, as for CSV files
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(json) as unknown;
  } catch (error) {
    let message = (error as Error).message;
    let where = '';
    const at = / in JSON at position (\d+)(?: \(line \d+ column \d+\))?$/.exec(message);
    if (at !== null) {
      const position = Number(at[1]);
      const before = json.slice(0, position);
      const line = before.split('\n').length;
      const column = position - (before.lastIndexOf('\n') + 1) + 1;
      where = ` at line ${line}, column ${column}`;
      message = message.slice(0, at.index);
    }
    throw new StaffcastError('CONFIG', `${source}: not valid JSON${where}: ${echoValue(message)}`, {
      source,
    });
  }
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * A zod issue path as a JavaScript-like accessor: `shiftTypes[0].lengthsMinutes`, `["odd key"]`;
 * the empty path is `''`. O(path length).
 *
 * @internal
 * @example
 * formatConfigPath(['shiftTypes', 0, 'lengthsMinutes']); // 'shiftTypes[0].lengthsMinutes'
 */
export function formatConfigPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && IDENTIFIER.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** zod 4 schema internals read by `knownKeys` (the public `_zod.def` of every schema). */
interface SchemaDef {
  type: string;
  shape?: Record<string, unknown>;
  element?: unknown;
  innerType?: unknown;
  in?: unknown;
  options?: unknown[];
  left?: unknown;
  right?: unknown;
  getter?: () => unknown;
}

function defOf(schema: unknown): SchemaDef | undefined {
  return (schema as { _zod?: { def?: SchemaDef } } | undefined)?._zod?.def;
}

/** The object schemas `schema` can be at `path` (wrappers, unions and pipes looked through). */
function objectsAt(schema: unknown, path: readonly PropertyKey[], depth = 0): SchemaDef[] {
  const def = defOf(schema);
  if (def === undefined || depth > 64) return [];
  const again = (inner: unknown, rest = path) => objectsAt(inner, rest, depth + 1);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return again(def.innerType);
    case 'pipe':
      return again(def.in);
    case 'lazy':
      return def.getter === undefined ? [] : again(def.getter());
    case 'union':
      return (def.options ?? []).flatMap((option) => again(option));
    case 'intersection':
      return [...again(def.left), ...again(def.right)];
    default:
      break;
  }
  if (path.length === 0) return def.type === 'object' ? [def] : [];
  const [head, ...rest] = path;
  if (def.type === 'array' && typeof head === 'number') return again(def.element, rest);
  if (def.type === 'object' && typeof head === 'string' && def.shape?.[head] !== undefined)
    return again(def.shape[head], rest);
  return [];
}

/** Whether the key at the end of `path` is absent from its (present) parent object in `value`. */
function isAbsent(value: unknown, path: readonly PropertyKey[]): boolean {
  if (path.length === 0) return false;
  let parent = value;
  for (const key of path.slice(0, -1)) {
    if (typeof parent !== 'object' || parent === null) return false;
    parent = (parent as Record<PropertyKey, unknown>)[key];
  }
  if (typeof parent !== 'object' || parent === null || Array.isArray(parent)) return false;
  return !Object.hasOwn(parent, path[path.length - 1]!);
}

/** Edit distance (insertions, deletions, substitutions), for "did you mean". O(a x b). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = row;
  }
  return previous[b.length]!;
}

/** The known key closest to `key` when it is plausibly a typo or a shortening of it. */
function closestKey(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const c = candidate.toLowerCase();
    const score = c.startsWith(lower) || lower.startsWith(c) ? 0.5 : editDistance(lower, c);
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return bestScore <= Math.max(1, Math.floor(key.length / 3)) ? best : undefined;
}

function unknownKeysMessage(
  schema: z.ZodType,
  path: readonly PropertyKey[],
  keys: readonly string[],
): string {
  const known = [...new Set(objectsAt(schema, path).flatMap((def) => Object.keys(def.shape ?? {})))];
  const quoted = keys.map((k) => JSON.stringify(k)).join(', ');
  let message = `unknown key${keys.length > 1 ? 's' : ''} ${quoted}`;
  const suggestion = keys.length === 1 ? closestKey(keys[0]!, known) : undefined;
  if (suggestion !== undefined) message += ` (did you mean "${suggestion}"?)`;
  else if (known.length > 0) message += ` (known keys: ${known.join(', ')})`;
  return message;
}

/**
 * Formats one zod issue: `path: message`, the path by `formatConfigPath`; an issue about the file as
 * a whole has no path prefix. Unknown keys read `unknown key "colour"` with the closest known key
 * ("did you mean") or the list of known keys; a required key that is absent reads `missing
 * (expected number)`; a union no branch of which matched is `unionMessage`.
 */
function formatIssue(schema: z.ZodType, value: unknown, issue: z.core.$ZodIssue): string {
  const path = issue.path as PropertyKey[];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) return unionMessage(schema, value, issue);
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') message = unknownKeysMessage(schema, path, issue.keys);
  else if (issue.code === 'invalid_type' && isAbsent(value, path))
    message = `missing (expected ${issue.expected})`;
  const where = formatConfigPath(path);
  return where === '' ? message : `${where}: ${message}`;
}

/**
 * A union no branch of which matched: every issue of the branch that got furthest into the value
 * (its first issue has the longest path), each formatted by `formatIssue`; when no branch got past
 * the value itself, the types the branches accept (`expected number or object`) or their messages.
 */
function unionMessage(schema: z.ZodType, value: unknown, issue: z.core.$ZodIssueInvalidUnion): string {
  const path = issue.path as PropertyKey[];
  const branches = issue.errors.filter((errors) => errors.length > 0);
  const depth = (errors: z.core.$ZodIssue[]) => errors[0]!.path.length;
  const deepest = branches.reduce<z.core.$ZodIssue[] | undefined>(
    (best, errors) => (best === undefined || depth(errors) > depth(best) ? errors : best),
    undefined,
  );
  if (deepest !== undefined && depth(deepest) > 0)
    return deepest
      .map((e) => formatIssue(schema, value, { ...e, path: [...path, ...e.path] } as z.core.$ZodIssue))
      .join('; ');
  const firsts = branches.map((errors) => errors[0]!);
  const expected = firsts.flatMap((e) => (e.code === 'invalid_type' ? [e.expected] : []));
  let message = issue.message;
  if (expected.length === firsts.length && expected.length > 0)
    message = `Invalid input: expected ${[...new Set(expected)].join(' or ')}`;
  else if (firsts.length > 0) message = firsts.map((e) => e.message).join(', or ');
  const where = formatConfigPath(path);
  return where === '' ? message : `${where}: ${message}`;
}

/**
 * Validates a parsed config (rules, staffing, plan, scenario, fitted parameters) with its zod schema
 * and returns the output with defaults filled. Every problem is listed as `path: message`, joined by
 * `; `: paths read like JavaScript (`shiftTypes[0].lengthsMinutes`), problems with the whole file
 * have no path, and unknown keys read `unknown key "colour"` with a "did you mean" or the known
 * keys. A config that fails is a data error (`CONFIG`, CLI exit code 1), not a usage error: the
 * command line was right, the file is wrong. Cost O(size of the value).
 *
 * @internal
 * @throws StaffcastError `CONFIG` "<source>: <path>: <message>[; ...]" with the zod issues in `details`
 * @example
 * import { z } from 'zod';
 * validateConfig(z.strictObject({ total: z.number() }), { total: 1, totl: 2 }, 'x.json');
 * // throws CONFIG 'x.json: unknown key "totl" (did you mean "total"?)'
 */
export function validateConfig<S extends z.ZodType>(schema: S, value: unknown, source: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => formatIssue(schema, value, issue));
  throw new StaffcastError('CONFIG', `${source}: ${problems.join('; ')}`, {
    source,
    issues: parsed.error.issues,
  });
}

/**
 * `T` with `undefined` taken out of every property, deeply: the type of a parsed config once
 * `withoutUndefined` has removed the keys that hold `undefined`. zod types an optional key
 * `key?: T | undefined`; the domain's plain types are exact (`exactOptionalPropertyTypes`), so a
 * schema's output is checked against the domain type it stands for as `Defined<output>`.
 *
 * @internal
 */
export type Defined<T> = T extends readonly (infer E)[]
  ? Defined<E>[]
  : T extends object
    ? { [K in keyof T]: Defined<Exclude<T[K], undefined>> }
    : T;

/**
 * A parsed config with every key that holds `undefined` removed, deeply (a config parsed from
 * JSON has none; an object given by a program may): what the domain's exact types describe. A new
 * object; arrays and plain objects are copied, other values kept. Cost O(size).
 *
 * @internal
 * @example
 * withoutUndefined({ a: 1, b: undefined, c: [{ d: undefined, e: 'x' }] }); // { a: 1, c: [{ e: 'x' }] }
 */
export function withoutUndefined<T>(value: T): Defined<T> {
  if (Array.isArray(value)) return value.map((v: unknown) => withoutUndefined(v)) as Defined<T>;
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    // fromEntries defines own properties, so a JSON key "__proto__" stays a key (assignment would set the prototype)
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([key, v]) => [key, withoutUndefined(v)]),
    ) as Defined<T>;
  }
  return value as Defined<T>;
}
