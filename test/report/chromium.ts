/**
 * Headless Chromium (Debian package `chromium`) screenshots of a report, shared by the screenshot
 * test and `scripts/screenshot-report.ts`. The browser runs with its networking features off (this
 * machine's network is closed, and a report that needed the network would show gaps).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The first of `chromium`, `chromium-browser` on PATH, or undefined. */
export function findChromium(): string | undefined {
  return ['chromium', 'chromium-browser'].find((b) => spawnSync('which', [b]).status === 0);
}

/** What to screenshot, where, and how large. */
export interface ScreenshotOptions {
  /** Browser binary. */
  chromium: string;
  /** The HTML file to open. */
  htmlPath: string;
  /** Where the PNG goes. */
  pngPath: string;
  /** Window size in CSS pixels. */
  width: number;
  height: number;
  /** Folder for a fresh browser profile (left for the caller to delete). */
  workDir: string;
}

/** Opens `htmlPath` in headless Chromium and writes a `width` x `height` PNG of it. */
export function screenshotHtml(o: ScreenshotOptions): void {
  execFileSync(
    o.chromium,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--hide-scrollbars',
      `--user-data-dir=${join(o.workDir, 'profile')}`,
      `--screenshot=${o.pngPath}`,
      `--window-size=${o.width},${o.height}`,
      pathToFileURL(o.htmlPath).href,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], timeout: 120_000 }, // chromium logs dbus noise on stderr
  );
}
