// Child process of processHandlers.test.ts: installs the CLI's process handlers, creates and
// registers a temporary folder beside the path given, prints that folder's path, then waits.
import { mkdirSync } from 'node:fs';
import { installProcessHandlers } from '../../src/cli/processHandlers.js';
import { temporaryPath, trackTemporary } from '../../src/io/temporaryFiles.js';

installProcessHandlers(process);
const tmp = temporaryPath(process.argv[2] ?? 'out');
mkdirSync(tmp);
trackTemporary(tmp);
process.stdout.write(`${tmp}\n`);
setInterval(() => undefined, 60_000);
