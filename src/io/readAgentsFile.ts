import type { Agent } from '../rostering/types.js';
import { type AgentsReadOptions, parseAgentsCsv } from './agentsCsv.js';
import { parseAgentsJson } from './agentsJson.js';
import { readTextInput } from './readTextInput.js';

/** Options of `readAgentsFile`. */
export interface ReadAgentsFileOptions extends Omit<AgentsReadOptions, 'timeOff'> {
  /** A time-off CSV (`TIME_OFF_CSV_COLUMNS`) whose requests are added to the agents'. */
  timeOffFile?: string;
  /** Folder relative paths are resolved against. Default the working directory. */
  baseDir?: string;
}

/**
 * Reads an agents file: JSON (`parseAgentsJson`) when its name ends in `.json`, else CSV
 * (`parseAgentsCsv`), with an optional time-off CSV whose requests are added to the agents' (both
 * formats). Files are named in messages as given.
 *
 * @throws StaffcastError `FILE_READ` when a file cannot be read or is binary; `CSV_ROW` / `CONFIG`
 * from the readers, naming file, line (or JSON path) and field.
 * @example
 * (await readAgentsFile('il-bank-agents.csv', { baseDir: 'examples', queues: ['regular', 'prospects', 'stocks'],
 *   timeOffFile: 'il-bank-time-off.csv' })).length; // 25
 */
export async function readAgentsFile(file: string, options: ReadAgentsFileOptions): Promise<Agent[]> {
  const baseDir = options.baseDir ?? process.cwd();
  const text = await readTextInput(file, { baseDir });
  const { timeOffFile, baseDir: _base, ...rest } = options;
  const timeOff =
    timeOffFile === undefined
      ? undefined
      : { text: await readTextInput(timeOffFile, { baseDir, kind: 'CSV' }), file: timeOffFile };
  const read = { ...rest, ...(timeOff === undefined ? {} : { timeOff }) };
  return /\.json$/i.test(file) ? parseAgentsJson(text, file, read) : parseAgentsCsv(text, file, read);
}
