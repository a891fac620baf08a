import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { StaffcastError } from '../../src/errors.js';
import { readAgentsFile } from '../../src/io/readAgentsFile.js';
import { parseShiftRules } from '../../src/schemas/shiftRules.js';

/**
 * The broken-input corpus shared with the CLI tests: `test/cli/badInput.test.ts` runs `staffcast
 * roster` on these files and keeps them in the README table; here the reader's error codes.
 */
const corpus = fileURLToPath(new URL('../fixtures/bad/', import.meta.url));
const QUEUES = ['regular', 'prospects', 'stocks'];
const rules = parseShiftRules(JSON.parse(readFileSync(join(corpus, 'roster_rules.json'), 'utf8')));

/**
 * One broken agents input, read by `readAgentsFile`: the files
 * (agents file, optional time-off CSV), whether the shift rules of `roster_rules.json` are given, and
 * the exact one-line message and code.
 */
interface AgentsCase {
  name: string;
  file: string;
  timeOff?: string;
  withRules?: boolean;
  code: string;
  message: string;
}

const cases: AgentsCase[] = [
  {
    name: 'a skill that is not a known queue names the file, line and skills column',
    file: 'agents_unknown_skill.csv',
    code: 'CSV_ROW',
    message:
      "agents_unknown_skill.csv:3:skills: unknown skill 'stoks' (known queues: regular, prospects, stocks)",
  },
  {
    name: 'an unknown skill in the JSON form names the agent path',
    file: 'agents_unknown_skill.json',
    code: 'CONFIG',
    message:
      "agents_unknown_skill.json: agents[1].skills: unknown skill 'stoks' (known queues: regular, prospects, stocks)",
  },
  {
    name: 'a duplicate id names the second row and the agent that has it first',
    file: 'agents_duplicate_id.csv',
    code: 'CSV_ROW',
    message:
      "agents_duplicate_id.csv:4:id: duplicate agent id 'a01' (already the id of A. Cohen, agent 1 of the list)",
  },
  {
    name: 'min hours above max hours is an impossible contract',
    file: 'agents_min_over_max.csv',
    code: 'CSV_ROW',
    message:
      'agents_min_over_max.csv:2:min_hours_per_week: min hours per week 45 is more than max hours per week 40',
  },
  {
    name: 'min hours beyond max days x the longest allowed shift cannot be worked',
    file: 'agents_hours_unworkable.csv',
    withRules: true,
    code: 'CSV_ROW',
    message:
      'agents_hours_unworkable.csv:3:min_hours_per_week: min hours per week 20 cannot be worked: at most 4 days x 4 paid hours (longest allowed shift) = 16 h',
  },
  {
    name: 'max consecutive days too low for the min days per week',
    file: 'agents_consecutive.csv',
    code: 'CSV_ROW',
    message:
      'agents_consecutive.csv:2:max_consecutive_days: at most 1 consecutive day allow at most 4 days in a week, less than min days per week 5',
  },
  {
    name: 'a time window without two-digit hours names the availability cell',
    file: 'agents_bad_window.csv',
    code: 'CSV_ROW',
    message: `agents_bad_window.csv:2:availability: not a time window "HH:MM-HH:MM" (got '7:00-19:00')`,
  },
  {
    name: 'an unknown time zone names the time_zone cell',
    file: 'agents_unknown_zone.csv',
    code: 'CSV_ROW',
    message:
      "agents_unknown_zone.csv:3:time_zone: unknown time zone 'Asia/Jerusalm' (an IANA name such as Asia/Jerusalem)",
  },
  {
    name: 'overlapping leave of one agent names the later request in the time-off file',
    file: 'agents_valid.csv',
    timeOff: 'time_off_overlap.csv',
    code: 'CSV_ROW',
    message:
      "time_off_overlap.csv:4:start: overlaps the agent's hard time off from 1999-03-08T00:00:00+02:00 to 1999-03-12T00:00:00+02:00",
  },
  {
    name: 'an unknown column is an error, not silently dropped',
    file: 'agents_unknown_column.csv',
    code: 'CSV_ROW',
    message:
      "agents_unknown_column.csv:1: unknown column 'skils' (known: id, name, contract, min_hours_per_week, max_hours_per_week, min_days_per_week, max_days_per_week, max_consecutive_days, min_rest_hours, shift_types, cost_per_hour, skills, site, time_zone, availability, days_off, preferences, seniority)",
  },
];

async function failure(c: AgentsCase): Promise<StaffcastError> {
  try {
    await readAgentsFile(c.file, {
      baseDir: corpus,
      queues: QUEUES,
      ...(c.timeOff === undefined ? {} : { timeOffFile: c.timeOff }),
      ...(c.withRules === true ? { shiftRules: rules } : {}),
    });
  } catch (error) {
    if (error instanceof StaffcastError) return error;
    throw error;
  }
  throw new Error(`${c.file} was accepted`);
}

describe('agents readers on bad input', () => {
  it.each(cases)('$name', async (c) => {
    const e = await failure(c);
    expect(e.code).toBe(c.code);
    expect(e.message).toBe(c.message);
    expect(e.message).not.toContain('\n');
  });

  it('reads the valid agents file the broken time-off case starts from', async () => {
    const agents = await readAgentsFile('agents_valid.csv', {
      baseDir: corpus,
      queues: QUEUES,
      shiftRules: rules,
    });
    expect(agents.map((a) => a.id)).toEqual(['a01', 'a02']);
  });
});
