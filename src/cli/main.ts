#!/usr/bin/env node
import { processContext } from './context.js';
import { installProcessHandlers } from './processHandlers.js';
import { runCli } from './program.js';

installProcessHandlers(process);
const code = await runCli(process.argv.slice(2), processContext());
process.exitCode = code;
