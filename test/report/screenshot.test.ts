import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../src/report/html.js';
import { findChromium, screenshotHtml } from './chromium.js';
import { sampleReportInput } from './sampleInput.js';

const chromium = findChromium();
/** CI sets STAFFCAST_REQUIRE_CHROMIUM=1 (and installs Debian's chromium): there a missing browser fails. */
const required = process.env.STAFFCAST_REQUIRE_CHROMIUM === '1';
const dir = mkdtempSync(join(tmpdir(), 'staffcast-shot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Where pixels of one colour (within +-tolerance per channel) lie in a decoded screenshot. */
interface Ink {
  pixels: number;
  minY: number;
  maxY: number;
}

function ink(img: PNG, hex: string, tolerance = 24): Ink {
  const rgb = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  const out: Ink = { pixels: 0, minY: Number.POSITIVE_INFINITY, maxY: -1 };
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const o = (y * img.width + x) * 4;
      if (rgb.every((v, c) => Math.abs((img.data[o + c] ?? 0) - v) <= tolerance)) {
        out.pixels++;
        out.minY = Math.min(out.minY, y);
        out.maxY = Math.max(out.maxY, y);
      }
    }
  }
  return out;
}

describe('report in headless Chromium', () => {
  it.runIf(required && chromium === undefined)('fails when CI requires chromium and it is missing', () => {
    expect.fail('STAFFCAST_REQUIRE_CHROMIUM=1 but no chromium on PATH (apt-get install chromium)');
  });

  it.skipIf(chromium === undefined)(
    'renders offline: page styled, every chart drawn in its colours',
    async () => {
      const html = join(dir, 'report.html');
      const png = join(dir, 'report.png');
      writeFileSync(html, await renderReportHtml(sampleReportInput()));
      screenshotHtml({
        chromium: chromium!,
        htmlPath: html,
        pngPath: png,
        width: 1280,
        height: 1600,
        workDir: dir,
      });
      const img = PNG.sync.read(readFileSync(png));
      expect([img.width, img.height]).toEqual([1280, 1600]);
      // Not blank: text, cards and charts cover a few per cent of a white page.
      const white = ink(img, '#ffffff', 0).pixels;
      expect(white / (img.width * img.height)).toBeLessThan(0.97);
      // Styled: the page background (#f5f7fa around the white cards) shows, not a bare white page.
      expect(ink(img, '#f5f7fa', 1).pixels).toBeGreaterThan(20_000);
      // Forecast, scheduled agents and service level lines are blue: the lines run from the first
      // chart (forecast vs history) down into the service-level chart at the bottom of the window.
      const blue = ink(img, '#1f6fb4');
      expect(blue.pixels).toBeGreaterThan(1_500);
      expect(blue.maxY - blue.minY).toBeGreaterThan(0.4 * img.height);
      // History in grey, under-staffing and the target line in red, over-staffing in green.
      expect(ink(img, '#8c8c8c').pixels).toBeGreaterThan(1_000);
      expect(ink(img, '#d6404e').pixels).toBeGreaterThan(200);
      expect(ink(img, '#afdbbc', 6).pixels).toBeGreaterThan(1_000); // the light green over-staffed fill
    },
    90_000,
  );
});
