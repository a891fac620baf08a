/**
 * A what-if sweep in plain TypeScript: forecast next week from the bundled US bank history, then
 * staff it with call volume at 90%, 100%, 110% and 120% of the forecast and compare agent-hours
 * on the phones (Erlang A with 180-second patience; before shrinkage).
 * Because bigger queues are more efficient (Erlang economies of scale), agent-hours grow more
 * slowly than volume: the last column shows it.
 *
 * (`compareScenarios` and `staffcast scenario --base plan.json --sweep volume=0.9:1.2:0.1` do this,
 * and more: schedules, cost, service level, outbound calls, in one call.)
 *
 * Run from the repository root: npx tsx examples/what-if-sweep.ts
 *
 * In your own project, import from the package instead: `import { ... } from 'staffcast';`
 */
import { fileURLToPath } from 'node:url';
import { type Forecast, forecast, readHistoryCsv, resampleHistory, staffingPlan } from '../src/index.js';

const csv = fileURLToPath(new URL('../data/us_bank_calls_5min.csv', import.meta.url));
const { history } = await readHistoryCsv(csv, { timeZone: 'America/New_York' });
const base = forecast(resampleHistory(history, 30), { horizonDays: 7 });

/** The same forecast with every interval's calls multiplied by `factor`. */
function scaled(fc: Forecast, factor: number): Forecast {
  return { ...fc, calls: fc.calls.map((c) => c * factor) };
}

const options = {
  target: { serviceLevel: 0.8, thresholdSeconds: 20 },
  ahtSeconds: 300,
  patienceSeconds: 180,
  shrinkage: 0.3,
};
const baseHours = staffingPlan(base, options).agentHours;

console.log('volume  agent-hours  change vs 100%');
for (let tenths = 9; tenths <= 12; tenths++) {
  const factor = tenths / 10;
  const plan = staffingPlan(scaled(base, factor), options);
  const change = (100 * (plan.agentHours / baseHours - 1)).toFixed(1);
  console.log(
    `${`${tenths * 10}%`.padStart(6)}  ${plan.agentHours.toFixed(1).padStart(11)}  ${change.padStart(13)}%`,
  );
}
