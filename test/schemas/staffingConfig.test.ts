import { describe, expect, it } from 'vitest';
import { readStaffingConfig } from '../../src/schemas/staffingConfig.js';

describe('readStaffingConfig', () => {
  it('accepts per-queue channels, targets, shrinkage tables and zones, defaulting the channel to voice', () => {
    const c = readStaffingConfig(
      JSON.stringify({
        target: { serviceLevel: 0.8, thresholdSeconds: 20 },
        queues: [
          {
            name: 'sales',
            patienceSeconds: 120,
            shrinkage: { default: 0.3, rules: [{ weekdays: [6], shrinkage: 0.2 }] },
          },
          { name: 'chat', channel: 'chat', concurrency: 2, timeZone: 'Asia/Kolkata' },
          {
            name: 'mail',
            channel: 'email',
            ahtSeconds: 400,
            deadlineMinutes: 240,
            deadlineBasis: 'business',
          },
        ],
      }),
    );
    expect(c.queues.map((q) => q.channel)).toEqual(['voice', 'chat', 'email']);
    expect(c.queues[2]!.deadlineMinutes).toBe(240);
  });

  it('names the file and every invalid field path', () => {
    expect(() =>
      readStaffingConfig(
        '{"queues":[{"name":"a","target":{"serviceLevel":1.5}},{"name":"b","bogus":1}]}',
        'cfg.json',
      ),
    ).toThrow(
      'cfg.json: queues[0].target.serviceLevel: Too big: expected number to be <=1; queues[1]: unknown key "bogus" (known keys: name, channel, target, patienceSeconds, ahtSeconds, shrinkage, concurrency, minAgents, timeZone, deadlineMinutes, deadlineBasis, useParams)',
    );
    expect(() => readStaffingConfig('{"queues":[{"name":"m","channel":"email"}]}', 'cfg.json')).toThrow(
      'cfg.json: queues[0].deadlineMinutes: an email queue needs deadlineMinutes',
    );
    expect(() => readStaffingConfig('{"queues":[{"name":"a"},{"name":"a"}]}', 'cfg.json')).toThrow(
      'cfg.json: queues: queue names must be unique',
    );
    expect(() => readStaffingConfig('{"queues":[{"name":"a","timeZone":"Mars/Base"}]}', 'cfg.json')).toThrow(
      'cfg.json: queues[0].timeZone: an IANA time-zone name such as Europe/Madrid',
    );
  });
});
