import { describe, expect, it } from 'vitest';
import { knownQueues } from '../../../src/app/roster/knownQueues.js';
import { rosterRulesOf } from '../../../src/app/roster/readRosterInputs.js';
import { parseRosterRules } from '../../../src/schemas/rosterRules.js';

describe('knownQueues', () => {
  it("adds the rules' roster.queues to the run's queues, each once, the run's first", () => {
    const rules = parseRosterRules({ queues: ['loans', 'sales', 'care'] });
    expect(knownQueues(['sales', 'general'], rules)).toEqual(['sales', 'general', 'loans', 'care']);
    expect(knownQueues(['sales'], parseRosterRules({}))).toEqual(['sales']);
  });

  it('the roster rules given to the solvers leave the queues out', () => {
    expect('queues' in rosterRulesOf(parseRosterRules({ queues: ['sales'] }))).toBe(false);
  });

  it('refuses a queue listed twice in the rules', () => {
    expect(() => parseRosterRules({ queues: ['sales', 'sales'] }, 'rules.json')).toThrow(
      'rules.json: queues: a queue is listed twice',
    );
  });
});
