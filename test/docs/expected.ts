/**
 * The `// result` comment of a doc example, parsed into something a value can be checked against.
 *
 * Grammar of a result comment (after `//`, continuation lines joined):
 * - `throws CODE`, `throws StaffcastError(CODE)`, `throws CODE 'message'`, `throws "message"`: the
 *   statement must throw; a code is compared with `StaffcastError.code`, a quoted message with the
 *   error's message (exactly, or as a prefix when the quote ends with `...`).
 * - otherwise (after an optional `returns `) a JavaScript value expression (`0.5`, `'mon'`, `[1, 2]`, `{ a: 1, ... }`, `19 / 21`,
 *   `Float64Array [1, 2]`), optionally led by `≈` or `~`. Remarks are parenthesised text that follows a
 *   complete value after a space (`true (works Mon-Fri)`): they are ignored, except `(to 1e-9)` which sets
 *   an absolute tolerance for every number.
 * - `...` as the last entry of an object or array: only the entries shown are checked (a prefix for an
 *   array).
 *
 * Numbers: a number written as a literal in the comment matches when the value rounded to the literal's
 * significant digits prints as the literal (`0.33` matches 0.3333...). Integer literals and literals with
 * 16 or more significant digits must match exactly, unless the comment starts with `≈`/`~` (then every
 * literal is compared to its significant digits). Computed numbers (`19 / 21`) must match exactly.
 * With `(to 1e-9)` every number must be within 1e-9.
 */

export type Expected =
  | { kind: 'throws'; code?: string; message?: string; messagePrefix?: boolean }
  | { kind: 'value'; source: string; approximate: boolean; tolerance?: number };

/** A number as printed in a result comment. */
export class PrintedNumber {
  constructor(
    readonly value: number,
    readonly text: string,
  ) {}
}

/** A typed array as printed (`Float64Array [1, 2]`). */
export class PrintedTypedArray {
  constructor(
    readonly typeName: string,
    readonly items: unknown[],
  ) {}
}

/** Marks "and more" (`...`) as the last entry of an object or array. */
export const MORE = Symbol('more');

const TYPED = /^(Int8|Uint8|Uint8Clamped|Int16|Uint16|Int32|Uint32|Float32|Float64|BigInt64|BigUint64)Array$/;

/** Parses the comment text of a result (without the `//`). Throws with a reason when it is not one. */
export function parseExpected(text: string): Expected {
  let t = text.trim();
  const throws = /^throws\b\s*(.*)$/s.exec(t);
  if (throws !== null) return parseThrows(throws[1] ?? '');
  t = t.replace(/^returns\s+/, '');
  let approximate = false;
  const approx = /^(≈|~|about\b)\s*/.exec(t);
  if (approx !== null) {
    approximate = true;
    t = t.slice(approx[0].length);
  }
  const { source, remarks } = instrument(t);
  let tolerance: number | undefined;
  for (const r of remarks) {
    const tol = /^to (?:within )?(\d+(?:\.\d+)?e-\d+)/.exec(r.trim());
    if (tol !== null) tolerance = Number(tol[1]);
  }
  if (source.trim() === '') throw new Error(`result comment has no value: "${text.trim()}"`);
  try {
    // compile only (nothing runs): a comment that is not an expression fails here, with its text
    new Function(`return (${source});`);
  } catch (e) {
    throw new Error(`result comment is not a value (${(e as Error).message}): "${text.trim()}"`);
  }
  return tolerance === undefined
    ? { kind: 'value', source, approximate }
    : { kind: 'value', source, approximate, tolerance };
}

