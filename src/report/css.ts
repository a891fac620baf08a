/**
 * The report's stylesheet, inlined in `<style>` (no external fonts or URLs): a centred 1100 px
 * column, system fonts, cards for the headline figures, zebra tables (headings wrap; a table wider
 * than its card scrolls inside it), and charts that scale down on narrow screens and avoid page breaks when printed.
 */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1d2733; --muted: #5f6b7a; --line: #e3e7ec; --accent: #1f6fb4; }
* { box-sizing: border-box; }
body { margin: 0; background: #f5f7fa; color: var(--ink);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1100px; margin: 0 auto; padding: 28px 24px 40px; }
header h1 { font-size: 24px; margin: 0 0 4px; }
header p { margin: 0; color: var(--muted); }
h2 { font-size: 17px; margin: 0 0 12px; }
.chart h2 { margin-bottom: 2px; }
.caption { margin: 0 0 10px; color: var(--muted); font-size: 13px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 18px 20px; margin-top: 18px;
  break-inside: avoid; overflow-x: auto; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 10px; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; background: #fbfcfd; }
.card .label { color: var(--muted); font-size: 12px; }
.card .value { font-size: 19px; font-weight: 600; font-variant-numeric: tabular-nums; margin-top: 2px; }
.card .value[class*='status-'] { font-size: 15px; white-space: nowrap; }
.status-optimal, .status-feasible { color: #237a3b; }
.status-time-limit { color: #a86b00; }
.status-infeasible, .status-not-run { color: #b3261e; }
.chart svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { padding: 6px 10px; border-bottom: 1px solid var(--line); text-align: right; white-space: nowrap; }
th:first-child, td:first-child { text-align: left; }
thead th { background: #f0f3f7; font-weight: 600; white-space: normal; vertical-align: bottom; }
tbody tr:nth-child(even) { background: #fafbfc; }
tfoot td { font-weight: 600; border-top: 2px solid var(--line); }
table.shifts td:nth-child(2), table.shifts th:nth-child(2) { text-align: left; }
table.shifts td:nth-child(2) { color: var(--muted); }
td.below { color: #b3261e; font-weight: 600; }
ul.notes { margin: 0; padding-left: 20px; color: var(--muted); }
footer { color: var(--muted); font-size: 12px; margin-top: 18px; text-align: center; }
@media print { body { background: #fff; } section { border: none; padding: 0; } }
`;
