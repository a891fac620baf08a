import { resolve } from 'node:path';
import { Option } from 'commander';
import { runRoster } from '../app/roster.js';
import { writeFilesAtomically } from '../io/writeFilesAtomically.js';
import type { CommandRegistrar } from './context.js';
import { progressPrinter } from './progress.js';
import { defaultTimeZone, parsePositive, parsePositiveInt, parseTimeZone } from './usage.js';

interface RosterFlags {
  agents: string;
  timeOff?: string;
  rules: string;
  requirement: string;
  schedule?: string;
  queue?: string;
  output: string;
  json?: boolean;
  tz: string;
  timeLimit: number;
  workLimit?: number;
  quiet?: boolean;
  method: 'build' | 'assign';
}

/**
 * `staffcast roster --agents agents.csv --rules rules.json --requirement requirements.csv -o folder
 * [--schedule schedule.csv] [--time-off time-off.csv] [--queue name] [--method assign|build] [--json] [--tz UTC] [--work-limit n]
 * [--time-limit 60] [-q]`: runs `runRoster` (schedules each queue of the requirement with the shift
 * rules, or takes the shifts of `--schedule`, then assigns them to the named agents keeping their
 * skills, every hard rule of their contracts and the `roster` rules; with `--method build`, rosters
 * the agents directly against the requirement of every queue) and writes
 * `roster.csv`, `agents.csv` (the per-agent view), `roster.html` (the roster page), `team.ics` and one `<agent id>.ics` per agent
 * into the folder, all or nothing; with `--json` the roster also goes to stdout as one JSON
 * document. How the roster was found, the figures and every unfilled shift with its reasons go to
 * stderr, with the steps' progress on a terminal (not with --quiet). Skills are checked against
 * every known queue (the requirement's and the rules' `roster.queues`): a skill that is none of
 * them is a data error naming file, line and column; with `--queue` the skills for the other
 * queues are not used (agents left with no rostered skill get no shift, said on stderr).
 *
 * @example
 * // (not run: a shell command)
 * // staffcast roster --agents agents.csv --time-off leave.csv --rules rules.json --requirement req.csv -o roster
 * // staffcast roster --agents agents.csv --rules rules.json --requirement req.csv --schedule out/schedule.csv -o roster
 */
export const registerRoster: CommandRegistrar = (program, ctx) => {
  program
    .command('roster')
    .description('assign the shifts of a schedule to named agents (contracts, availability, leave, fairness)')
    .requiredOption('--agents <file>', 'agents file, CSV or .json (`staffcast schema agents`)')
    .option('--time-off <file>', 'time-off CSV (agent_id, start, end, kind, weight, note)')
    .requiredOption(
      '--rules <file>',
      "shift rules JSON with the roster rules under `roster` (`staffcast schema rules`); `roster.queues` lists every queue the agents' skills may name besides the requirement's",
    )
    .requiredOption(
      '--requirement <file>',
      'requirement CSV (interval_start, agents, scheduled_agents, queue ...): every queue in it is rostered; with --schedule it gives the horizon and the coverage evaluated',
    )
    .option(
      '--schedule <file>',
      'assign the shifts of this schedule.csv (of plan or schedule) instead of scheduling the requirement; one queue (give --queue when the requirement has several)',
    )
    .option(
      '--queue <name>',
      "roster only this queue of the requirement (without a queue column: the skill its shifts need); the agents' skills for other queues are not used",
    )
    .addOption(
      new Option(
        '--method <method>',
        'assign: schedule each queue (or take --schedule), then assign the shifts to the agents; build: roster the agents directly against the requirement of every queue',
      )
        .choices(['assign', 'build'])
        .default('assign'),
    )
    .requiredOption('-o, --output <dir>', 'output folder (roster.csv, agents.csv, roster.html, *.ics)')
    .option('--json', 'also write the roster as one JSON document to stdout')
    .option(
      '--tz <zone>',
      "IANA zone of the rules, the requirement's rows, the roster's days and agents without a zone",
      parseTimeZone,
      defaultTimeZone(ctx.env),
    )
    .option(
      '--work-limit <iterations>',
      'deterministic work budget of each MIP in simplex iterations (default: scaled to the model)',
      parsePositiveInt,
    )
    .option(
      '--time-limit <seconds>',
      'wall-clock safety net of each MIP (a result stopped by it depends on machine load)',
      parsePositive,
      60,
    )
    .option('-q, --quiet', 'no progress')
    .action(async (flags: RosterFlags) => {
      const printer = progressPrinter(ctx, { command: 'roster', quiet: flags.quiet === true });
      let run: Awaited<ReturnType<typeof runRoster>>;
      try {
        run = await runRoster({
          agentsFile: flags.agents,
          timeOffFile: flags.timeOff,
          rulesFile: flags.rules,
          requirementFile: flags.requirement,
          scheduleFile: flags.schedule,
          cwd: ctx.cwd,
          timeZone: flags.tz,
          queue: flags.queue,
          method: flags.method,
          timeLimitSeconds: flags.timeLimit,
          timeLimitName: '--time-limit',
          workLimit: flags.workLimit,
          onProgress: printer.onProgress,
        });
        await writeFilesAtomically(resolve(ctx.cwd, flags.output), run.files);
      } catch (error) {
        printer.close();
        throw error;
      }
      if (flags.json === true) ctx.stdout.write(run.json);
      for (const line of run.messages) ctx.stderr.write(line);
    });
};
