import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../src/app/progress.js';
import { readHistoryInput, readSpecialDaysFile } from '../../src/app/readHistory.js';
import { freshDir, removeFreshDirs } from '../io/tempDir.js';

afterAll(removeFreshDirs);

/** Two weeks of weekday totals from Monday 2024-01-01: 100 on Mondays ... 140 on Fridays. */
function totalsCsv(): string {
  const lines = ['date,calls'];
  for (let d = 0; d < 14; d++) {
    const date = new Date(Date.UTC(2024, 0, 1 + d));
    const w = date.getUTCDay();
    if (w === 0 || w === 6) continue;
    lines.push(`${date.toISOString().slice(0, 10)},${90 + 10 * w}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Two weeks of Mon-Fri 09:00 and 10:00, 30 and 10 calls: a 0.75 / 0.25 profile. */
function intervalsCsv(): string {
  const lines = ['interval_start,calls'];
  for (let d = 0; d < 14; d++) {
    const date = new Date(Date.UTC(2024, 0, 1 + d));
    const w = date.getUTCDay();
    if (w === 0 || w === 6) continue;
    const day = date.toISOString().slice(0, 10);
    lines.push(`${day}T09:00:00,30`, `${day}T10:00:00,10`);
  }
  return `${lines.join('\n')}\n`;
}

describe('readHistoryInput', () => {
  it('splits daily totals by the profile learned from another history, saying how, after its reading report', async () => {
    const dir = freshDir('app-read');
    writeFileSync(join(dir, 'intervals.csv'), intervalsCsv());
    const messages: string[] = [];
    const events: ProgressEvent[] = [];
    const history = await readHistoryInput('-', {
      baseDir: dir,
      stdin: Readable.from([totalsCsv()]),
      timeZone: 'UTC',
      dailyTotals: { profileFrom: 'intervals.csv' },
      onMessage: (text) => messages.push(text),
      onProgress: (e) => events.push(e),
    });
    expect(history.calls.starts.length).toBe(20);
    // Monday 1 Jan: 100 calls split 0.75 / 0.25
    expect([...history.calls.values.slice(0, 2)]).toEqual([75, 25]);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toContain('intervals.csv');
    expect(messages[1]).toBe('stdin: 10 daily totals split into 20 intervals of 60 min\n');
    expect(events.map((e) => `${e.step}:${e.phase}`)).toEqual(['profile:start', 'profile:done']);
  });

  it('names the file as given when it cannot be read', async () => {
    await expect(
      readHistoryInput('missing.csv', { baseDir: freshDir('app-read'), timeZone: 'UTC' }),
    ).rejects.toThrow('cannot read missing.csv: no such file');
  });
});

describe('readSpecialDaysFile', () => {
  it('reads the special days of a file, and none without one', async () => {
    const dir = freshDir('app-read');
    writeFileSync(join(dir, 'days.csv'), 'date,label,factor\n2024-12-25,Christmas,0\n');
    expect(await readSpecialDaysFile(undefined, { baseDir: dir })).toEqual([]);
    expect(await readSpecialDaysFile('days.csv', { baseDir: dir })).toEqual([
      { date: '2024-12-25', label: 'Christmas', factor: 0 },
    ]);
  });
});
