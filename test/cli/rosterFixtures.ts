import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { freshDir } from '../io/tempDir.js';

/**
 * The small roster inputs the roster tests (CLI and app) build their cases from: a temporary
 * folder, agents CSV rows, an hourly or half-hourly requirement from Monday 1 January 2024 (UTC)
 * and shift rules with one `day` type.
 */

/** A fresh temporary folder (removed by `removeFreshDirs`) and a writer of files into it that returns the name. */
export function rosterFolder(prefix: string): {
  dir: string;
  write: (name: string, content: string) => string;
} {
  const dir = freshDir(prefix);
  return {
    dir,
    write: (name, content) => {
      writeFileSync(join(dir, name), content);
      return name;
    },
  };
}

/** Every column of the agents CSV. */
export const AGENTS_HEADER =
  'id,name,contract,min_hours_per_week,max_hours_per_week,min_days_per_week,max_days_per_week,max_consecutive_days,min_rest_hours,shift_types,cost_per_hour,skills,site,time_zone,availability,days_off,preferences,seniority';

/**
 * One agents CSV row: full-time, 0 to 40 hours and 0 to 5 days a week, 5 days in a row, 11 hours'
 * rest, shift type `day`, 20 an hour, site `hq`, UTC, seniority 1; `skills` separated by `;`.
 */
export function agentRow(id: string, name: string, skills = 'sales'): string {
  return `${id},${name},full-time,0,40,0,5,5,11,day,20,${skills},hq,UTC,,,,1`;
}

/** An agents CSV of these rows. */
export function agentsCsv(rows: readonly string[]): string {
  return `${AGENTS_HEADER}\n${rows.join('\n')}\n`;
}

/** What one queue of `requirementCsv` needs: `agents` (and `scheduled`) from `fromHour` for 8 hours a day. */
export interface QueueNeed {
  queue: string;
  fromHour: number;
  agents: number;
  /** `scheduled_agents` in those hours (the column is written when a queue has it). */
  scheduled?: number;
}

/**
 * A requirement CSV from Monday 1 January 2024 (UTC) over `days` days, a row every `stepMinutes`
 * per queue (interval by interval, the queues in the given order), each queue needing its agents
 * from `fromHour` for 8 hours a day and 0 elsewhere. Columns `interval_start,queue,agents` (no
 * `queue` with `queueColumn: false`, `scheduled_agents` when a queue gives `scheduled`).
 */
export function requirementCsv(
  queues: readonly QueueNeed[],
  options: { days: number; stepMinutes: number; queueColumn?: boolean },
): string {
  const withQueue = options.queueColumn ?? true;
  const scheduled = queues.some((q) => q.scheduled !== undefined);
  const rows = [
    ['interval_start', ...(withQueue ? ['queue'] : []), 'agents', ...(scheduled ? ['scheduled_agents'] : [])],
  ];
  for (let d = 0; d < options.days; d++)
    for (let m = 0; m < 1440; m += options.stepMinutes)
      for (const q of queues) {
        const on = m >= q.fromHour * 60 && m < (q.fromHour + 8) * 60;
        rows.push([
          new Date(Date.UTC(2024, 0, 1 + d, 0, m)).toISOString().replace('.000Z', 'Z'),
          ...(withQueue ? [q.queue] : []),
          String(on ? q.agents : 0),
          ...(scheduled ? [String(on ? (q.scheduled ?? q.agents) : 0)] : []),
        ]);
      }
  return `${rows.map((r) => r.join(',')).join('\n')}\n`;
}

/**
 * Shift rules JSON with one shift type `day` (08:00 to 16:00 unless `day` changes it) and the
 * roster rules `{ minRestHours: 11 }` with `roster` added.
 */
export function dayRulesJson(
  day: Record<string, unknown> = {},
  roster: Record<string, unknown> = {},
): string {
  return JSON.stringify({
    shiftTypes: [
      { name: 'day', earliestStart: '08:00', latestStart: '08:00', lengthsMinutes: [480], ...day },
    ],
    roster: { minRestHours: 11, ...roster },
  });
}

/** The rows of a CSV file the roster wrote (`roster.csv`, `agents.csv`), as objects keyed by the header. */
export function readCsvRows(...path: string[]): Record<string, string>[] {
  return parse(readFileSync(join(...path), 'utf8'), { columns: true }) as Record<string, string>[];
}
