import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../src/report/html.js';
import { sampleReportInput } from './sampleInput.js';

const chromium = ['chromium', 'chromium-browser'].find((b) => spawnSync('which', [b]).status === 0);
const dir = mkdtempSync(join(tmpdir(), 'staffcast-shot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe.skipIf(chromium === undefined)('report in headless Chromium (skipped without chromium)', () => {
  it('renders offline to a full-size, non-blank screenshot', async () => {
    const html = join(dir, 'report.html');
    const png = join(dir, 'report.png');
    writeFileSync(html, await renderReportHtml(sampleReportInput()));
    execFileSync(
      chromium!,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${join(dir, 'profile')}`,
        `--screenshot=${png}`,
        '--window-size=1280,1600',
        pathToFileURL(html).href,
      ],
      { stdio: 'ignore', timeout: 60_000 },
    );
    const bytes = readFileSync(png);
    expect(pngSize(bytes)).toEqual({ width: 1280, height: 1600 });
    expect(bytes.length).toBeGreaterThan(60_000); // a blank or unstyled page compresses to a few KB
  }, 90_000);
});
