import { StaffcastError } from '../errors.js';
import { missingColumnError, parseCsvText } from '../io/csvSource.js';
import { csvText } from '../io/csvText.js';
import { inputLabel, readTextInput } from '../io/readTextInput.js';
import { readRequirementCsv } from '../io/requirementCsv.js';
import { escapeControl } from '../messageText.js';
import { type OutboundCapacity, outboundCapacity } from '../staffing/outboundCapacity.js';
import type { Requirement } from '../staffing/types.js';
import { formatInstant } from '../time/formatInstant.js';

/** Options of `runOutbound` (the `outbound` command's flags). */
export interface OutboundRunOptions {
  /** The requirement CSV (`staff`'s output): a file name (relative to `baseDir`) or `'-'` for stdin. */
  requirement: string;
  /** The schedule's coverage CSV: a file name relative to `baseDir`. */
  scheduled: string;
  /** Folder relative file names are resolved against. */
  baseDir: string;
  /** Standard input, for `'-'`. */
  stdin?: NodeJS.ReadableStream;
  /** Handle time of one outbound call in seconds (> 0). */
  ahtSeconds: number;
  /** Share of the net agents not on the phones; required unless the column is `on_phone`. */
  shrinkage?: number | undefined;
  /** Column of `scheduled` to read. Default `on_phone`, else `net`; a gross column only when named. */
  column?: string | undefined;
  /** Share of spare time usable for outbound, 0..1. Default 1. */
  maxOccupancy?: number;
  /** IANA zone of the requirement and of the output times. Default `'UTC'`. */
  timeZone?: string;
}

/** What `runOutbound` computed. */
export interface OutboundRun {
  /** The CSV: `interval_start,required_agents,scheduled_agents,spare_agents,outbound_calls,short_agents`. */
  csv: string;
  /** Interval starts (epoch ms) of the requirement, ascending. */
  starts: number[];
  /** Agents required and scheduled per start (queues of one start added). */
  required: number[];
  scheduled: number[];
  /** The capacity per interval and in total. */
  capacity: OutboundCapacity;
  /** The column of `scheduled` read and the shrinkage applied to it. */
  column: string;
  shrinkage: number;
  /** Schedule rows at starts the requirement does not have (ignored). */
  ignoredRows: number;
  /** The summary for a terminal (lines without newline). */
  lines: string[];
}

/**
 * Columns of a schedule's coverage that count agents free to take calls, in the order they are
 * looked for: `on_phone` (plan's coverage.csv: net of breaks and of shrinkage) and `net` (plan's
 * and `schedule --coverage`: on shift and not on break, before shrinkage).
 */
const NET_COLUMNS = ['on_phone', 'net'] as const;
/** Columns that count every scheduled head, agents at lunch included: read only when named. */
const GROSS_COLUMNS = ['scheduled', 'scheduled_agents', 'agents'] as const;
/** The column already net of shrinkage: no shrinkage on top. */
const AFTER_SHRINKAGE_COLUMN = 'on_phone';

function usage(message: string): never {
  throw new StaffcastError('USAGE', `outbound: ${message}`);
}

/**
 * The column of the schedule file to read: `column`, else the first of `NET_COLUMNS` in the
 * header that has a value on some row (`schedule --coverage` writes `on_phone` empty: it knows no
 * shrinkage). A file with only a gross column is a data error naming the flag that reads it anyway.
 */
function scheduleColumn(text: string, source: string, column: string | undefined): string {
  const rows = parseCsvText(text, source, { trim: true });
  const first = rows[0];
  if (first === undefined || column !== undefined) return column ?? NET_COLUMNS[0];
  const header = first.fields;
  const at = (name: string) => header.findIndex((h) => h.toLowerCase() === name);
  const has = (name: string) => at(name) >= 0;
  const filled = (name: string) =>
    rows.length < 2 || rows.slice(1).some((r) => (r.fields[at(name)] ?? '') !== '');
  const net = NET_COLUMNS.find((name) => has(name) && filled(name));
  if (net !== undefined) return net;
  const gross = GROSS_COLUMNS.find(has);
  if (gross === undefined)
    throw missingColumnError(source, first.line, NET_COLUMNS[0], header, `or '${NET_COLUMNS[1]}'`);
  throw new StaffcastError(
    'CSV_ROW',
    `${source}:${first.line}: no net column 'on_phone' or 'net' (header has: ${escapeControl(header.join(', '))}): '${gross}' counts agents on break too; if it counts only agents free to take calls, give --column ${gross}`,
    { source, row: first.line, column: gross },
  );
}

/** Agents summed per interval start (several queues of one requirement add up). */
function byStart(req: Requirement): Map<number, number> {
  const sums = new Map<number, number>();
  for (let i = 0; i < req.starts.length; i++) {
    const t = req.starts[i]!;
    sums.set(t, (sums.get(t) ?? 0) + req.agents[i]!);
  }
  return sums;
}

