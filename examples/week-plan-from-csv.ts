/**
 * A week's staffing plan from a CSV of history: read 164 days of 5-minute call counts of a US bank
 * (local New York time), add them up to 30-minute intervals, forecast the next 7 days, staff every
 * interval to 80% of calls answered within 20 seconds (Erlang C, 300-second handle time, 30%
 * shrinkage), and summarise the plan: agent-hours and FTE per day, the peak interval.
 *
 * The data has no handle time column, so the handle time is an assumption given here.
 *
 * Run from the repository root: npx tsx examples/week-plan-from-csv.ts
 *
 * In your own project, import from the package instead: `import { ... } from 'staffcast';`
 */
import { fileURLToPath } from 'node:url';
import {
  forecast,
  formatInstant,
  fteBasis,
  readHistoryCsv,
  resampleHistory,
  staffingPlan,
  staffingSummary,
} from '../src/index.js';

const timeZone = 'America/New_York';
const csv = fileURLToPath(new URL('../data/us_bank_calls_5min.csv', import.meta.url));

// 1. Read the history (interval_start in local time, calls) and report what was read.
const { history, report } = await readHistoryCsv(csv, { timeZone });
console.log(`Read ${report.rowsUsed} rows of ${history.calls.intervalMinutes}-minute history`);

// 2. Forecast the next 7 days on 30-minute intervals.
const halfHourly = resampleHistory(history, 30);
const fc = forecast(halfHourly, { horizonDays: 7 });
console.log(`Forecast: ${fc.calls.length} open intervals, method ${fc.method ?? 'unknown'}`);

// 3. Staff every interval: agents on the phones, and agents to schedule after shrinkage.
const plan = staffingPlan(fc, {
  target: { serviceLevel: 0.8, thresholdSeconds: 20 },
  ahtSeconds: 300,
  shrinkage: 0.3,
});

// 4. Summarise the scheduled agents per local day and week.
const summary = staffingSummary(plan.starts, plan.scheduledAgents, {
  timeZone,
  intervalMinutes: plan.intervalMinutes,
  horizonDays: 7,
  serviceLevel: plan.serviceLevel,
});
console.log(
  `Scheduled agent-hours for the week: ${summary.agentHours.toFixed(1)} ` +
    `(${summary.fte.toFixed(1)} FTE: ${fteBasis({ source: 'requirement' })})`,
);
for (const day of summary.days) {
  console.log(`  ${day.start}: ${day.agentHours.toFixed(1)} agent-hours`);
}
console.log(`Peak: ${summary.peakAgents} agents at ${formatInstant(summary.peakStart, timeZone)}`);
if (summary.worstServiceLevel !== undefined && summary.worstStart !== undefined) {
  console.log(
    `Lowest planned service level: ${(100 * summary.worstServiceLevel).toFixed(1)}% at ` +
      formatInstant(summary.worstStart, timeZone),
  );
}
