import { describe, expect, it } from 'vitest';
import { buildDayTable } from '../../src/forecast/dayTable.js';
import { indexSpecialDays, validate } from '../../src/forecast/engine.js';
import { forecast } from '../../src/forecast/forecast.js';
import { resolveForecastOptions } from '../../src/forecast/options.js';
import { makeHistory, officeHours } from './helpers.js';

describe('validation counts leads in open days', () => {
  it('scores the Monday after a Friday validation origin at horizon 1', () => {
    // 8 weeks of Mon-Fri 09:00-12:00; validation origins are every third row back from the end
    const history = makeHistory(54, 60, (_d, w, slot) => (officeHours(w, slot) ? 10 + w : undefined));
    const table = buildDayTable(history);
    const { settings } = resolveForecastOptions('test', { horizonDays: 1, validationOrigins: 8 }, table);
    const end = table.dayNumbers.length;
    const pairs = validate(table, end, indexSpecialDays(table, []), settings, ['historical-average']);
    // 7 validation origins fall in the last horizon + 28 days, one of them a Friday: each scores its
    // next open day (3 slots); counting calendar days, the Friday would score nothing (18)
    expect(pairs.get('historical-average')!.mu.length).toBe(7 * 3);
  });
});

describe('robust-profile follows a drifting intraday shape', () => {
  it('takes the recent 4-week shape when it fits the last days clearly better', () => {
    // 20 weeks of Saturdays 00:00-24:00 hourly, a bell of calls whose centre moves 0.75 h later each
    // week (like calls after the Sabbath ends as the season turns): centre 4 + 0.75 x week
    const centre = (week: number) => 4 + 0.75 * week;
    const history = makeHistory(140, 60, (day, w, slot) =>
      w === 6 ? Math.round(2 + 40 * Math.exp(-((slot - centre(Math.floor(day / 7))) ** 2) / 8)) : undefined,
    );
    // the next Saturday is in week 20 (centre 19); the 16-week profile is centred near 13.4
    const f = forecast(history, { horizonDays: 7, method: 'robust-profile' });
    let sum = 0;
    let moment = 0;
    f.calls.forEach((v, hour) => {
      sum += v;
      moment += v * hour;
    });
    expect(Math.abs(moment / sum - centre(20))).toBeLessThan(3);
  });
});
