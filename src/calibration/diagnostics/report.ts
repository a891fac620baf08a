import type { CalibrationResult } from '../calibrate.js';
import type { ErrorStat } from './errorStat.js';
import { calibrationTargets } from './targets.js';

const pct = (v: number): string => (Number.isFinite(v) ? (v * 100).toFixed(1) : String(v));
const sec = (v: number): string => (Number.isFinite(v) ? v.toFixed(1) : String(v));

function row(cells: string[], widths: number[]): string {
  return cells.map((c, k) => (k === 0 ? c.padEnd(widths[k]!) : c.padStart(widths[k]!))).join('  ');
}

/**
 * Formats a `CalibrationResult` as a plain-text report: the error table (MAE and bias per metric,
 * Erlang A and Erlang C, train and test halves, busy intervals and day totals; service level and
 * abandonment in percentage points, ASA in seconds; `inf` counts intervals where Erlang C has no
 * steady state), the accuracy targets met or not (`calibrationTargets`), then the fitted parameters. O(1) in the data size.
 *
 * @example
 * // (not run: needs the February 1999 bank call records, not shipped in the repo)
 * formatCalibrationReport(calibrate(records)).split('\n')[0];
 * // 'Errors on busy intervals (MAE / bias; SL and abandonment in points, ASA in seconds)'
 */
export function formatCalibrationReport(result: CalibrationResult): string {
  const widths = [16, 6, 9, 9, 9, 9, 10, 10, 9, 9, 9, 9, 5];
  const lines: string[] = [
    'Errors on busy intervals (MAE / bias; SL and abandonment in points, ASA in seconds)',
    row(
      [
        'half / model',
        'n',
        'SL mae',
        'SL bias',
        'Abn mae',
        'Abn bias',
        'ASA mae',
        'ASA bias',
        'daySL mae',
        'daySL bias',
        'dayAb mae',
        'dayAb bias',
        'inf',
      ],
      widths,
    ),
  ];
  for (const half of ['train', 'test'] as const) {
    for (const model of ['erlangA', 'erlangC'] as const) {
      const e = result.errors[half][model];
      const p = (s: ErrorStat): [string, string] => [pct(s.mae), pct(s.bias)];
      lines.push(
        row(
          [
            `${half} ${model === 'erlangA' ? 'Erlang A' : 'Erlang C'}`,
            String(e.serviceLevel.count),
            ...p(e.serviceLevel),
            ...p(e.abandonRate),
            sec(e.asaSeconds.mae),
            sec(e.asaSeconds.bias),
            ...p(e.dayServiceLevel),
            ...p(e.dayAbandonRate),
            String(e.asaSeconds.infinite),
          ],
          widths,
        ),
      );
    }
  }
  lines.push('', 'Targets (test half, Erlang A, busy intervals):');
  for (const t of calibrationTargets(result.errors.test.erlangA)) {
    const asa = t.name.startsWith('asa');
    const show = (v: number): string => (asa ? `${sec(v)} s` : `${pct(v)} pts`);
    lines.push(
      `  ${t.name.padEnd(20)} ${show(t.measured).padStart(10)}  limit ${show(t.limit).padStart(9)}  ${t.met ? 'met' : 'NOT met'}`,
    );
  }
  const p = result.params;
  const hours = (values: (number | null)[]): string =>
    values.map((v) => (v === null ? '-' : Math.round(v).toString())).join(' ');
  lines.push(
    '',
    `Availability factor ${p.availabilityFactor.toFixed(3)} (effective agents = factor x agents present; fitted on ${p.fittedOn.from} .. ${p.fittedOn.to}, ${result.fit.intervals} busy intervals)`,
    `Busy intervals: train ${result.busyIntervals.train}, test ${result.busyIntervals.test}; agent sessions inferred: ${result.sessions}`,
    `Presence rule: sessions end at idle gaps of ${result.presenceRule.maxGapMinutes} min, padded ${result.presenceRule.padMinutes} min at both ends (${result.presenceRule.searched.length > 1 ? `best of ${result.presenceRule.searched.length} rules on the training half` : 'given'})`,
    `Records set aside: phantom ${result.quirks.phantom}, no server ${result.quirks.noServer}, left in VRU ${result.quirks.vruOnly}; short services kept ${result.quirks.shortServices}`,
    'AHT seconds by hour 0..23',
    `  workweek ${hours(p.ahtSecondsByHour.workweek)}`,
    `  weekend  ${hours(p.ahtSecondsByHour.weekend)}`,
    'Patience seconds by hour 0..23 (exponential MLE)',
    `  workweek ${hours(p.patienceSecondsByHour.workweek)}`,
    `  weekend  ${hours(p.patienceSecondsByHour.weekend)}`,
  );
  for (const half of ['train', 'test'] as const) {
    const o = result.presenceOracle[half];
    lines.push(
      `Presence oracle, ${half} (Erlang A at each interval's best agent count): SL ${pct(o.serviceLevel.mae)} / ${pct(o.serviceLevel.bias)} pts, abandonment ${pct(o.abandonRate.mae)} / ${pct(o.abandonRate.bias)} pts, ASA ${sec(o.asaSeconds.mae)} / ${sec(o.asaSeconds.bias)} s; inferred agents off by ${o.agentsMae.toFixed(2)} (bias ${o.agentsBias.toFixed(2)})`,
    );
  }
  const nf = result.noiseFloor;
  if (nf !== undefined)
    for (const half of ['train', 'test'] as const)
      lines.push(
        `Noise floor, ${half} (MAE if Erlang A were exactly right: its own queue replayed ${nf[half].replications} times per interval): SL ${pct(nf[half].serviceLevelMae)} pts, abandonment ${pct(nf[half].abandonRateMae)} pts, ASA ${sec(nf[half].asaSecondsMae)} s`,
      );
  const pr = result.protocol;
  lines.push(
    `Protocol: agents from ${pr.agentsSource === 'queue' ? 'busy agents while callers wait, else factor x sessions' : 'factor x agent sessions'}; held-out patience from ${pr.patienceFrom === 'train' ? 'the training days (strict hold-out)' : 'the held-out days themselves (not a clean hold-out)'}, ${pr.patienceModel === 'hazard' ? 'matched to the hazard by waiting time' : 'exponential MLE'}; each interval starts from ${pr.startState === 'observed' ? 'the queue measured at its start (transient)' : 'the steady state'}`,
  );
  const pc = result.patienceCheck;
  lines.push(
    `Patience MLE on busy intervals: train ${sec(pc.train.patienceSeconds)} s (mean wait ${sec(pc.train.meanWaitSeconds)} s), test ${sec(pc.test.patienceSeconds)} s (mean wait ${sec(pc.test.meanWaitSeconds)} s)`,
    'Abandonment hazard by wait, training days (per hour; constant if patience is exponential)',
    `  ${pc.hazard.map((b) => `${b.fromSeconds}-${Number.isFinite(b.toSeconds) ? b.toSeconds : ''}s ${(3600 * b.hazardPerSecond).toFixed(1)}`).join(', ')}`,
  );
  return `${lines.join('\n')}\n`;
}
