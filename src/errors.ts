/**
 * Stable error codes. Programs may switch on them; the message is for people.
 *
 * - `INVALID_INPUT`: a function argument broke a precondition (negative, NaN, out of range ...).
 * - `CSV_ROW`: a row of an input file could not be used (the message names file, row and column).
 * - `FILE_READ`: a file could not be opened or read.
 * - `NO_DATA`: an input had no usable rows.
 * - `TARGET_UNREACHABLE`: no agent count up to `maxAgents` meets the staffing target.
 * - `INFEASIBLE`: hard scheduling rules cannot be met.
 * - `SOLVER_FAILED`: the MIP solver failed or could not be loaded.
 * - `CONFIG`: a rules, staffing, scenario, plan or fitted-parameters file failed validation (not
 *   JSON, unknown key, wrong type ...). The CLI exits 1 for it, as for every data error: the command
 *   line was right, the file is wrong.
 * - `USAGE`: a command-line usage error (exit code 2): a flag missing, malformed or contradicting
 *   another. Every other code exits 1.
 */
export type StaffcastErrorCode =
  | 'INVALID_INPUT'
  | 'CSV_ROW'
  | 'FILE_READ'
  | 'NO_DATA'
  | 'TARGET_UNREACHABLE'
  | 'INFEASIBLE'
  | 'SOLVER_FAILED'
  | 'CONFIG'
  | 'USAGE';

/**
 * The one error type staffcast throws on purpose. `code` is stable; `details` carries
 * machine-readable context (the field, row, value ...).
 *
 * @example
 * const e = (() => { try { erlangC(-1, 2); } catch (error) { return error; } })();
 * e instanceof StaffcastError && e.code; // 'INVALID_INPUT'
 */
export class StaffcastError extends Error {
  /** Stable machine-readable code. */
  readonly code: StaffcastErrorCode;
  /** Optional structured context. */
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: StaffcastErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'StaffcastError';
    this.code = code;
    this.details = details;
  }
}

/**
 * Throws `StaffcastError('INVALID_INPUT')` with the message `"<fn>: <field> <requirement>"`.
 *
 * @internal
 * @example
 * invalidInput('erlangC', 'agents', 'must be a non-negative integer', -1);
 * // throws "erlangC: agents must be a non-negative integer (got -1)"
 */
export function invalidInput(fn: string, field: string, requirement: string, ...value: [unknown?]): never {
  const got = value.length > 0 ? ` (got ${String(value[0])})` : '';
  throw new StaffcastError('INVALID_INPUT', `${fn}: ${field} ${requirement}${got}`, {
    function: fn,
    field,
    value: value[0],
  });
}
