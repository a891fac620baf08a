import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { renderReportHtml } from '../src/report/html.js';
import { screenshotHtml } from '../test/report/chromium.js';
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
  screenshotHtml({
    chromium: process.env.CHROMIUM ?? 'chromium',
    htmlPath,
    pngPath: png,
    width: 1280,
    height: Number(process.env.SHOT_HEIGHT ?? 3100),
    workDir: dir,
  });
  console.error(`screenshot -> ${png}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
