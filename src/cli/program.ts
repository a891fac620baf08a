import { Command, CommanderError } from 'commander';
import { StaffcastError } from '../errors.js';
import { VERSION } from '../version.js';
import { registerAggregate } from './aggregate.js';
import { registerBacktest } from './backtest.js';
import { registerCalibrate } from './calibrate.js';
import type { CliContext, CommandRegistrar } from './context.js';
import { registerErlang } from './erlang.js';
import { registerForecast } from './forecast.js';
import { registerIntraday } from './intraday.js';
import { registerOutbound } from './outbound.js';
import { registerPlan } from './plan.js';
import { registerReplay } from './replay.js';
import { registerRoster } from './roster.js';
import { registerScenario } from './scenario.js';
import { registerSchedule } from './schedule.js';
import { registerSchema } from './schema.js';
import { registerStaff } from './staff.js';
import { checkTimeZoneEnv } from './usage.js';

// One file per command; each registers itself here.
const registrars: CommandRegistrar[] = [
  registerAggregate,
  registerCalibrate,
  registerErlang,
  registerSchedule,
  registerSchema,
  registerStaff,
  registerOutbound,
  registerForecast,
  registerBacktest,
  registerPlan,
  registerScenario,
  registerIntraday,
  registerReplay,
  registerRoster,
];

/** Builds the commander program with every command, writing through `ctx`. */
export function buildProgram(ctx: CliContext): Command {
  const program = new Command();
  program
    .name('staffcast')
    .description('Contact-centre workforce management: forecast, staff (Erlang B/C/A) and schedule.')
    .version(VERSION)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.stdout.write(s),
      writeErr: (s) => ctx.stderr.write(s),
    });
  // STAFFCAST_TZ is every --tz flag's default: a bad value is a usage error before any command runs
  program.hook('preAction', () => checkTimeZoneEnv(ctx.env));
  for (const register of registrars) register(program, ctx);
  for (const cmd of program.commands) cmd.exitOverride();
  return program;
}

/**
 * Runs the CLI in-process and returns the exit code: 0 success, 1 data or runtime error,
 * 2 usage error. Nothing calls `process.exit`, so tests can run it directly.
 */
export async function runCli(argv: readonly string[], ctx: CliContext): Promise<number> {
  const program = buildProgram(ctx);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    return exitCodeFor(error, ctx);
  }
}

function exitCodeFor(error: unknown, ctx: CliContext): number {
  if (error instanceof CommanderError) {
    // help and version are "errors" to exitOverride but succeed
    if (
      error.code === 'commander.helpDisplayed' ||
      error.code === 'commander.version' ||
      error.code === 'commander.help'
    ) {
      return 0;
    }
    // commander already wrote its one-line message to stderr
    return 2;
  }
  if (error instanceof StaffcastError) {
    ctx.stderr.write(`staffcast: ${error.message}\n`);
    return error.code === 'USAGE' ? 2 : 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  ctx.stderr.write(`staffcast: ${message}\n`);
  return 1;
}
