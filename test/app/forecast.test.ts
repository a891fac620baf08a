import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { forecastFromFile } from '../../src/app/forecast.js';
import type { ProgressEvent } from '../../src/app/progress.js';
import { freshDir, removeFreshDirs } from '../io/tempDir.js';

afterAll(removeFreshDirs);

/** Six weeks of office hours (Mon-Fri 09:00-12:00), 10 calls per hour. */
function historyCsv(): string {
  const lines = ['interval_start,calls'];
  for (let d = 0; d < 42; d++) {
    const date = new Date(Date.UTC(2024, 0, 1 + d));
    const w = date.getUTCDay();
    if (w === 0 || w === 6) continue;
    for (const h of [9, 10, 11])
      lines.push(`${date.toISOString().slice(0, 10)}T${String(h).padStart(2, '0')}:00:00,10`);
  }
  return `${lines.join('\n')}\n`;
}

describe('forecastFromFile', () => {
  it('reads the history, re-aggregates it to intervalMinutes and returns the forecast with its CSV', async () => {
    const dir = freshDir('app-forecast');
    writeFileSync(join(dir, 'h.csv'), historyCsv());
    const messages: string[] = [];
    const run = await forecastFromFile('h.csv', {
      baseDir: dir,
      timeZone: 'UTC',
      intervalMinutes: 120,
      horizonDays: 3,
      method: 'historical-average',
      onMessage: (text) => messages.push(text),
    });
    expect(run.forecast.intervalMinutes).toBe(120);
    expect([...run.forecast.calls]).toEqual([10, 20]);
    expect(run.csv).toBe('interval_start,calls\n2024-02-12T08:00:00Z,10\n2024-02-12T10:00:00Z,20\n');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('h.csv');
  });

  it('reports the read and forecast steps in order, and applies the special-days file', async () => {
    const dir = freshDir('app-forecast');
    writeFileSync(join(dir, 'days.csv'), 'date,label,factor\n2024-02-12,Closed,0\n');
    const events: ProgressEvent[] = [];
    const run = await forecastFromFile('-', {
      baseDir: dir,
      stdin: Readable.from([historyCsv()]),
      timeZone: 'UTC',
      horizonDays: 4,
      method: 'historical-average',
      specialDaysFile: 'days.csv',
      onProgress: (e) => events.push(e),
    });
    expect(events.map((e) => `${e.step}:${e.phase}`)).toEqual([
      'read:start',
      'read:done',
      'forecast:start',
      'forecast:done',
    ]);
    expect(events[3]?.detail).toBe('3 intervals by historical-average');
    // Monday 12 Feb closed by factor 0: Tuesday's three intervals only
    expect(run.csv.split('\n')[1]).toBe('2024-02-13T09:00:00Z,10');
  });

  it('throws NO_DATA when no open interval follows the history', async () => {
    const text = 'interval_start,calls\n2026-03-16T08:00:00,5\n2026-03-16T09:00:00,6\n';
    await expect(
      forecastFromFile('-', { baseDir: '.', stdin: Readable.from([text]), timeZone: 'UTC', horizonDays: 1 }),
    ).rejects.toMatchObject({ code: 'NO_DATA' });
  });
});
