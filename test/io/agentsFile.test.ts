import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAgentsCsv, writeAgentsCsv, writeTimeOffCsv } from '../../src/io/agentsCsv.js';
import { parseAgentsJson, writeAgentsJson } from '../../src/io/agentsJson.js';
import { readAgentsFile } from '../../src/io/readAgentsFile.js';
import type { Agent, TimeOffRequest, TimeWindow, WeeklyAvailability } from '../../src/rostering/types.js';
import { parseShiftRules, WEEKDAYS } from '../../src/schemas/shiftRules.js';

const QUEUES = ['regular', 'prospects', 'stocks'];
const ZONES = ['UTC', 'Asia/Jerusalem', 'America/New_York', 'Europe/Madrid', 'Australia/Lord_Howe'];
const MINUTE = 60_000;

/** A window of whole minutes, at most a day long (00:00-24:00 or shorter). */
const windowArb: fc.Arbitrary<TimeWindow> = fc
  .tuple(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 1, max: 1439 }))
  .map(([startMinutes, length]) => ({ startMinutes, endMinutes: startMinutes + length }));

const availabilityArb: fc.Arbitrary<WeeklyAvailability | undefined> = fc.option(
  fc
    .dictionary(fc.constantFrom(...WEEKDAYS), windowArb, { minKeys: 1 })
    .map((d) => Object.fromEntries(WEEKDAYS.flatMap((w) => (d[w] === undefined ? [] : [[w, [d[w]]]])))),
  { nil: undefined },
);

/** Non-overlapping requests in time order, whole minutes, 1999-2030. */
const timeOffArb: fc.Arbitrary<TimeOffRequest[]> = fc
  .array(
    fc.record({
      gap: fc.integer({ min: 0, max: 60 * 24 * 30 }),
      length: fc.integer({ min: 1, max: 60 * 24 * 10 }),
      kind: fc.constantFrom('hard' as const, 'soft' as const),
      weight: fc.integer({ min: 0, max: 10 }),
      note: fc.option(fc.constantFrom('annual leave', 'wish', 'exam'), { nil: undefined }),
    }),
    { maxLength: 3 },
  )
  .map((rs) => {
    let t = Date.UTC(2026, 0, 1);
    return rs.map((r) => {
      const startMs = t + r.gap * MINUTE;
      const endMs = startMs + r.length * MINUTE;
      t = endMs;
      return {
        kind: r.kind,
        startMs,
        endMs,
        weight: r.weight,
        ...(r.note === undefined ? {} : { note: r.note }),
      };
    });
  });

const agentArb = (i: number): fc.Arbitrary<Agent> =>
  fc
    .record({
      name: fc.constantFrom('A. Cohen', 'D. Levi', 'Ana María Pérez', "O'Brien, J."),
      minHours: fc.integer({ min: 0, max: 20 }),
      extraHours: fc.integer({ min: 0, max: 30 }),
      days: fc.integer({ min: 0, max: 7 }),
      types: fc.option(fc.subarray(['day', 'part'], { minLength: 1 }), { nil: undefined }),
      skills: fc.subarray(QUEUES, { minLength: 1 }),
      zone: fc.constantFrom(...ZONES),
      availability: availabilityArb,
      daysOff: fc.subarray([...WEEKDAYS]),
      timeOff: timeOffArb,
      prefs: fc.subarray([
        { kind: 'early' as const, weight: 2 },
        { kind: 'late' as const, weight: 0.5 },
      ]),
      seniority: fc.integer({ min: 0, max: 40 }),
      cost: fc.constantFrom(1, 1.25, 30),
    })
    .map(
      (r): Agent => ({
        id: `a${i}`,
        name: r.name,
        contract: {
          name: r.days > 4 ? 'full-time' : 'part-time',
          minHoursPerWeek: 0,
          maxHoursPerWeek: r.minHours + r.extraHours,
          minDaysPerWeek: 0,
          maxDaysPerWeek: r.days,
          maxConsecutiveDays: 6,
          minRestHours: 11,
          ...(r.types === undefined ? {} : { shiftTypes: r.types }),
          costPerHour: r.cost,
        },
        skills: r.skills,
        site: i % 2 === 0 ? 'Tel Aviv' : '',
        timeZone: r.zone,
        ...(r.availability === undefined ? {} : { availability: r.availability }),
        fixedDaysOff: r.daysOff,
        timeOff: r.timeOff,
        shiftPreferences: r.prefs,
        seniority: r.seniority,
      }),
    );

