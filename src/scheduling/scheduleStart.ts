import type { ShiftRulesConfig } from '../schemas/shiftRules.js';
import type { SlotCalendar } from './calendar.js';
import { breakPositions, type Candidates } from './candidates.js';
import type { CoverSolution } from './greedy.js';
import type { ShiftInstance } from './placeBreaks.js';

/** A shift of an earlier schedule, by identity (the fields of `ScheduledShift` the mapping reads). */
export interface StartShift {
  /** Shift type name. */
  type: string;
  /** Horizon day of the start (0 = the first local day), used when `startMs` is absent. */
  dayIndex: number;
  /** Slot of the start on the earlier schedule's grid, used for break offsets when `startMs` is absent. */
  startSlot: number;
  /** Local `"HH:MM"` start, used with `dayIndex` when `startMs` is absent. */
  startTime: string;
  /** Epoch ms of the start (preferred: the identity on the real clock). */
  startMs?: number;
  /** Real minutes from start to end. */
  lengthMinutes: number;
  /** Breaks in the type's rule order: start slot on the earlier grid and epoch ms when known. */
  breaks: readonly { startSlot: number; startMs?: number }[];
  /** Number of agents on this shift. */
  count: number;
}

/**
 * An earlier schedule handed to `scheduleShifts` as an extra MIP start (`ScheduleOptions.start`):
 * a `ShiftSchedule` fits (its `shifts` and `intervalMinutes`).
 */
export interface ScheduleStart {
  shifts: readonly StartShift[];
  /** Interval length of the earlier schedule's grid in minutes. */
  intervalMinutes: number;
}

/** An earlier schedule mapped onto this model's candidate columns (see {@link mapScheduleStart}). */
export interface MappedStart {
  /** Shift counts per candidate column; no tours (`w` is empty). */
  sol: CoverSolution;
  /** One agent per mapped shift with its break offsets (slots from the shift start). */
  instances: ShiftInstance[];
  /** Agents mapped onto a column. */
  mapped: number;
  /** Agents dropped: no column of this model has their type, start, length and break pattern. */
  dropped: number;
}

function minuteOfClock(hhmm: string): number {
  const [h, m] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

/**
 * Maps the shifts of an earlier schedule onto the candidate columns of this model by shift
 * identity: type name, start (the same instant when both grids have epoch ms, otherwise the same
 * horizon day and local start time), length, and the break pattern (each break's offset from the
 * shift start must be one of this model's allowed positions for its rule; with explicit break
 * columns the column with exactly these offsets). Agents whose shift has no such column (another
 * type, day, start, length or break rule in this model) are dropped and counted in `dropped`;
 * nothing is invented. Tours are not mapped: with weekly tours the start fails the tour link rows
 * and the caller rejects it. The caller checks the result against every row bound of the solved
 * model (`satisfiesModelBounds`) before using it, so a start that dropped agents a hard rule needs
 * (full coverage, minimum counts) is rejected rather than repaired. Deterministic.
 * Cost O(candidates + agents * breaks).
 *
 * @example
 * import { slotCalendar } from './calendar.js';
 * import { generateCandidates } from './candidates.js';
 * import { parseShiftRules } from '../schemas/shiftRules.js';
 * // two agents on 08:00-12:00 of type 'd' and one of a type this model lacks, onto 08:00 and 09:00 4-hour columns
 * const cal = slotCalendar({ intervalMinutes: 60, required: new Array(24).fill(1) });
 * const rules = parseShiftRules({ shiftTypes: [{ name: 'd', earliestStart: '08:00', latestStart: '09:00',
 *   startStepMinutes: 60, lengthsMinutes: [240] }] });
 * const c = generateCandidates(cal, rules, { breakMethod: 'explicit' });
 * const m = mapScheduleStart({ intervalMinutes: 60, shifts: [
 *   { type: 'd', dayIndex: 0, startSlot: 8, startTime: '08:00', lengthMinutes: 240, breaks: [], count: 2 },
 *   { type: 'n', dayIndex: 0, startSlot: 20, startTime: '20:00', lengthMinutes: 240, breaks: [], count: 1 }] },
 *   c, cal, rules);
 * m.sol.x; // Float64Array [2, 0]
 * [m.mapped, m.dropped, m.instances.length]; // [2, 1, 2]
 */
export function mapScheduleStart(
  start: ScheduleStart,
  c: Candidates,
  cal: SlotCalendar,
  rules: ShiftRulesConfig,
): MappedStart {
  const iv = cal.intervalMinutes;
  const typeIndex = new Map<string, number>();
  rules.shiftTypes.forEach((t, i) => {
    typeIndex.set(t.name, i);
  });
  const slotOfMs = new Map<number, number>();
  for (let t = 0; t < (cal.starts?.length ?? 0); t++) slotOfMs.set(cal.starts?.[t] ?? Number.NaN, t);
  const slotOfDay = new Map<string, number>();
  for (let t = 0; t < cal.slots; t++) slotOfDay.set(`${cal.dayIndex[t]}|${cal.minuteOfDay[t]}`, t);
  const index = new Map<string, number>();
  for (let j = 0; j < c.count; j++) {
    let key = `${c.type[j]}|${c.start[j]}|${c.lengthSlots[j]}`;
    if (c.explicitBreaks) {
      const offs: number[] = [];
      for (let b = c.breakStart[j] ?? 0; b < (c.breakStart[j + 1] ?? 0); b++)
        offs.push(c.breakOffset[b] ?? 0);
      key += `|${offs.join(',')}`;
    }
    if (!index.has(key)) index.set(key, j);
  }
  const x = new Float64Array(c.count);
  const instances: ShiftInstance[] = [];
  let mapped = 0;
  let dropped = 0;
  for (const shift of start.shifts) {
    const column = columnOf(shift);
    if (column === undefined) dropped += shift.count;
    else {
      x[column.j] = (x[column.j] ?? 0) + shift.count;
      for (let k = 0; k < shift.count; k++)
        instances.push({ column: column.j, breakOffsets: [...column.offsets] });
      mapped += shift.count;
    }
  }
  return { sol: { x, w: new Float64Array(0) }, instances, mapped, dropped };

  function columnOf(shift: StartShift): { j: number; offsets: number[] } | undefined {
    const type = typeIndex.get(shift.type);
    if (type === undefined || shift.count <= 0 || !Number.isInteger(shift.count)) return undefined;
    const s =
      shift.startMs !== undefined && cal.starts !== undefined
        ? slotOfMs.get(shift.startMs)
        : slotOfDay.get(`${shift.dayIndex}|${minuteOfClock(shift.startTime)}`);
    if (s === undefined || shift.lengthMinutes % iv !== 0) return undefined;
    const len = shift.lengthMinutes / iv;
    const rulesOfType = rules.shiftTypes[type]?.breaks ?? [];
    if (shift.breaks.length !== rulesOfType.length) return undefined;
    const offsets: number[] = [];
    for (const [b, brk] of shift.breaks.entries()) {
      const minutes =
        brk.startMs !== undefined && shift.startMs !== undefined
          ? (brk.startMs - shift.startMs) / 60_000
          : (brk.startSlot - shift.startSlot) * start.intervalMinutes;
      const rule = rulesOfType[b];
      if (rule === undefined || minutes % iv !== 0) return undefined;
      const o = minutes / iv;
      if (!breakPositions(rule, len, iv).includes(o)) return undefined;
      offsets.push(o);
    }
    const key = `${type}|${s}|${len}${c.explicitBreaks ? `|${offsets.join(',')}` : ''}`;
    const j = index.get(key);
    return j === undefined ? undefined : { j, offsets };
  }
}
