import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { backtestFromFile } from '../../src/app/backtest.js';
import type { ProgressEvent } from '../../src/app/progress.js';

/** 16 weeks, every day 08:00-12:00 hourly, a weekly pattern with a small wobble. */
function historyCsv(): string {
  const lines = ['interval_start,calls'];
  for (let d = 0; d < 112; d++) {
    const date = new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10);
    for (const h of [8, 9, 10, 11])
      lines.push(`${date}T${String(h).padStart(2, '0')}:00:00,${10 + (d % 7) + (d % 3)}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('backtestFromFile', () => {
  it('reports a bar of the origins scored (done of total) after the read, and returns the JSON of the result', async () => {
    const events: ProgressEvent[] = [];
    const messages: string[] = [];
    const run = await backtestFromFile('-', {
      baseDir: '.',
      stdin: Readable.from([historyCsv()]),
      timeZone: 'UTC',
      horizonDays: 1,
      origins: 3,
      methods: ['seasonal-naive'],
      json: true,
      onProgress: (e) => events.push(e),
      onMessage: (text) => messages.push(text),
    });
    expect(run.result.origins).toHaveLength(3);
    expect(JSON.parse(run.text)).toEqual(JSON.parse(JSON.stringify(run.result)));
    expect(messages).toHaveLength(1);
    expect(
      events.map((e) => (e.phase === 'advance' ? `${e.step}:${e.done}/${e.total}` : `${e.step}:${e.phase}`)),
    ).toEqual([
      'read:start',
      'read:done',
      'origins:start',
      'origins:1/3',
      'origins:2/3',
      'origins:3/3',
      'origins:done',
    ]);
    expect(events.at(-1)?.detail).toBe('3 origins');
  });

  it('formats the accuracy table without json', async () => {
    const run = await backtestFromFile('-', {
      baseDir: '.',
      stdin: Readable.from([historyCsv()]),
      timeZone: 'UTC',
      horizonDays: 1,
      origins: 2,
      methods: ['historical-average'],
    });
    expect(run.text.split('\n')[0]).toMatch(/^method\s+lead\s+intervals\s+wape/);
    const lines = run.text.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('historical-average'))).toHaveLength(2); // lead 1 and all
    expect(lines).toContain(`origins: ${run.result.origins.join(' ')}`);
  });
});