/**
 * The `outbound` use case: the outbound calls that fit into the agent time scheduled beyond the
 * inbound requirement (`outboundCapacity`). Reads the requirement (agents of several queues at
 * one start are added) and the schedule's coverage: the column `on_phone` (after breaks and
 * shrinkage; a shrinkage above 0 is then a USAGE error) or else `net` (after breaks, before
 * shrinkage: `shrinkage` is required, 0 when nothing else takes agents off the phones); a file with
 * only a gross column (`scheduled`, `scheduled_agents`, `agents`) is a data error unless `column`
 * names it. A requirement interval the schedule does not list has 0 scheduled agents; schedule
 * rows outside the requirement are ignored and counted. Returns the CSV (times in `timeZone`,
 * agents rounded to 4 decimals) and the summary lines. Cost O(rows log rows).
 *
 * @throws StaffcastError `USAGE` for the shrinkage rules above; `CSV_ROW` (missing or gross-only
 *   column, bad row), `FILE_READ` from reading.
 * @example
 * import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * // 17 agents required at 09:00 and 09:30; 19 and 17 on the phones
 * const dir = mkdtempSync(join(tmpdir(), 'staffcast-outbound-'));
 * writeFileSync(join(dir, 'req.csv'), 'interval_start,calls,aht_seconds,agents\n' +
 *   '2024-01-01T09:00:00Z,100,180,17\n2024-01-01T09:30:00Z,120,200,17\n');
 * writeFileSync(join(dir, 'coverage.csv'), 'interval_start,net,on_phone\n' +
 *   '2024-01-01T09:00:00Z,25,19\n2024-01-01T09:30:00Z,20,17\n');
 * const run = await runOutbound({ requirement: 'req.csv', scheduled: 'coverage.csv', baseDir: dir,
 *   ahtSeconds: 300 });
 * run.capacity.totalCalls; // 12 (2 spare agents x 30 min / 300 s)
 * run.lines[0]; // "outbound: agents from column 'on_phone' of coverage.csv, shrinkage 0 (the column is after shrinkage)"
 * rmSync(dir, { recursive: true });
 */
export async function runOutbound(options: OutboundRunOptions): Promise<OutboundRun> {
  const readText = (file: string) =>
    readTextInput(file, {
      baseDir: options.baseDir,
      ...(options.stdin === undefined ? {} : { stdin: options.stdin }),
    });
  const timeZone = options.timeZone ?? 'UTC';
  const requirement = readRequirementCsv(await readText(options.requirement), {
    source: inputLabel(options.requirement),
    timeZone,
  });
  const source = options.scheduled;
  const scheduleText = await readText(source);
  const column = scheduleColumn(scheduleText, source, options.column);
  const afterShrinkage = column.toLowerCase() === AFTER_SHRINKAGE_COLUMN;
  let shrinkage: number;
  if (afterShrinkage) {
    if (options.shrinkage !== undefined && options.shrinkage > 0)
      usage(
        `--shrinkage ${options.shrinkage}: column '${column}' of ${source} is already after shrinkage; drop --shrinkage, or read the net column with --column net`,
      );
    shrinkage = 0;
  } else {
    if (options.shrinkage === undefined)
      usage(
        `give --shrinkage <fraction>: the share of the agents in column '${column}' of ${source} not on the phones (meetings, training, absence; --shrinkage 0 if none)`,
      );
    shrinkage = options.shrinkage;
  }
  const schedule = readRequirementCsv(scheduleText, {
    source,
    agentsColumn: column,
    intervalMinutes: requirement.intervalMinutes,
  });
  const need = byStart(requirement);
  const have = byStart(schedule);
  const starts = [...need.keys()].sort((a, b) => a - b);
  const ignoredRows = [...have.keys()].filter((t) => !need.has(t)).length;
  const required = starts.map((t) => need.get(t)!);
  const scheduled = starts.map((t) => have.get(t) ?? 0);
  const capacity = outboundCapacity(required, scheduled, {
    ahtSeconds: options.ahtSeconds,
    intervalMinutes: requirement.intervalMinutes,
    shrinkage,
    maxOccupancy: options.maxOccupancy ?? 1,
  });
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  const csv = csvText([
    [
      'interval_start',
      'required_agents',
      'scheduled_agents',
      'spare_agents',
      'outbound_calls',
      'short_agents',
    ],
    ...starts.map((t, i) => [
      formatInstant(t, timeZone),
      round(required[i]!),
      round(scheduled[i]!),
      round(capacity.spareAgents[i]!),
      capacity.calls[i]!,
      round(capacity.shortAgents[i]!),
    ]),
  ]);
  const short = capacity.shortAgents.filter((s) => s > 0).length;
  const lines = [
    `outbound: agents from column '${column}' of ${source}, shrinkage ${shrinkage}${afterShrinkage ? ' (the column is after shrinkage)' : ''}`,
    `outbound: ${capacity.totalCalls} calls of ${options.ahtSeconds} s fit into ${capacity.totalSpareAgentHours.toFixed(1)} ` +
      `spare agent-hours over ${starts.length} intervals` +
      `${short > 0 ? `; ${short} intervals are short of the inbound requirement` : ''}` +
      `${ignoredRows > 0 ? `; ${ignoredRows} schedule rows outside the requirement ignored` : ''}`,
  ];
  return { csv, starts, required, scheduled, capacity, column, shrinkage, ignoredRows, lines };
}
