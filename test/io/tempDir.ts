import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

/** A fresh empty folder under the system temporary folder (removed by `removeFreshDirs`). */
export function freshDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `staffcast-${prefix}-`));
  made.push(dir);
  return dir;
}

/** Removes every folder `freshDir` made (call in `afterAll`). */
export function removeFreshDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** The id of a process that has ended (a child run to completion), for stale-temporary tests. */
export function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  if (child.pid === undefined) throw new Error('could not start a child process');
  return child.pid;
}
