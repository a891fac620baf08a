import { z } from 'zod';
import { StaffcastError } from '../errors.js';
import { echoValue } from '../messageText.js';
import type { SpecialDay } from '../time/specialDays.js';
import { assertDataRows, assertUniqueColumns, missingColumnError, parseCsvText } from './csvSource.js';
import { parseNumberField } from './parseNumberField.js';

const rowSchema = z.object({
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
    .refine((d) => {
      const ms = Date.parse(`${d}T00:00:00Z`);
      return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === d;
    }, 'must be a real calendar date'),
  label: z.string().trim().min(1, 'must not be empty'),
  factor: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return undefined;
      const n = parseNumberField(v, 'count', true);
      if (typeof n === 'string') {
        ctx.addIssue({ code: 'custom', message: 'must be a number >= 0' });
        return z.NEVER;
      }
      return n;
    }),
});

/**
 * Parses a special-days CSV: header `date,label[,factor]`, one row per day (`2024-12-25,Christmas,0`).
 * A BOM and CRLF line ends are accepted; an empty factor means "learn from the last occurrence of
 * the label". O(rows).
 *
 * @throws StaffcastError `CSV_ROW` "`<file>:<line>:<column>: <problem>`" (line of the file, header
 * = line 1) for a missing column, a bad
 * date, an empty label, a negative or non-numeric factor, a repeated date or malformed CSV;
 * `NO_DATA` when there is no row.
 * @example
 * readSpecialDaysCsv('date,label,factor\n2024-12-25,Christmas,0\n2024-12-24,Christmas Eve,\n');
 * // [{ date: '2024-12-25', label: 'Christmas', factor: 0 }, { date: '2024-12-24', label: 'Christmas Eve' }]
 */
export function readSpecialDaysCsv(text: string, fileName = 'special days'): SpecialDay[] {
  const rows = parseCsvText(text, fileName, { trim: true });
  const header = rows[0]?.fields;
  assertDataRows(fileName, header, rows.length - 1);
  assertUniqueColumns(fileName, rows[0]!.line, header, { caseInsensitive: true });
  const col = (name: string) => header.findIndex((h) => h.toLowerCase() === name);
  const dateCol = col('date');
  const labelCol = col('label');
  const factorCol = col('factor');
  for (const [name, idx] of [
    ['date', dateCol],
    ['label', labelCol],
  ] as const) {
    if (idx < 0) throw missingColumnError(fileName, rows[0]!.line, name, header);
  }
  const out: SpecialDay[] = [];
  const seen = new Set<string>();
  for (let i = 1; i < rows.length; i++) {
    const { fields: rec, line } = rows[i]!;
    const raw = {
      date: rec[dateCol] ?? '',
      label: rec[labelCol] ?? '',
      factor: factorCol >= 0 ? rec[factorCol] : undefined,
    };
    const parsed = rowSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = String(issue.path[0]);
      throw new StaffcastError(
        'CSV_ROW',
        `${fileName}:${line}:${field}: ${issue.message} (got '${echoValue(raw[field as keyof typeof raw] ?? '')}')`,
        { row: line, column: field },
      );
    }
    if (seen.has(parsed.data.date)) {
      throw new StaffcastError('CSV_ROW', `${fileName}:${line}:date: repeated date ${parsed.data.date}`, {
        row: line,
        column: 'date',
      });
    }
    seen.add(parsed.data.date);
    const day: SpecialDay = { date: parsed.data.date, label: parsed.data.label };
    if (parsed.data.factor !== undefined) day.factor = parsed.data.factor;
    out.push(day);
  }
  return out;
}
