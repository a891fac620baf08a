import { scheduleSeats } from '../../rostering/scheduleSeats.js';
import type { RosterShift } from '../../rostering/types.js';
import { type ShiftSchedule, scheduleShifts } from '../../scheduling/scheduleShifts.js';
import { type OnProgress, progressStep } from '../progress.js';
import type { RosterInputs } from './readRosterInputs.js';
import { scheduleFileSeats } from './scheduleFileSeats.js';

/** What the seats step of `runRoster` gives the roster step. */
export interface RosterSeats {
  /** Every seat to fill, each serving its queue; ids unique over all queues. */
  seats: RosterShift[];
  /** The schedule built per queue (none with a schedule file). */
  schedules: Record<string, ShiftSchedule>;
}

/** Settings of the seats step (a subset of `RunRosterOptions`). */
export interface RosterSeatsOptions {
  rulesFile: string;
  scheduleFile?: string | undefined;
  timeZone: string;
  timeLimitSeconds: number;
  workLimit?: number | undefined;
  onProgress?: OnProgress | undefined;
}

/**
 * The seats step of `runRoster`: the shifts of the schedule file (`scheduleFileSeats`, one queue)
 * or, without one, each rostered queue's requirement scheduled with the rules (`scheduleShifts`,
 * progress step `schedule`, or `schedule <queue>` with several queues) and cut into seats
 * (`scheduleSeats`) serving that queue. With several queues a seat id starts with its queue
 * (`regular:day-1999-03-01T07:00:00+02:00-1`) so ids stay unique.
 *
 * @internal
 * @throws StaffcastError from `scheduleFileSeats` (unknown shift type, a day outside the horizon)
 *   and `scheduleShifts` (`INFEASIBLE`, `SOLVER_FAILED`, `CONFIG`).
 * @example
 * // (not run: needs the read step's inputs and runs a MIP per queue; see test/app/roster.test.ts)
 * (await rosterSeats(inputs, { rulesFile: 'rules.json', timeZone: 'UTC', timeLimitSeconds: 60 })).seats.length;
 */
export async function rosterSeats(inputs: RosterInputs, options: RosterSeatsOptions): Promise<RosterSeats> {
  if (inputs.scheduleShifts !== undefined && options.scheduleFile !== undefined)
    return {
      seats: scheduleFileSeats(inputs.scheduleShifts, {
        file: options.scheduleFile,
        rules: inputs.rules,
        timeZone: options.timeZone,
        queue: inputs.queues[0]!.queue,
        firstDay: inputs.firstDay,
        lastDay: inputs.lastDay,
        requirementFile: inputs.requirementLabel,
      }),
      schedules: {},
    };
  const several = inputs.queues.length > 1;
  const seats: RosterShift[] = [];
  const schedules: Record<string, ShiftSchedule> = {};
  for (const q of inputs.queues) {
    const schedule = await progressStep(
      options.onProgress,
      several ? `schedule ${q.queue}` : 'schedule',
      () =>
        scheduleShifts(
          {
            intervalMinutes: inputs.intervalMinutes,
            required: q.required,
            starts: q.starts,
            timeZone: options.timeZone,
          },
          inputs.rulesInput,
          {
            timeLimitSeconds: options.timeLimitSeconds,
            ...(options.workLimit === undefined ? {} : { workLimit: options.workLimit }),
            rulesSource: options.rulesFile,
          },
        ),
      (s) => `${s.status}, ${s.shifts.reduce((a, b) => a + b.count, 0)} shifts`,
    );
    schedules[q.queue] = schedule;
    for (const seat of scheduleSeats(schedule, q.queue))
      seats.push(several ? { ...seat, id: `${q.queue}:${seat.id}` } : seat);
  }
  seats.sort((a, b) => a.startMs - b.startMs);
  return { seats, schedules };
}
