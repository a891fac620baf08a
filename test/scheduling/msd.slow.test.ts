import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scheduleShifts } from '../../src/scheduling/scheduleShifts.js';
import { msdRequirement, msdRules, readDzn } from './msd.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/shiftdata');

// file: [candidate shifts per week, demand person-min, A: min staffed min under full cover, B: min over+under]
// from the reference table of ../shared/shiftdata/README.md (HiGHS 1.15, MIP gap 0)
const expected: Record<string, [number, number, number, number]> = {
  'DataSet1_RandomExample1.dzn': [273, 65940, 65940, 0],
  'DataSet1_RandomExample2.dzn': [770, 75720, 75720, 0],
  'DataSet1_RandomExample3.dzn': [273, 93120, 93120, 0],
  'DataSet1_RandomExample4.dzn': [770, 139410, 139410, 0],
  'DataSet1_RandomExample5.dzn': [273, 65460, 65460, 0],
  'DataSet2_RandomExample26.dzn': [273, 162300, 162300, 0],
  'DataSet2_RandomExample27.dzn': [2520, 189720, 189720, 0],
  'DataSet2_RandomExample28.dzn': [2520, 146250, 146250, 0],
  'DataSet2_RandomExample29.dzn': [273, 157920, 157920, 0],
  'DataSet2_RandomExample30.dzn': [273, 197340, 197340, 0],
  'DataSet3_RandomExample21.dzn': [2520, 180405, 191040, 5475],
  'DataSet3_RandomExample21_mod.dzn': [2520, 180405, 191040, 5475],
  'DataSet3_RandomExample22.dzn': [770, 181710, 201540, 12150],
  'DataSet3_RandomExample22_mod.dzn': [770, 181710, 201540, 12150],
  'DataSet3_RandomExample23.dzn': [273, 175680, 189600, 7320],
  'DataSet3_RandomExample23_mod.dzn': [273, 175680, 189600, 7320],
  'DataSet3_RandomExample24.dzn': [273, 194700, 211200, 9300],
  'DataSet3_RandomExample24_mod.dzn': [364, 194700, 208200, 8460],
  'DataSet3_RandomExample25.dzn': [273, 164460, 180420, 12120],
  'DataSet3_RandomExample25_mod.dzn': [546, 164460, 170820, 6060],
  'toy1.dzn': [15, 4140, 4140, 0],
  'toy2.dzn': [15, 4140, 4140, 0],
  'toy3.dzn': [15, 4140, 4140, 0],
};

describe('Minimum Shift Design instances (proven optima)', () => {
  it('the fixture folder holds exactly the 23 instances of the reference table', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.dzn'));
    expect(files.sort()).toEqual(Object.keys(expected).sort());
  });

  for (const [file, [candidates, demand, minStaffed, minDeviation]] of Object.entries(expected)) {
    it(`${file}: candidates, A = ${minStaffed} staffed person-min under full cover, B = ${minDeviation} deviation`, async () => {
      const inst = readDzn(join(dir, file));
      expect(inst.demand.reduce((s, d) => s + d, 0) * inst.intervalMinutes).toBe(demand);
      const a = await scheduleShifts(msdRequirement(inst), msdRules(inst, 'A'), { relativeGap: 0 });
      expect(a.candidates).toBe(candidates);
      expect(a.status).toBe('optimal');
      expect(a.objective).toBeCloseTo(minStaffed, 6);
      expect(a.underAgentIntervals).toBe(0);
      const staffed = a.shifts.reduce((s, sh) => s + sh.count * sh.lengthMinutes, 0);
      expect(staffed).toBe(minStaffed);
      const b = await scheduleShifts(msdRequirement(inst), msdRules(inst, 'B'), { relativeGap: 0 });
      expect(b.status).toBe('optimal');
      expect(b.objective).toBeCloseTo(minDeviation, 6);
      expect((b.underAgentIntervals + b.overAgentIntervals) * inst.intervalMinutes).toBeCloseTo(
        minDeviation,
        6,
      );
    });
  }
});
