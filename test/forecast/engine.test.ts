import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDayTable, type DayTable } from '../../src/forecast/dayTable.js';
import { chooseModel, forecastDays, indexSpecialDays } from '../../src/forecast/engine.js';
import { resolveForecastOptions } from '../../src/forecast/options.js';
import { readHistoryCsv } from '../../src/io/readHistoryCsv.js';

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
