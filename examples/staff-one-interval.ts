/**
 * Staffing one interval: how many agents 100 calls in 30 minutes with a 180-second handle time need
 * to answer 80% of calls within 20 seconds, with Erlang C (callers wait forever) and Erlang A
 * (callers hang up after 120 seconds on average), what those agents deliver, and how many to
 * schedule once 30% shrinkage (breaks, training, absence) is added.
 *
 * Run from the repository root: npx tsx examples/staff-one-interval.ts
 *
 * In your own project, import from the package instead: `import { ... } from 'staffcast';`
 */
import { applyShrinkage, queueMetrics, requiredAgents } from '../src/index.js';

const demand = { callsPerInterval: 100, intervalMinutes: 30, ahtSeconds: 180 };
const target = { serviceLevel: 0.8, thresholdSeconds: 20 };
const shrinkage = 0.3;

const percent = (x: number): string => `${(100 * x).toFixed(1)}%`;

// Erlang C: the fewest agents whose service level reaches 80/20.
const erlangC = requiredAgents(demand, target);
console.log(`Offered load: ${erlangC.offeredErlangs} Erlangs`);
console.log(
  `Erlang C: ${erlangC.agents} agents -> service level ${percent(erlangC.serviceLevel)}, ` +
    `ASA ${erlangC.asaSeconds.toFixed(1)} s, occupancy ${percent(erlangC.occupancy)}`,
);

// One agent fewer misses the target: that is why the answer is the minimum.
const oneFewer = queueMetrics(demand, erlangC.agents - 1, { thresholdSeconds: 20 });
console.log(`  with ${oneFewer.agents} agents: service level ${percent(oneFewer.serviceLevel)} (misses 80%)`);

// Erlang A: callers abandon after 120 s on average, so the queue needs fewer agents.
const withPatience = { ...demand, patienceSeconds: 120 };
const erlangA = requiredAgents(withPatience, target);
console.log(
  `Erlang A (patience 120 s): ${erlangA.agents} agents -> service level ${percent(erlangA.serviceLevel)}, ` +
    `abandon ${percent(erlangA.abandonRate)}, ASA ${erlangA.asaSeconds.toFixed(1)} s`,
);

// Shrinkage: agents to schedule so that the required number is on the phones.
console.log(
  `Scheduled with ${percent(shrinkage)} shrinkage: Erlang C ${applyShrinkage(erlangC.agents, shrinkage)}, ` +
    `Erlang A ${applyShrinkage(erlangA.agents, shrinkage)}`,
);
