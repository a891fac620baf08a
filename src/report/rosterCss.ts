/**
 * Fill and edge colours of the shift types, in legend order (the ninth type takes the first again).
 *
 * @example
 * SHIFT_TYPE_COLORS[0]; // { fill: '#d3e5f7', edge: '#1f6fb4' }
 */
export const SHIFT_TYPE_COLORS: readonly { fill: string; edge: string }[] = [
  { fill: '#d3e5f7', edge: '#1f6fb4' },
  { fill: '#d6efdb', edge: '#2e8b4f' },
  { fill: '#fde3c6', edge: '#c76b00' },
  { fill: '#e7ddf6', edge: '#6a4fb3' },
  { fill: '#f9d5de', edge: '#b8355a' },
  { fill: '#d3eef1', edge: '#1b8a94' },
  { fill: '#f3ecc2', edge: '#8a7600' },
  { fill: '#e4e4e4', edge: '#666666' },
];

/**
 * The roster page's stylesheet, added after `REPORT_CSS`: a wider page; the people x days grid in
 * its own scrolling box (horizontal and vertical) with the day headings and the agent column
 * sticky, weekend columns shaded, one colour per shift type (classes `st0` ... `st7`), leave
 * hatched, the understaffed strips (red marks on the day's open hours; their rows stick to the
 * bottom of the box, so they stay in view under 100 agents) and the legend.
 *
 * @example
 * ROSTER_CSS.includes('table.roster td.st7'); // true
 */
export const ROSTER_CSS = `
main.roster-page { max-width: 1500px; }
.grid-wrap { overflow: auto; max-height: 78vh; border: 1px solid var(--line); border-radius: 6px; }
section.roster-grid { overflow: visible; }
table.roster { width: auto; border-collapse: separate; border-spacing: 0; font-size: 12px; }
table.roster th, table.roster td { padding: 3px 5px; border-bottom: 1px solid var(--line);
  border-right: 1px solid #eef1f4; text-align: center; line-height: 1.25; }
table.roster thead th { position: sticky; top: 0; z-index: 2; background: #f0f3f7; font-weight: 600; white-space: nowrap; }
table.roster thead th small { display: block; font-weight: 400; color: var(--muted); }
table.roster th.agent { position: sticky; left: 0; z-index: 1; background: #fff; text-align: left;
  min-width: 150px; max-width: 220px; overflow: hidden; text-overflow: ellipsis; }
table.roster thead th.agent { z-index: 3; background: #f0f3f7; }
table.roster th.agent small { display: block; font-weight: 400; color: var(--muted); }
table.roster tr.site-start th, table.roster tr.site-start td { border-top: 2px solid #c9d1db; }
table.roster tbody tr:nth-child(even) { background: transparent; }
table.roster td { min-width: 74px; height: 34px; }
table.roster .we { background: #f1ede4; }
table.roster thead th.we { background: #e6e0d3; }
table.roster td.shift small { display: block; color: #3b4654; }
${SHIFT_TYPE_COLORS.map((c, i) => `table.roster td.st${i}, .legend .st${i} { background: ${c.fill}; box-shadow: inset 3px 0 0 ${c.edge}; }`).join('\n')}
table.roster td.wish-broken { outline: 2px dashed #b3261e; outline-offset: -3px; }
table.roster td.leave, .legend .leave { background: repeating-linear-gradient(135deg, #ececec 0 4px, #f7f7f7 4px 8px);
  color: var(--muted); font-style: italic; }
table.roster td.off, table.roster td.wish { color: var(--muted); }
table.roster tfoot th, table.roster tfoot td { position: sticky; z-index: 1; height: 25px; background: #fbfcfd;
  font-weight: 400; }
table.roster tfoot th.agent { z-index: 3; background: #fbfcfd; }
table.roster tfoot td.we { background: #f1ede4; }
table.roster tfoot tr.first th, table.roster tfoot tr.first td { border-top: 2px solid #c9d1db; }
table.fairness th:nth-child(-n+3), table.fairness td:nth-child(-n+3) { text-align: left; }
table.unfilled td { vertical-align: top; }
table.unfilled th:nth-child(-n+4), table.unfilled td:nth-child(-n+4) { text-align: left; }
.strip { position: relative; height: 14px; background: #eceff3; border-radius: 2px; }
.strip span { position: absolute; top: 0; bottom: 0; }
.strip .open, .legend .open { background: #cfe8d4; }
.strip .short, .legend .short { background: #d6404e; }
.strip .short.part, .legend .part { background: #f0a0a8; }
ul.legend { list-style: none; margin: 0 0 10px; padding: 0; display: flex; flex-wrap: wrap; gap: 6px 16px;
  color: var(--muted); font-size: 12px; }
ul.legend li { display: flex; align-items: center; gap: 5px; }
.legend .swatch { display: inline-block; width: 18px; height: 12px; border-radius: 2px; border: 1px solid #d5dbe2; }
ul.reasons { margin: 0; padding-left: 18px; color: var(--muted); }
table.unfilled td:last-child, table.unfilled th:last-child { text-align: left; white-space: normal; }
`;
