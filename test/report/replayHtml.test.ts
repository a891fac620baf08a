import { describe, expect, it } from 'vitest';
import { renderReplayHtml } from '../../src/report/replayHtml.js';
import { renderReplaySummary } from '../../src/report/replayTerminal.js';
import { type ReplayDay, summarizeReplayDays } from '../../src/simulation/replaySummary.js';

const day = (date: string, realised: number, status: ReplayDay['status'] = 'replayed'): ReplayDay => ({
  date,
  week: 1,
  status,
  forecastCalls: 1000,
  actualCalls: status === 'replayed' ? 1050 : Number.NaN,
  volumeError: status === 'replayed' ? 0.05 : Number.NaN,
  intervalWape: 0.08,
  promisedServiceLevel: 0.84,
  realisedServiceLevel: status === 'replayed' ? realised : Number.NaN,
  meetsTarget: status === 'replayed' ? realised >= 0.8 : null,
  asaSeconds: 12,
  abandonRate: 0.03,
  answeredCalls: 1000,
  promisedAsaSeconds: 8,
  promisedAbandonRate: 0.02,
  paidHours: 120,
  onPhoneAgentHours: 80,
  callsOutsidePlan: 0,
});

const days = [day('2003-10-20', 0.91), day('2003-10-21', 0.629), day('2003-10-22', Number.NaN, 'no-data')];
const total = summarizeReplayDays(days);
const input = {
  title: 'Replay <of> 1 week',
  subtitle: 'US bank & co',
  timeZone: 'America/New_York',
  generatedAt: Date.UTC(2026, 0, 1),
  target: { serviceLevel: 0.8, thresholdSeconds: 20 },
  arrivals: 'counts' as const,
  days,
  weeks: [
    {
      ...total,
      week: 1,
      firstDate: '2003-10-18',
      lastDate: '2003-10-24',
      forecastMethod: 'auto:robust-profile',
      scheduleStatus: 'optimal',
    },
  ],
  total,
  notes: ['one pool'],
};

describe('renderReplayHtml', () => {
  it('renders one self-contained page with the share of days meeting the target and both charts', async () => {
    const html = await renderReplayHtml(input);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
    expect(html.match(/<svg/g)).toHaveLength(2);
    expect(html).toContain('1 of 2 days (50.0%)');
    expect(html).toContain('Replay &lt;of&gt; 1 week');
    expect(html).toContain('US bank &amp; co');
    expect(html).toContain('<li>one pool</li>');
    expect(html).toContain('Paid hours</div><div class="value">360.0');
  });

  it('marks the day that missed the target in the day table, and the day without data', async () => {
    const html = await renderReplayHtml(input);
    expect(html).toContain(
      '<tr><td>Tue 21 Oct 2003</td><td class="below">missed</td><td>84.0%</td><td class="below">62.9%</td>',
    );
    expect(html).toContain('<tr><td>Mon 20 Oct 2003</td><td>met</td><td>84.0%</td><td>91.0%</td>');
    expect(html).toContain('<tr><td>Wed 22 Oct 2003</td><td>no data</td>');
  });
});

describe('renderReplaySummary', () => {
  it('lists the weeks, the total, the days without data and the days that missed', () => {
    const text = renderReplaySummary(input);
    expect(text).toContain('Days meeting the target: 1 of 2 (50.0%)');
    expect(text).toContain('Planned days without real data (not scored): Wed 22 Oct');
    expect(text).toContain('Missed: Tue 21 Oct 62.9% (calls +5.0%)');
    expect(text).toMatch(/^1 {2}Sat 18 Oct – Fri 24 Oct +1 of 2 +84\.0% +77\.0% +\+5\.0% +8\.0% +360\.0$/m);
  });
});