const agentsArb = fc
  .integer({ min: 1, max: 4 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => agentArb(i + 1))));

describe('agents CSV', () => {
  it('round-trips: writing agents and their time off, then reading them back, gives the same agents', () => {
    fc.assert(
      fc.property(agentsArb, (agents) => {
        const back = parseAgentsCsv(writeAgentsCsv(agents), 'agents.csv', {
          queues: QUEUES,
          timeOff: { text: writeTimeOffCsv(agents), file: 'time_off.csv' },
        });
        expect(back).toEqual(agents);
      }),
      { numRuns: 150 },
    );
  });

  it('fills the documented defaults for left-out columns and uses the reader zone', () => {
    const [a] = parseAgentsCsv(
      'id,name,skills,max_hours_per_week,max_days_per_week\na1,A. Cohen,stocks;regular,40,5\n',
      'a.csv',
      {
        queues: QUEUES,
        timeZone: 'Asia/Jerusalem',
      },
    );
    expect(a).toEqual({
      id: 'a1',
      name: 'A. Cohen',
      contract: {
        name: '',
        minHoursPerWeek: 0,
        maxHoursPerWeek: 40,
        minDaysPerWeek: 0,
        maxDaysPerWeek: 5,
        maxConsecutiveDays: 6,
        minRestHours: 11,
        costPerHour: 1,
      },
      skills: ['stocks', 'regular'],
      site: '',
      timeZone: 'Asia/Jerusalem',
      fixedDaysOff: [],
      timeOff: [],
      shiftPreferences: [],
      seniority: 0,
    });
  });

  it('reads availability ranges that wrap past Sunday and windows crossing midnight', () => {
    const [a] = parseAgentsCsv(
      'id,name,skills,max_hours_per_week,max_days_per_week,availability\na1,A,regular,40,5,"sat-mon 22:00-06:00; wed 07:00-12:00 13:00-19:00"\n',
      'a.csv',
      { queues: QUEUES },
    );
    const night = [{ startMinutes: 1320, endMinutes: 1800 }];
    expect(a?.availability).toEqual({
      sat: night,
      sun: night,
      mon: night,
      wed: [
        { startMinutes: 420, endMinutes: 720 },
        { startMinutes: 780, endMinutes: 1140 },
      ],
    });
  });

  it('reads leave dates as whole local days of the agent, DST day included', () => {
    const agents = parseAgentsCsv(
      'id,name,skills,max_hours_per_week,max_days_per_week,time_zone\na1,A,regular,40,5,Europe/Madrid\n',
      'a.csv',
      {
        queues: QUEUES,
        timeOff: { text: 'agent_id,start,end,kind,weight\na1,2024-03-31,2024-03-31,soft,4\n', file: 't.csv' },
      },
    );
    // 31 March 2024 in Madrid is 23 hours long (clocks go forward at 02:00)
    expect(agents[0]?.timeOff).toEqual([
      { kind: 'soft', startMs: Date.UTC(2024, 2, 30, 23), endMs: Date.UTC(2024, 2, 31, 22), weight: 4 },
    ]);
  });

  it('rejects a time-off row of an agent not in the agents file, naming its line', () => {
    expect(() =>
      parseAgentsCsv('id,name,skills,max_hours_per_week,max_days_per_week\na1,A,regular,40,5\n', 'a.csv', {
        queues: QUEUES,
        timeOff: {
          text: 'agent_id,start,end\na1,2024-03-04,2024-03-05\nb7,2024-03-04,2024-03-05\n',
          file: 't.csv',
        },
      }),
    ).toThrow("t.csv:3:agent_id: unknown agent 'b7' (not in the agents file)");
  });

  it('rejects leave that ends before it starts, naming the end cell', () => {
    expect(() =>
      parseAgentsCsv('id,name,skills,max_hours_per_week,max_days_per_week\na1,A,regular,40,5\n', 'a.csv', {
        queues: QUEUES,
        timeOff: { text: 'agent_id,start,end\na1,2024-03-05,2024-03-03\n', file: 't.csv' },
      }),
    ).toThrow('t.csv:2:end: ends before it starts (2024-03-05 to 2024-03-03)');
  });

  it('rejects a required number left empty and a negative number, naming line and column', () => {
    const head = 'id,name,skills,max_hours_per_week,max_days_per_week\n';
    expect(() => parseAgentsCsv(`${head}a1,A,regular,,5\n`, 'a.csv', { queues: QUEUES })).toThrow(
      'a.csv:2:max_hours_per_week: empty (a number is required)',
    );
    expect(() => parseAgentsCsv(`${head}a1,A,regular,40,-5\n`, 'a.csv', { queues: QUEUES })).toThrow(
      "a.csv:2:max_days_per_week: not a number >= 0 (got '-5')",
    );
  });

  it('reads the checked-in Anonymous Bank team: 25 agents, mixed contracts, every queue staffed, some leave', async () => {
    const { readFileSync } = await import('node:fs');
    const rules = parseShiftRules(JSON.parse(readFileSync('examples/il-bank-rules.json', 'utf8')));
    const agents = await readAgentsFile('il-bank-agents.csv', {
      baseDir: 'examples',
      queues: QUEUES,
      shiftRules: rules,
      timeOffFile: 'il-bank-time-off.csv',
    });
    expect(agents).toHaveLength(25);
    expect(new Set(agents.map((a) => a.contract.name))).toEqual(
      new Set(['full-time', 'part-time', 'student']),
    );
    for (const q of QUEUES)
      expect(agents.filter((a) => a.skills.includes(q)).length).toBeGreaterThanOrEqual(4);
    expect(agents.filter((a) => a.timeOff.some((t) => t.kind === 'hard')).length).toBeGreaterThan(3);
  });
});

