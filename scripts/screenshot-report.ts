/**
 * Renders the sample report (test/report/sampleInput.ts, built from the bundled Anonymous Bank
 * fixture) to HTML and screenshots it with headless Chromium (Debian package `chromium`).
 *
 *   npx tsx scripts/screenshot-report.ts [out.png] [out.html]
 *   npx tsx scripts/screenshot-report.ts [out.png] --from out/report.html   (an existing report)
 *
 * The README's picture is a real report: `staffcast scenario examples/scenarios.json --report
 * /tmp/r.html` (the base plan of examples/plan.json with the scenario comparison), then
 * `--from /tmp/r.html`. Defaults: docs/report-screenshot.png and a temporary HTML file; window 1280 x 3100 px (the whole
 * sample page; set SHOT_HEIGHT to change the height, CHROMIUM to name another browser binary).
 * Exits non-zero when chromium is missing or fails. The browser runs with networking features off, so a report that needed the
 * network would show gaps.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { renderReportHtml } from '../src/report/html.js';
import { sampleReportInput } from '../test/report/sampleInput.js';

const { values, positionals } = parseArgs({ options: { from: { type: 'string' } }, allowPositionals: true });
const png = resolve(positionals[0] ?? 'docs/report-screenshot.png');
const dir = mkdtempSync(join(tmpdir(), 'staffcast-report-'));
const htmlPath = resolve(values.from ?? positionals[1] ?? join(dir, 'report.html'));
if (values.from === undefined) {
  const started = performance.now();
  const html = await renderReportHtml(sampleReportInput({ scenarios: true }));
  console.error(
    `rendered ${html.length} bytes in ${(performance.now() - started).toFixed(0)} ms -> ${htmlPath}`,
  );
  writeFileSync(htmlPath, html);
}
try {
  execFileSync(
    process.env.CHROMIUM ?? 'chromium',
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
      `--user-data-dir=${join(dir, 'profile')}`,
      `--screenshot=${png}`,
      `--window-size=1280,${process.env.SHOT_HEIGHT ?? 3100}`,
      pathToFileURL(htmlPath).href,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], timeout: 120_000 }, // chromium logs dbus noise on stderr
  );
  console.error(`screenshot -> ${png}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
