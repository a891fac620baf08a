import { Option } from 'commander';
import type { DateFormatOption } from '../io/dateOrder.js';

/**
 * The `--date-format <order>` option of the commands that read a history or per-call file
 * (forecast, backtest, aggregate): `auto` (default: ISO-8601, or a spreadsheet date whose order
 * a day above 12 settles), `iso`, `dmy` (`dd/mm/yyyy HH:MM`) or `mdy` (`mm/dd/yyyy HH:MM`). The
 * field separator (`,` `;` tab) and a decimal comma (with `;` or tab) need no flag: they are read
 * from the file.
 *
 * @example
 * import { Command } from 'commander';
 * const forecast = new Command('forecast').addOption(dateFormatOption());
 * forecast.parse(['--date-format', 'dmy'], { from: 'user' }).opts().dateFormat; // 'dmy'
 * // staffcast forecast export.csv --horizon 7 --date-format dmy
 */
export function dateFormatOption(): Option {
  return new Option(
    '--date-format <order>',
    'how dates are written: iso, dmy (dd/mm/yyyy HH:MM), mdy (mm/dd/yyyy HH:MM), or auto (detected when a day is above 12)',
  )
    .choices(['auto', 'iso', 'dmy', 'mdy'] satisfies DateFormatOption[])
    .default('auto');
}
