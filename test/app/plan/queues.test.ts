import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { poolMembers } from '../../../src/app/plan/queues.js';

describe('poolMembers', () => {
  it('lists per pool interval the queues open in it with their own interval index, in queue order', () => {
    expect(poolMembers([{ poolIndex: Int32Array.of(0, 1) }, { poolIndex: Int32Array.of(1) }], 3)).toEqual([
      [[0, 0]],
      [
        [0, 1],
        [1, 0],
      ],
      [],
    ]);
  });

  it('names every queue interval exactly once, at its pool interval', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 19 }), { maxLength: 20 }), { maxLength: 5 }),
        (indexLists) => {
          const queues = indexLists.map((list) => ({
            poolIndex: Int32Array.from(list.sort((a, b) => a - b)),
          }));
          const members = poolMembers(queues, 20);
          const seen = members.flatMap((rows, k) => rows.map(([qi, i]) => [qi, i, k]));
          expect(seen).toHaveLength(queues.reduce((s, q) => s + q.poolIndex.length, 0));
          for (const [qi, i, k] of seen) expect(queues[qi!]!.poolIndex[i!]).toBe(k);
        },
      ),
    );
  });
});
