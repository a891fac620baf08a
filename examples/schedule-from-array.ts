/**
 * Scheduling from a requirement array: agents needed on the phones per 30-minute interval of one
 * Monday, 08:00 to 20:00, written by hand (for instance copied from a spreadsheet), covered with
 * 8.5-hour full-time shifts (with a 30-minute unpaid lunch) and 4-hour part-time shifts
 * (at most a third of all shifts, 10% dearer per hour). HiGHS solves the shift MIP within a 10-second limit;
 * the result says whether it is proven optimal and how far from the best bound it may be.
 *
 * Run from the repository root: npx tsx examples/schedule-from-array.ts
 *
 * In your own project, import from the package instead: `import { ... } from 'staffcast';`
 */
import { type ShiftRulesInput, scheduleShifts } from '../src/index.js';

// Agents required from 08:00 (slot 0) to 19:30 (slot 23): a morning peak and an early-evening hump.
const required = [4, 6, 9, 12, 14, 15, 15, 14, 12, 11, 11, 12, 12, 11, 10, 9, 9, 10, 11, 10, 8, 6, 4, 3];

const rules: ShiftRulesInput = {
  shiftTypes: [
    {
      name: 'full-time',
      earliestStart: '08:00',
      latestStart: '11:30',
      startStepMinutes: 30,
      lengthsMinutes: [510],
      costPerPaidHour: 1,
      breaks: [{ name: 'lunch', durationMinutes: 30, earliestStartMinutes: 180, latestStartMinutes: 300 }],
    },
    {
      name: 'part-time',
      earliestStart: '08:00',
      latestStart: '16:00',
      startStepMinutes: 30,
      lengthsMinutes: [240],
      costPerPaidHour: 1.1,
      maxShare: 1 / 3,
    },
  ],
  openingHours: { mon: [{ open: '08:00', close: '20:00' }] },
};

const schedule = await scheduleShifts(
  { intervalMinutes: 30, required, firstWeekday: 0, firstMinuteOfDay: 8 * 60 },
  rules,
);

const gap = schedule.gap === null ? 'no bound' : `${(100 * schedule.gap).toFixed(2)}%`;
console.log(`Status: ${schedule.status}, cost ${schedule.objective.toFixed(2)}, gap ${gap}`);
console.log(
  `Under-coverage: ${schedule.underAgentIntervals} agent-intervals, ` +
    `over-coverage: ${schedule.overAgentIntervals} agent-intervals`,
);
for (const shift of schedule.shifts) {
  const lunch = shift.breaks.map((b) => ` (${b.name} ${b.startTime})`).join('');
  console.log(`  ${shift.count} x ${shift.type} ${shift.startTime}-${shift.endTime}${lunch}`);
}
const agents = schedule.shifts.reduce((sum, s) => sum + s.count, 0);
console.log(`Agents scheduled: ${agents}`);