function parseThrows(rest: string): Expected {
  const out: { kind: 'throws'; code?: string; message?: string; messagePrefix?: boolean } = {
    kind: 'throws',
  };
  let r = rest.trim();
  const code = /^(?:StaffcastError\(\s*'?([A-Z_]+)'?\s*\)|([A-Z][A-Z_]+)\b)/.exec(r);
  if (code !== null) {
    out.code = code[1] ?? code[2] ?? '';
    r = r.slice(code[0].length).trim();
  }
  const quoted = /^(['"`])(.*)\1/s.exec(r);
  if (quoted !== null) {
    let message = quoted[2] ?? '';
    if (quoted[1] !== '"') message = message.replace(/\\'/g, "'");
    else message = message.replace(/\\"/g, '"');
    if (message.endsWith('...')) {
      out.messagePrefix = true;
      message = message.slice(0, -3);
    }
    out.message = message;
    r = r.slice(quoted[0].length).trim();
  }
  if (out.code === undefined && out.message === undefined)
    throw new Error(`"throws" must name a code or quote a message: "throws ${rest.trim()}"`);
  if (r !== '' && !r.startsWith('(')) throw new Error(`unexpected text after the thrown error: "${r}"`);
  return out;
}

/** Cuts remarks out of a value comment: parenthesised text after a complete value and a space. */
function stripRemarks(t: string): { value: string; remarks: string[] } {
  let out = '';
  const remarks: string[] = [];
  let i = 0;
  while (i < t.length) {
    const ch = t[i] ?? '';
    if (ch === "'" || ch === '"' || ch === '`') {
      let j = i + 1;
      while (j < t.length && t[j] !== ch) j += t[j] === '\\' ? 2 : 1;
      out += t.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === '(' && /\s/.test(t[i - 1] ?? '') && /[\w'"`\]})]/.test(out.trimEnd().at(-1) ?? '')) {
      let depth = 0;
      let j = i;
      for (; j < t.length; j++) {
        if (t[j] === '(') depth++;
        else if (t[j] === ')' && --depth === 0) break;
      }
      remarks.push(t.slice(i + 1, j));
      i = j + 1;
      continue;
    }
    out += ch;
    i++;
  }
  return { value: out.trim(), remarks };
}

/**
 * Rewrites a value comment into a JavaScript expression: printed numbers (a literal that is a whole
 * entry of the top level, an array or an object) become `__num(v, 'text')`, typed arrays
 * `__typed('Float64Array', [...])`, a trailing `...` `__more`; remarks are cut out.
 */
function instrument(text: string): { source: string; remarks: string[] } {
  const { value: t, remarks } = stripRemarks(text);
  let out = '';
  const closers: string[] = [];
  let i = 0;
  const lastSignificant = (): string => out.trimEnd().at(-1) ?? '';
  const nextSignificant = (from: number): string => t.slice(from).trimStart()[0] ?? '';
  const inEntry = (): boolean => {
    const top = closers.at(-1);
    return top === undefined || top === ']' || top === '}' || top === '])';
  };
  while (i < t.length) {
    const ch = t[i] ?? '';
    if (ch === "'" || ch === '"' || ch === '`') {
      let j = i + 1;
      while (j < t.length && t[j] !== ch) j += t[j] === '\\' ? 2 : 1;
      out += t.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (t.startsWith('...', i) && /^[,\]}]?$/.test(nextSignificant(i + 3))) {
      out += closers.at(-1) === '}' ? '[__more]: true' : '__more';
      i += 3;
      continue;
    }
    const word = /^[A-Za-z_$][\w$]*/.exec(t.slice(i));
    if (word !== null) {
      const after = t.slice(i + word[0].length);
      const bracket = /^\s*\[/.exec(after);
      if (TYPED.test(word[0]) && bracket !== null) {
        out += `__typed('${word[0]}', [`;
        closers.push('])');
        i += word[0].length + bracket[0].length;
        continue;
      }
      out += word[0];
      i += word[0].length;
      continue;
    }
    const num = /^-?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?/i.exec(t.slice(i));
    if (num !== null) {
      const before = lastSignificant();
      const entryStart = before === '' || /[[,:{]/.test(before);
      if (num[0].startsWith('-') && !entryStart) {
        out += '-';
        i += 1;
        continue;
      }
      const standalone = entryStart && inEntry() && /^[,\]}]?$/.test(nextSignificant(i + num[0].length));
      out += standalone ? `__num(${num[0]}, '${num[0]}')` : num[0];
      i += num[0].length;
      continue;
    }
    if (ch === '[' || ch === '{' || ch === '(') closers.push(ch === '[' ? ']' : ch === '{' ? '}' : ')');
    if (ch === ']' || ch === '}' || ch === ')') {
      out += closers.pop() === '])' ? '])' : ch;
      i++;
      continue;
    }
    out += ch;
    i++;
  }
  return { source: out, remarks };
}

function significantDigits(text: string): number {
  const mantissa = text.replace(/^-/, '').replace(/e.*$/i, '').replace(/_/g, '');
  const digits = mantissa.replace('.', '').replace(/^0+/, '');
  return Math.max(1, digits.length);
}

/** How to compare: exact, by printed digits, or within an absolute tolerance. */
export interface CompareMode {
  approximate: boolean;
  tolerance?: number;
}

function numberMatches(
  actual: number,
  expected: number,
  printed: string | undefined,
  mode: CompareMode,
): boolean {
  if (Object.is(actual, expected) || actual === expected) return true;
  if (Number.isNaN(actual) && Number.isNaN(expected)) return true;
  if (mode.tolerance !== undefined) return Math.abs(actual - expected) <= mode.tolerance;
  if (printed === undefined || !Number.isFinite(actual)) return false;
  const k = significantDigits(printed);
  const isInteger = !/[.e]/i.test(printed);
  if (!mode.approximate && (isInteger || k >= 16)) return false;
  return Number(actual.toPrecision(k)) === expected;
}

function show(v: unknown): string {
  if (v instanceof PrintedNumber) return v.text;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (ArrayBuffer.isView(v))
    return `${v.constructor.name} [${Array.from(v as unknown as ArrayLike<number>).join(', ')}]`;
  try {
    return JSON.stringify(v, (_k, x) => (typeof x === 'number' && !Number.isFinite(x) ? String(x) : x));
  } catch {
    return String(v);
  }
}

/**
 * Compares `actual` with an expected value built by the instrumented comment. Returns `undefined` when they
 * match, else a message naming the first difference (its path).
 */
export function compare(
  actual: unknown,
  expected: unknown,
  mode: CompareMode,
  path = 'value',
): string | undefined {
  const differ = (): string => `${path}: expected ${show(expected)}, got ${show(actual)}`;
  if (expected instanceof PrintedNumber) {
    return typeof actual === 'number' && numberMatches(actual, expected.value, expected.text, mode)
      ? undefined
      : differ();
  }
  if (typeof expected === 'number') {
    return typeof actual === 'number' &&
      numberMatches(actual, expected, mode.approximate ? String(expected) : undefined, mode)
      ? undefined
      : differ();
  }
  if (expected instanceof PrintedTypedArray) {
    if (!ArrayBuffer.isView(actual) || actual.constructor.name !== expected.typeName)
      return `${path}: expected a ${expected.typeName}, got ${show(actual)}`;
    return compare(Array.from(actual as unknown as ArrayLike<number>), expected.items, mode, path);
  }
  if (Array.isArray(expected)) {
    const items = ArrayBuffer.isView(actual) ? Array.from(actual as unknown as ArrayLike<number>) : actual;
    if (!Array.isArray(items)) return `${path}: expected an array, got ${show(actual)}`;
    const partial = expected.at(-1) === MORE;
    const want = partial ? expected.slice(0, -1) : expected;
    if (partial ? items.length < want.length : items.length !== want.length)
      return `${path}: expected ${partial ? 'at least ' : ''}${want.length} items, got ${items.length}: ${show(actual)}`;
    for (let k = 0; k < want.length; k++) {
      const d = compare(items[k], want[k], mode, `${path}[${k}]`);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return differ();
    const e = expected as Record<string | symbol, unknown>;
    const a = actual as Record<string, unknown>;
    const partial = e[MORE] === true;
    const keys = Object.keys(e);
    if (actual instanceof Map) {
      if (!partial && actual.size !== keys.length) return differ();
      for (const k of keys) {
        const key = actual.has(k) ? k : actual.has(Number(k)) ? Number(k) : k;
        const d = compare(actual.get(key), e[k], mode, `${path}.get(${k})`);
        if (d !== undefined) return d;
      }
      return undefined;
    }
    if (!partial) {
      const extra = Object.keys(a).filter((k) => a[k] !== undefined && !(k in e));
      if (extra.length > 0) return `${path}: unexpected keys ${extra.join(', ')} in ${show(actual)}`;
    }
    for (const k of keys) {
      const d = compare(a[k], e[k], mode, `${path}.${k}`);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  return Object.is(actual, expected) ? undefined : differ();
}

/** The names an instrumented result comment uses, passed to the example program as parameters. */
export const EXPECTED_HELPERS: Readonly<Record<string, unknown>> = {
  __num: (v: number, text: string) => new PrintedNumber(v, text),
  __typed: (name: string, items: unknown[]) => new PrintedTypedArray(name, items),
  __more: MORE,
};
