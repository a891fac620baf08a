import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StaffcastError } from '../../src/errors.js';
import {
  type RosterReportCoverage,
  type RosterReportInput,
  renderRosterHtml,
  rosterReportSections,
} from '../../src/report/rosterHtml.js';
import type { Agent, AgentRosterStats, RosterAssignment } from '../../src/rostering/types.js';
import { agent } from '../rostering/fixtures.js';

const TZ = 'Europe/London';
const local = (day: number, hour: number, minute = 0) =>
  new TZDate(2024, 2, day, hour, minute, 0, TZ).getTime();

/** Thursday 28 March to Tuesday 2 April 2024 in London: the clocks go forward on Sunday 31 March. */
const FIRST = local(28, 0);
const END = new TZDate(2024, 3, 3, 0, 0, 0, TZ).getTime();

const AGENTS: Agent[] = [
  agent('a1', {
    name: 'A. Cohen',
    site: 'Leeds',
    skills: ['regular'],
    contract: { ...agent('x').contract, minHoursPerWeek: 20 },
  }),
  agent('a2', {
    name: '<script>alert(1)</script>',
    site: 'Leeds & <b>York</b>',
    contract: { ...agent('x').contract, name: 'part "time"' },
    fixedDaysOff: ['sun'],
    timeOff: [
      { kind: 'hard', startMs: local(28, 0), endMs: local(30, 0), weight: 0, note: 'annual <leave>' },
    ],
  }),
  agent('a3', { name: 'B. Zed', site: 'Brighton' }),
];

const shift = (
  id: string,
  agentId: string,
  startMs: number,
  endMs: number,
  shiftType = 'day',
): RosterAssignment => ({
  id,
  agentId,
  shiftType,
  queue: 'regular',
  startMs,
  endMs,
  paidMinutes: (endMs - startMs) / 60_000,
  breaks: [],
});

const ASSIGNMENTS: RosterAssignment[] = [
  shift('s1', 'a1', local(30, 8), local(30, 16)), // Saturday, GMT
  shift('s2', 'a3', local(30, 22), local(31, 6), 'night<x>'), // across the spring-forward night: 7 real hours
  shift('s3', 'a1', local(31, 8), local(31, 16)), // Sunday, BST
  shift(
    's4',
    'a1',
    new TZDate(2024, 3, 2, 7, 0, 0, TZ).getTime(),
    new TZDate(2024, 3, 2, 11, 0, 0, TZ).getTime(),
    'part',
  ),
];

const stats = (agentId: string): AgentRosterStats => ({
  agentId,
  shifts: 1,
  days: 1,
  paidHours: 8,
  weekends: 0,
  weekendsOff: 0,
  earlyShifts: 1,
  lateShifts: 0,
  wishesGranted: 0,
  wishesRequested: 0,
  preferencesGranted: 1,
  cost: 8,
  penalty: 0,
});

/** The complete 15-minute grid of the six local days (92 intervals on the DST day). */
function grid(): number[] {
  const starts: number[] = [];
  for (let t = FIRST; t < END; t += 15 * 60_000) starts.push(t);
  return starts;
}
const STARTS = grid();

function coverage(under: readonly number[]): RosterReportCoverage {
  return {
    starts: STARTS,
    intervalMinutes: 15,
    queues: { regular: { required: under.map((u) => u + 3), rostered: under.map(() => 3), under } },
  };
}

function input(over: Partial<RosterReportInput> = {}): RosterReportInput {
  return {
    title: 'Roster <test>',
    timeZone: TZ,
    generatedAt: 0,
    agents: AGENTS,
    weekendDays: ['sat', 'sun'],
    shiftTypes: ['day', 'part'],
    roster: {
      assignments: ASSIGNMENTS,
      agentStats: AGENTS.map((a) => stats(a.id)),
      unfilled: [
        {
          shift: {
            id: 'u1',
            shiftType: 'day',
            queue: 'regular',
            startMs: local(29, 9),
            endMs: local(29, 17),
            paidMinutes: 480,
            breaks: [],
          },
          reasons: [
            "Friday 09:00 day needs 1 agent with skill 'regular'",
            'on leave (annual <leave>): <script>',
          ],
        },
      ],
      totals: { agents: 3, assignedShifts: 4, unfilledShifts: 1, paidHours: 28, cost: 28, penalty: 0 },
      solve: { method: 'mip', objective: 10, bound: 9.9, gap: 0.01 },
    },
    coverage: coverage(STARTS.map(() => 0)),
    ...over,
  };
}

