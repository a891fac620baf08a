import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDayTable, type DayTable } from '../../src/forecast/dayTable.js';
import { chooseModel, forecastDays, indexSpecialDays } from '../../src/forecast/engine.js';
import { historyAsOf } from '../../src/forecast/historyAsOf.js';
import { resolveForecastOptions } from '../../src/forecast/options.js';
import { ValidationMemo } from '../../src/forecast/validationMemo.js';
import { readHistoryCsv } from '../../src/io/readHistoryCsv.js';
import type { History } from '../../src/time/history.js';

const fixture = fileURLToPath(
  new URL('../fixtures/forecast/anonymous_bank_1999h2_6min.csv', import.meta.url),
);

describe('forecastDays with auto is the forecast of the model chooseModel picks (the backtest reuses it)', () => {
  let table: DayTable;
  beforeAll(async () => {
    table = buildDayTable((await readHistoryCsv(fixture, { timeZone: 'UTC' })).history);
  });

  it.each([100, 140, 181])('at the end of row %i: the same values, quantiles and day effect', (end) => {
    const { settings, specialDays } = resolveForecastOptions(
      'forecast',
      { horizonDays: 7, quantiles: [0.1, 0.9], specialDays: [{ date: '1999-09-21', label: 'Yom Kippur' }] },
      table,
    );
    const special = indexSpecialDays(table, specialDays);
    const model = chooseModel(table, end, special, settings);
    const auto = forecastDays(table, end, special, settings);
    const direct = forecastDays(table, end, special, { ...settings, method: model });
    expect(auto.method).toBe(`auto:${model}`);
    expect({ ...auto, method: model }).toEqual(direct);
  });
});

describe("forecastDays with a backtest's validation memo is the forecast without one", () => {
  let history: History;
  let full: DayTable;
  beforeAll(async () => {
    history = (await readHistoryCsv(fixture, { timeZone: 'UTC' })).history;
    full = buildDayTable(history);
  });
  const asOf = (row: number) => {
    const known = buildDayTable(historyAsOf(history, full.dayNumbers[row]!));
    const { settings, specialDays } = resolveForecastOptions(
      'backtest',
      { horizonDays: 7, quantiles: [0.1, 0.9], specialDays: [{ date: '1999-09-21', label: 'Yom Kippur' }] },
      known,
    );
    return { known, settings, special: indexSpecialDays(known, specialDays) };
  };

  it('at consecutive as-of origins sharing validation origins, for auto and a model, bit for bit', () => {
    const memo = new ValidationMemo(full);
    for (const row of [150, 152, 153]) {
      const { known, settings, special } = asOf(row);
      const end = known.dayNumbers.length;
      for (const method of ['auto', 'robust-profile'] as const) {
        const remembered = forecastDays(known, end, special, { ...settings, method }, 7, memo);
        expect(remembered).toEqual(forecastDays(known, end, special, { ...settings, method }, 7));
      }
      memo.endOrigin();
    }
  });

  it('gives a table that differs from the reference before the origin its own forecasts', () => {
    const memo = new ValidationMemo(full);
    const { known, settings, special } = asOf(150);
    const end = known.dayNumbers.length;
    const settingsOf = { ...settings, method: 'robust-profile' as const };
    const before = forecastDays(known, end, special, settingsOf, 7, memo);
    // the same days, calls 10 % higher from row 120 on
    const changed = {
      ...known,
      values: known.values.map((v, c) => (c >= 120 * known.slotsPerDay ? v * 1.1 : v)),
    };
    const after = forecastDays(changed, end, special, settingsOf, 7, memo);
    expect(after).toEqual(forecastDays(changed, end, special, settingsOf, 7));
    expect(after.dayEffect).not.toEqual(before.dayEffect);
  });
});
