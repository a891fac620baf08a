import { InvalidArgumentError } from 'commander';
import { StaffcastError } from '../errors.js';
import {
  type AggregateRecordsOptions,
  aggregateRecords,
  type RecordCondition,
} from '../io/aggregateRecords.js';
import type { DateFormatOption } from '../io/dateOrder.js';
import { formatReadReport } from '../io/formatReadReport.js';
import { inputLabel } from '../io/readTextInput.js';
import { writeHistoryCsv } from '../io/writeHistoryCsv.js';
import { openInput } from './context.js';
import { dateFormatOption } from './dateFormatOption.js';
import { writeOutput } from './output.js';
import type { CommandRegistrar } from './program.js';
import { defaultTimeZone, parsePositiveInt, parseTimeZone } from './usage.js';

interface AggregateFlags {
  interval: number;
  tz: string;
  timeColumn: string;
  serviceColumn: string;
  outcomeColumn?: string;
  handled?: string;
  abandoned?: string;
  exclude?: string;
  other?: string;
  maxIntervals?: number;
  dateFormat: DateFormatOption;
  handledIf: RecordCondition[];
  abandonedIf: RecordCondition[];
  output?: string;
}

/** `column=value1|value2` -> a record condition (repeatable flag). */
function parseCondition(value: string, previous: RecordCondition[]): RecordCondition[] {
  const m = /^([^=]+)=(.+)$/.exec(value);
  if (m === null) throw new InvalidArgumentError(`'${value}' is not column=value[|value...].`);
  return [...previous, { column: m[1]!.trim(), values: m[2]!.split('|').map((v) => v.trim()) }];
}

function values(list: string | undefined, fallback: string): string[] {
  return (list ?? fallback).split(',').map((v) => v.trim());
}

/**
 * `staffcast aggregate <records.csv|-> --interval 30 [--tz Asia/Jerusalem] [--time-column arrival]
 * [--service-column service_seconds] [--outcome-column outcome] [--handled AGENT] [--abandoned HANG]
 * [--exclude PHANTOM] [--other TRANSFER] [--handled-if col=v] [--abandoned-if col=v]
 * [--max-intervals 1000000] [-o out.csv]`: per-contact records to an interval CSV (`interval_start`,
 * `calls`, `handled`, `abandoned`, `aht_seconds`) on stdout or `-o`; the reading report (with how
 * many records were handled, abandoned, neither or excluded) goes to stderr. Outcomes are matched
 * ignoring case; an outcome no flag names rejects the file. All counting is `aggregateRecords`.
 *
 * @example
 * // (not run: a shell command)
 * // staffcast aggregate anonymous_bank_feb1999_calls.csv --interval 30 --tz Asia/Jerusalem --handled-if served_by_agent=1
 * // interval_start,calls,handled,abandoned,aht_seconds
 * // 1999-02-01T00:00:00+02:00,2,0,0,
 */
export const registerAggregate: CommandRegistrar = (program, ctx) => {
  program
    .command('aggregate')
    .description(
      'aggregate per-contact records into an interval CSV (calls, handled, abandoned, aht_seconds)',
    )
    .argument('<records>', 'per-contact CSV (one row per call), or - for stdin')
    .requiredOption(
      '--interval <minutes>',
      'interval length in minutes, dividing 1440 (5, 6, 10, 15, 30, 60 ...)',
      parsePositiveInt,
    )
    .option(
      '--tz <zone>',
      'IANA zone of arrival times without offset, and of the output',
      parseTimeZone,
      defaultTimeZone(ctx.env),
    )
    .option('--time-column <name>', 'arrival time column', 'arrival')
    .option(
      '--service-column <name>',
      'service (talk) seconds column, averaged over handled calls',
      'service_seconds',
    )
    .option(
      '--outcome-column <name>',
      'outcome column; giving it or any value list below replaces the default rules ' +
        '(outcome AGENT = handled, HANG and queued=1 = abandoned, PHANTOM = excluded)',
    )
    .option('--handled <values>', 'comma-separated outcome values that mean handled (default AGENT)')
    .option('--abandoned <values>', 'comma-separated outcome values that mean abandoned (default HANG)')
    .option('--exclude <values>', 'comma-separated outcome values left out of every count (default PHANTOM)')
    .option(
      '--other <values>',
      'comma-separated outcome values counted as offered, neither handled nor abandoned ' +
        '(any outcome not named by a rule rejects the file)',
    )
    .option(
      '--max-intervals <n>',
      'most intervals from the first to the last record (default 1000000); guards against a stray date',
      parsePositiveInt,
    )
    .option(
      '--handled-if <column=value>',
      'extra condition for handled, e.g. served_by_agent=1 (repeatable)',
      parseCondition,
      [],
    )
    .option(
      '--abandoned-if <column=value>',
      'extra condition for abandoned, e.g. queued=1 (repeatable)',
      parseCondition,
      [],
    )
    .addOption(dateFormatOption())
    .option('-o, --output <file>', 'write the interval CSV to this file instead of stdout')
    .action(async (file: string, flags: AggregateFlags) => {
      if (1440 % flags.interval !== 0) {
        throw new StaffcastError('USAGE', `aggregate: --interval must divide 1440 (got ${flags.interval})`);
      }
      const options: AggregateRecordsOptions = {
        intervalMinutes: flags.interval,
        timeZone: flags.tz,
        columns: { arrival: flags.timeColumn },
        fileName: inputLabel(file),
        dateFormat: flags.dateFormat,
      };
      if (flags.outcomeColumn !== undefined) options.outcomeColumn = flags.outcomeColumn;
      if (flags.other !== undefined) options.otherOutcomes = values(flags.other, '');
      if (flags.maxIntervals !== undefined) options.maxIntervals = flags.maxIntervals;
      if (flags.serviceColumn !== 'service_seconds')
        options.columns = { ...options.columns, serviceSeconds: flags.serviceColumn };
      const explicit =
        flags.outcomeColumn !== undefined ||
        flags.handled !== undefined ||
        flags.abandoned !== undefined ||
        flags.exclude !== undefined;
      if (explicit) {
        const column = flags.outcomeColumn ?? 'outcome';
        options.handled = [{ column, values: values(flags.handled, 'AGENT') }, ...flags.handledIf];
        options.abandoned = [{ column, values: values(flags.abandoned, 'HANG') }, ...flags.abandonedIf];
        options.excluded = [{ column, values: values(flags.exclude, 'PHANTOM') }];
      } else {
        if (flags.handledIf.length > 0)
          options.handled = [{ column: 'outcome', values: ['AGENT'] }, ...flags.handledIf];
        if (flags.abandonedIf.length > 0)
          options.abandoned = [{ column: 'outcome', values: ['HANG'] }, ...flags.abandonedIf];
      }
      const { history, report } = await aggregateRecords(openInput(ctx, file), options);
      const csv = writeHistoryCsv(history);
      await writeOutput(ctx, flags.output, csv);
      ctx.stderr.write(formatReadReport(report));
    });
};