describe('agents JSON', () => {
  it('round-trips: writing agents then reading them back gives the same agents', () => {
    fc.assert(
      fc.property(agentsArb, (agents) => {
        expect(parseAgentsJson(writeAgentsJson(agents), 'agents.json', { queues: QUEUES })).toEqual(agents);
      }),
      { numRuns: 150 },
    );
  });

  it('reads the same agents as the CSV form of the same team', () => {
    fc.assert(
      fc.property(agentsArb, (agents) => {
        const fromCsv = parseAgentsCsv(writeAgentsCsv(agents), 'a.csv', {
          queues: QUEUES,
          timeOff: { text: writeTimeOffCsv(agents), file: 't.csv' },
        });
        expect(parseAgentsJson(writeAgentsJson(fromCsv), 'a.json', { queues: QUEUES })).toEqual(fromCsv);
      }),
      { numRuns: 50 },
    );
  });

  it('rejects an unknown key with the closest known one', () => {
    const text = JSON.stringify({
      agents: [
        {
          id: 'a',
          name: 'A',
          skills: ['regular'],
          contract: { maxHoursPerWeek: 40, maxDaysPerWeek: 5, minRest: 11 },
        },
      ],
    });
    expect(() => parseAgentsJson(text, 'a.json', { queues: QUEUES })).toThrow(
      'a.json: agents[0].contract: unknown key "minRest" (did you mean "minRestHours"?)',
    );
  });
});
