import { InvalidArgumentError } from 'commander';
import { aggregateFromFile } from '../app/aggregate.js';
import { StaffcastError } from '../errors.js';
import type { RecordCondition } from '../io/aggregateRecords.js';
import type { DateFormatOption } from '../io/dateOrder.js';
import type { CommandRegistrar } from './context.js';
import { dateFormatOption } from './dateFormatOption.js';
import { writeOutput } from './output.js';
import { progressPrinter } from './progress.js';
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
  quiet?: boolean;
}

/** `column=value1|value2` -> a record condition (repeatable flag). */
function parseCondition(value: string, previous: RecordCondition[]): RecordCondition[] {
  const m = /^([^=]+)=(.+)$/.exec(value);
  if (m === null) throw new InvalidArgumentError(`'${value}' is not column=value[|value...].`);
  return [...previous, { column: m[1]!.trim(), values: m[2]!.split('|').map((v) => v.trim()) }];
}

/** A comma-separated list of values, trimmed. */
function values(list: string): string[] {
  return list.split(',').map((v) => v.trim());
}

/**
 * `staffcast aggregate <records.csv|-> --interval 30 [--tz Asia/Jerusalem] [--time-column arrival]
 * [--service-column service_seconds] [--outcome-column outcome] [--handled AGENT] [--abandoned HANG]
 * [--exclude PHANTOM] [--other TRANSFER] [--handled-if col=v] [--abandoned-if col=v]
 * [--max-intervals 1000000] [--date-format auto] [-o out.csv] [-q]`: runs `aggregateFromFile`
 * (per-contact records to an interval CSV: `interval_start`, `calls`, `handled`, `abandoned`,
 * `aht_seconds`) and writes the CSV to stdout or `-o`; the reading report (with how many records
 * were handled, abandoned, neither or excluded) goes to stderr, progress (the streaming read) too
 * on a terminal unless `-q`. Outcomes are matched ignoring case; an outcome no flag names rejects
 * the file. The outcome rules and all counting are in `aggregateFromFile`.
 *
 * @example
 * // (not run: a command line)
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
    .option('-q, --quiet', 'no progress on stderr')
    .action(async (file: string, flags: AggregateFlags) => {
      if (1440 % flags.interval !== 0) {
        throw new StaffcastError('USAGE', `aggregate: --interval must divide 1440 (got ${flags.interval})`);
      }
      const progress = progressPrinter(ctx, { command: 'aggregate', quiet: flags.quiet === true });
      const run = await aggregateFromFile(file, {
        baseDir: ctx.cwd,
        stdin: ctx.stdin,
        intervalMinutes: flags.interval,
        timeZone: flags.tz,
        timeColumn: flags.timeColumn,
        serviceColumn: flags.serviceColumn,
        ...(flags.outcomeColumn === undefined ? {} : { outcomeColumn: flags.outcomeColumn }),
        ...(flags.handled === undefined ? {} : { handled: values(flags.handled) }),
        ...(flags.abandoned === undefined ? {} : { abandoned: values(flags.abandoned) }),
        ...(flags.exclude === undefined ? {} : { excluded: values(flags.exclude) }),
        ...(flags.other === undefined ? {} : { otherOutcomes: values(flags.other) }),
        handledIf: flags.handledIf,
        abandonedIf: flags.abandonedIf,
        ...(flags.maxIntervals === undefined ? {} : { maxIntervals: flags.maxIntervals }),
        dateFormat: flags.dateFormat,
        onProgress: progress.onProgress,
      }).finally(() => progress.close());
      await writeOutput(ctx, flags.output, run.csv);
      ctx.stderr.write(run.message);
    });
};
