/**
 * Generates the synthetic team of the Anonymous Bank example (examples/il-bank-agents.csv and
 * examples/il-bank-time-off.csv): 25 named agents for the bank's three voice queues (regular,
 * prospects, stocks; examples/plan-queues.json) with mixed contracts, skills, availability, fixed
 * days off, preferences and some leave in March 1999 (the four weeks after the February history).
 * Seeded (mulberry32, seed 13): running it again writes the same files.
 *
 *   npx tsx scripts/generate-il-bank-agents.ts
 */
import { writeFileSync } from 'node:fs';
import { TZDate } from '@date-fns/tz';
import { writeAgentsCsv, writeTimeOffCsv } from '../src/io/agentsCsv.js';
import type { Agent, Contract, TimeOffRequest, WeeklyAvailability } from '../src/rostering/types.js';
import type { Weekday } from '../src/schemas/shiftRules.js';

const ZONE = 'Asia/Jerusalem';

/** mulberry32: a small seeded generator (deterministic across platforms). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(13);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));

const NAMES = [
  'A. Cohen',
  'D. Levi',
  'M. Mizrahi',
  'Y. Peretz',
  'R. Biton',
  'S. Dahan',
  'E. Avraham',
  'N. Friedman',
  'O. Azulay',
  'T. Katz',
  'L. Shapiro',
  'G. Ben-David',
  'H. Malka',
  'I. Goldberg',
  'K. Amar',
  'Z. Halevi',
  'B. Ohana',
  'P. Sasson',
  'C. Weiss',
  'J. Gabay',
  'V. Rosen',
  'U. Vaknin',
  'F. Hadad',
  'Q. Segal',
  'W. Klein',
];

const FULL: Contract = {
  name: 'full-time',
  minHoursPerWeek: 36,
  maxHoursPerWeek: 43,
  minDaysPerWeek: 5,
  maxDaysPerWeek: 5,
  maxConsecutiveDays: 6,
  minRestHours: 11,
  shiftTypes: ['day'],
  costPerHour: 1,
};
const PART: Contract = {
  name: 'part-time',
  minHoursPerWeek: 16,
  maxHoursPerWeek: 24,
  minDaysPerWeek: 3,
  maxDaysPerWeek: 5,
  maxConsecutiveDays: 5,
  minRestHours: 11,
  shiftTypes: ['part', 'day'],
  costPerHour: 1,
};
const STUDENT: Contract = {
  name: 'student',
  minHoursPerWeek: 8,
  maxHoursPerWeek: 20,
  minDaysPerWeek: 2,
  maxDaysPerWeek: 4,
  maxConsecutiveDays: 3,
  minRestHours: 11,
  shiftTypes: ['part'],
  costPerHour: 1,
};

const day = (d: number): number => new TZDate(1999, 2, d, ZONE).getTime(); // local midnight of 1999-03-d

const agents: Agent[] = NAMES.map((name, i) => {
  const contract = i < 14 ? FULL : i < 21 ? PART : STUDENT;
  // skills: everyone regular but two stock specialists; seniors add stocks, a third add prospects
  const skills = new Set<string>();
  if (i !== 3 && i !== 9) skills.add('regular');
  if (i === 3 || i === 9 || (i < 14 && rand() < 0.35)) skills.add('stocks');
  if (rand() < 0.4 || skills.size === 0) skills.add('prospects');
  // days off: a few Shabbat-observant agents never work Saturday (and leave early on Friday)
  const observant = rand() < 0.25 && contract !== STUDENT;
  const fixedDaysOff: Weekday[] = observant ? ['sat'] : [];
  let availability: WeeklyAvailability | undefined;
  if (contract === STUDENT) {
    const evening = { startMinutes: 16 * 60, endMinutes: 24 * 60 };
    availability = {
      sun: [evening],
      mon: [evening],
      tue: [evening],
      wed: [evening],
      thu: [evening],
      sat: [{ startMinutes: 7 * 60, endMinutes: 24 * 60 }],
    };
  } else if (observant) {
    const all = { startMinutes: 7 * 60, endMinutes: 24 * 60 };
    availability = {
      sun: [all],
      mon: [all],
      tue: [all],
      wed: [all],
      thu: [all],
      fri: [{ startMinutes: 7 * 60, endMinutes: 15 * 60 }],
    };
  }
  const shiftPreferences =
    rand() < 0.5 ? [{ kind: pick(['early', 'late'] as const), weight: int(1, 3) }] : [];
  const timeOff: TimeOffRequest[] = [];
  if (rand() < 0.3) {
    const from = int(1, 22);
    timeOff.push({
      kind: 'hard',
      startMs: day(from),
      endMs: day(from + int(3, 5)),
      weight: 1,
      note: 'annual leave',
    });
  }
  if (rand() < 0.3) {
    const on = int(1, 28);
    const clash = timeOff.some((t) => t.startMs < day(on + 1) && day(on) < t.endMs);
    if (!clash)
      timeOff.push({
        kind: 'soft',
        startMs: day(on),
        endMs: day(on + 1),
        weight: int(2, 5),
        note: 'day off wish',
      });
  }
  return {
    id: `a${String(i + 1).padStart(2, '0')}`,
    name,
    contract,
    skills: ['regular', 'prospects', 'stocks'].filter((q) => skills.has(q)),
    site: 'Tel Aviv',
    timeZone: ZONE,
    ...(availability === undefined ? {} : { availability }),
    fixedDaysOff,
    timeOff,
    shiftPreferences,
    seniority: int(0, 20),
  };
});

writeFileSync(new URL('../examples/il-bank-agents.csv', import.meta.url), writeAgentsCsv(agents));
writeFileSync(new URL('../examples/il-bank-time-off.csv', import.meta.url), writeTimeOffCsv(agents));
console.log(`${agents.length} agents, ${agents.reduce((s, a) => s + a.timeOff.length, 0)} time-off requests`);