/** The `<tr>` of one agent, split into its day cells (the `<td>` elements' HTML). */
function agentCells(html: string, agentId: string): string[] {
  const row = new RegExp(`<tr class="agent[^"]*" data-agent="${agentId}">(.*?)</tr>`).exec(html);
  if (!row) throw new Error(`no row for ${agentId}`);
  return [...(row[1] ?? '').matchAll(/<td[^>]*>.*?<\/td>/g)].map((m) => m[0]);
}

/** The day headings of the grid. */
function dayHeadings(html: string): string[] {
  return [...html.matchAll(/<th scope="col" class="day[^"]*">.*?<\/th>/g)].map((m) => m[0]);
}

const VOID = new Set(['meta', 'br', 'hr', 'img', 'input', 'link']);

/** Throws unless every element is closed in order and every attribute is name="value" without a stray quote or angle bracket. */
function checkWellFormed(html: string): void {
  const stack: string[] = [];
  const body = html.replace(/^<!doctype html>\n/, '').replace(/<style>[\s\S]*?<\/style>/, '<style></style>');
  for (const m of body.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^<>]*)>/g)) {
    const [, close, name, attrs] = m as unknown as [string, string, string, string];
    const tag = name.toLowerCase();
    if (close) {
      const open = stack.pop();
      if (open !== tag) throw new Error(`</${tag}> closes <${open}> at ${m.index}`);
      continue;
    }
    if (!/^(\s+[a-z-]+(="[^"<>]*")?)*\s*$/.test(attrs)) throw new Error(`bad attributes in <${tag}${attrs}>`);
    if (!VOID.has(tag)) stack.push(tag);
  }
  expect(stack).toEqual([]);
  // no markup outside tags: every < starts a tag
  expect(body.replace(/<\/?[a-zA-Z][^<>]*>/g, '')).not.toMatch(/[<>]/);
}

describe('renderRosterHtml', () => {
  it('draws one row per agent, sorted by site then name, and one column per local day', () => {
    const html = renderRosterHtml(input());
    expect(dayHeadings(html)).toEqual([
      '<th scope="col" class="day">Thu<small>28 Mar</small></th>',
      '<th scope="col" class="day">Fri<small>29 Mar</small></th>',
      '<th scope="col" class="day we">Sat<small>30 Mar</small></th>',
      '<th scope="col" class="day we">Sun<small>31 Mar</small></th>',
      '<th scope="col" class="day">Mon<small>1 Apr</small></th>',
      '<th scope="col" class="day">Tue<small>2 Apr</small></th>',
    ]);
    const rows = [...html.matchAll(/<tr class="agent[^"]*" data-agent="([^"]+)">/g)].map((m) => m[1]);
    expect(rows).toEqual(['a3', 'a1', 'a2']); // Brighton, then Leeds (A. Cohen), then 'Leeds & <b>York</b>'
    for (const id of ['a1', 'a2', 'a3']) expect(agentCells(html, id)).toHaveLength(6);
  });

  it('puts each assignment in the cell of its local start day with its local start-end across the DST change', () => {
    const html = renderRosterHtml(input());
    const a1 = agentCells(html, 'a1');
    expect(a1[2]).toMatch(
      /^<td class="shift st0 we" title="day 08:00–16:00 regular, 8.0 paid hours">08:00–16:00<small>regular<\/small><\/td>$/,
    );
    expect(a1[3]).toContain('>08:00–16:00<small>regular</small>'); // BST: 07:00Z
    expect(a1[4]).toBe('<td></td>');
    expect(a1[5]).toMatch(/^<td class="shift st1" [^>]*>07:00–11:00<small>regular<\/small><\/td>$/);
    const a3 = agentCells(html, 'a3');
    // 22:00 GMT Saturday to 06:00 BST Sunday is 7 real hours, in the Saturday column
    expect(a3[2]).toMatch(
      /^<td class="shift st2 we" title="night&lt;x&gt; 22:00–06:00 regular, 7.0 paid hours">22:00–06:00/,
    );
    expect(a3[3]).toBe('<td class="we"></td>');
    expect(html.match(/<td class="shift /g)).toHaveLength(ASSIGNMENTS.length);
  });

  it('marks approved leave and fixed days off', () => {
    const a2 = agentCells(renderRosterHtml(input()), 'a2');
    expect(a2.slice(0, 4)).toEqual([
      '<td class="leave" title="annual &lt;leave&gt;">leave</td>',
      '<td class="leave" title="annual &lt;leave&gt;">leave</td>',
      '<td class="we"></td>',
      '<td class="off we" title="fixed day off">off</td>',
    ]);
  });

  it("shades the columns of the rules' weekend days", () => {
    const html = renderRosterHtml(input({ weekendDays: ['fri', 'sat'] }));
    const weekend = dayHeadings(html).map((h) => h.includes('class="day we"'));
    expect(weekend).toEqual([false, true, true, false, false, false]);
    const a1 = agentCells(html, 'a1');
    expect(a1.map((c) => / we"|class="we"/.test(c))).toEqual([false, true, true, false, false, false]);
    expect(html).toContain('weekend: Fri, Sat');
  });

  it('marks an understaffed interval exactly where under > 0, with its local time (DST day included)', () => {
    const under = STARTS.map(() => 0);
    const at = (day: number, month: number, h: number, m: number) =>
      STARTS.indexOf(new TZDate(2024, month, day, h, m, 0, TZ).getTime());
    under[at(2, 3, 7, 15)] = 2;
    under[STARTS.indexOf(Date.UTC(2024, 2, 31, 0, 45))] = 1; // 00:45 GMT, the last quarter before the clocks go forward
    under[at(29, 2, 12, 0)] = 0.5;
    const html = renderRosterHtml(input({ coverage: coverage(under) }));
    const titles = [...html.matchAll(/<span class="short[^"]*" style="[^"]*" title="([^"]*)">/g)].map(
      (m) => m[1],
    );
    expect(titles).toEqual([
      'Fri 29 Mar 12:00-12:15 regular: 0.5 short (3.5 required, 3 rostered)',
      'Sun 31 Mar 00:45-02:00 regular: 1 short (4 required, 3 rostered)',
      'Tue 2 Apr 07:15-07:30 regular: 2 short (5 required, 3 rostered)',
    ]);
    expect(html).toContain('<span class="short part"');
    expect(html).toContain('Understaffed intervals</div><div class="value">3<');
  });

  it('tells the two 01:15 intervals of a fall-back night apart by their UTC offset', () => {
    const starts: number[] = [];
    const from = new TZDate(2024, 9, 27, 0, 0, 0, TZ).getTime();
    for (let t = from; t < new TZDate(2024, 9, 28, 0, 0, 0, TZ).getTime(); t += 15 * 60_000) starts.push(t);
    expect(starts).toHaveLength(100);
    const under = starts.map((t) =>
      t === Date.UTC(2024, 9, 27, 0, 15) || t === Date.UTC(2024, 9, 27, 1, 15) ? 1 : 0,
    );
    const html = renderRosterHtml(
      input({
        roster: { ...input().roster, assignments: [], unfilled: [] },
        coverage: {
          starts,
          intervalMinutes: 15,
          queues: { regular: { required: under, rostered: starts.map(() => 0), under } },
        },
      }),
    );
    expect(dayHeadings(html)).toEqual(['<th scope="col" class="day we">Sun<small>27 Oct</small></th>']);
    const titles = [...html.matchAll(/<span class="short" style="[^"]*" title="([^"]*)">/g)].map((m) => m[1]);
    expect(titles).toEqual([
      'Sun 27 Oct 01:15-01:30 (UTC+01:00) regular: 1 short (1 required, 0 rostered)',
      'Sun 27 Oct 01:15-01:30 (UTC+00:00) regular: 1 short (1 required, 0 rostered)',
    ]);
  });

  it('draws one mark per interval with under > 0 and none for under == 0 (any coverage)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(0, 0, 0, 0.25, 1, 3), {
          minLength: STARTS.length,
          maxLength: STARTS.length,
        }),
        (under) => {
          const html = rosterReportSections(input({ coverage: coverage(under) }));
          const marks = [
            ...html.matchAll(/<span class="short[^"]*" style="left:([\d.]+)%[^"]*" title="([^"]*)">/g),
          ];
          expect(marks.length).toBe(under.filter((u) => u > 0).length);
          const expected = STARTS.filter((_, i) => (under[i] ?? 0) > 0).map((t) =>
            format(new TZDate(t, TZ), 'HH:mm'),
          );
          expect(marks.map((m) => /\d\d:\d\d(?=-)/.exec(m[2] ?? '')?.[0])).toEqual(expected);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('escapes every user string: names, sites, contracts, shift types, queues, reasons, title', () => {
    const html = renderRosterHtml(input());
    expect(html).not.toMatch(/<script|<b>|<x>|<leave>/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Leeds &amp; &lt;b&gt;York&lt;/b&gt; · part &quot;time&quot;');
    expect(html).toContain('<title>Roster &lt;test&gt;</title>');
    expect(html).toContain('<li>on leave (annual &lt;leave&gt;): &lt;script&gt;</li>');
  });

  it('is well formed: every element closed in order, attributes quoted, no stray angle brackets', () => {
    const html = renderRosterHtml(input());
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    checkWellFormed(html);
    checkWellFormed(renderRosterHtml(input({ coverage: undefined, notes: ['a <note>'] })));
    expect(() => checkWellFormed('<p><b>x</p></b>')).toThrow(/closes/);
  });

  it('stays well formed and escaped whatever the names, sites, contracts, notes, queues and reasons', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 }), { minLength: 6, maxLength: 6 }), (text) => {
        const [name = '', site = '', contract = '', note = '', queue = '', reason = ''] = text;
        const a2 = AGENTS[1] as Agent;
        const agents = [
          AGENTS[0] as Agent,
          {
            ...a2,
            name,
            site,
            contract: { ...a2.contract, name: contract },
            timeOff: [{ ...a2.timeOff[0]!, note }],
          },
          AGENTS[2] as Agent,
        ];
        const base = input();
        const under = STARTS.map((_, i) => (i % 7 === 0 ? 1 : 0));
        const html = renderRosterHtml(
          input({
            agents,
            roster: {
              ...base.roster,
              assignments: ASSIGNMENTS.map((x) => ({ ...x, queue, shiftType: `${x.shiftType}${name}` })),
              unfilled: base.roster.unfilled.map((u) => ({ ...u, reasons: [reason, note] })),
            },
            coverage: { ...coverage(under), queues: { [queue]: coverage(under).queues.regular! } },
            notes: [note],
          }),
        );
        checkWellFormed(html);
      }),
      { numRuns: 25 },
    );
  });

  it('shows the headline figures, the fairness table and the unfilled shifts with their reasons', () => {
    const html = renderRosterHtml(input());
    expect(html).toContain('Shifts filled</div><div class="value">4 of 5<');
    expect(html).toContain('Solved by</div><div class="value">MIP, gap 1.00%<');
    expect(html).toContain(
      '<tr><td>A. Cohen</td><td>Leeds</td><td>full-time</td><td>8.0</td><td class="below">9.3</td><td>20–40</td>',
    );
    expect(html).toContain('<h2>Unfilled shifts (1)</h2>');
    expect(html).toContain(
      '<tr><td>Fri 29 Mar</td><td>09:00–17:00</td><td>day</td><td>regular</td><td>1</td>',
    );
  });

  it('rejects an assignment of an unknown agent and coverage arrays of the wrong length', () => {
    const bad = { ...input().roster, assignments: [shift('s9', 'nobody', local(29, 8), local(29, 16))] };
    expect(() => renderRosterHtml(input({ roster: bad }))).toThrow(
      'renderRosterHtml: roster.assignments[0].agentId must name one of the agents (got nobody)',
    );
    const short = coverage(STARTS.map(() => 0));
    const q = { ...short, queues: { regular: { required: [1], rostered: [1], under: [0] } } };
    let error: unknown;
    try {
      renderRosterHtml(input({ coverage: q }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StaffcastError);
    expect((error as StaffcastError).code).toBe('INVALID_INPUT');
    expect(String((error as Error).message)).toContain(
      'coverage.queues.regular.required must have one value per start',
    );
  });
});
