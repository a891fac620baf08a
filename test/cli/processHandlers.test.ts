import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type HandledProcess, installProcessHandlers } from '../../src/cli/processHandlers.js';
import {
  removePendingTemporaries,
  trackTemporary,
  untrackTemporary,
  watchPendingTemporaries,
} from '../../src/io/temporaryFiles.js';
import { freshDir, removeFreshDirs } from '../io/tempDir.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
afterAll(removeFreshDirs);

/** Spawns `node --import tsx <script> <args>` from the repository root. */
function spawnTs(script: string, args: string[]) {
  return spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function ended(child: ReturnType<typeof spawnTs>): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((done) => child.on('close', (code) => done({ code, stderr })));
}

describe('the staffcast executable', () => {
  it('ends quietly with exit code 0 when its stdout is closed early (| head -1)', async () => {
    const child = spawnTs('src/cli/main.ts', [
      'erlang',
      '--calls',
      '100',
      '--interval',
      '30',
      '--aht',
      '180',
    ]);
    child.stdout?.destroy(); // the reader is gone before the first line is written
    const { code, stderr } = await ended(child);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('removes a pending temporary output and exits 143 on SIGTERM', async () => {
    const d = freshDir('signal');
    const child = spawnTs('test/cli/holdTemporary.ts', [join(d, 'out')]);
    const result = ended(child);
    const tmp = await new Promise<string>((ready) => {
      let out = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.endsWith('\n')) ready(out.trim());
      });
    });
    expect(existsSync(tmp)).toBe(true);
    child.kill('SIGTERM');
    const { code, stderr } = await result;
    expect(stderr).toBe('');
    expect(code).toBe(143);
    expect(readdirSync(d)).toEqual([]);
  });
});

describe('installProcessHandlers', () => {
  function standIn() {
    const listeners = new Map<string, Set<(error?: Error) => void>>();
    const add = (event: string, listener: (error?: Error) => void) => {
      listeners.set(event, (listeners.get(event) ?? new Set()).add(listener));
    };
    let stderr = '';
    const proc: HandledProcess = {
      stdout: { on: (event, listener) => add(`stdout:${event}`, listener as () => void) },
      stderr: { write: (s: string) => (stderr += s) },
      on: (event, listener) => add(event, listener),
      removeListener: (event, listener) => listeners.get(event)?.delete(listener),
      exit: (code: number): never => {
        throw Object.assign(new Error('exit'), { exitCode: code });
      },
    };
    installProcessHandlers(proc);
    const emit = (event: string, error?: Error) => {
      for (const listener of listeners.get(event) ?? []) listener(error);
    };
    const count = (event: string) => listeners.get(event)?.size ?? 0;
    return { emit, count, stderr: () => stderr };
  }
  afterEach(() => {
    removePendingTemporaries();
    watchPendingTemporaries(undefined);
  });

  it('reports another stdout error in one line and exits 1', () => {
    const { emit, stderr } = standIn();
    const error = Object.assign(new Error('write EIO'), { code: 'EIO' });
    expect(() => emit('stdout:error', error)).toThrow(expect.objectContaining({ exitCode: 1 }));
    expect(stderr()).toBe('staffcast: cannot write to stdout: write EIO\n');
  });

  it('handles SIGINT, SIGTERM and SIGHUP only while an output is pending, exiting 128 + the signal number', () => {
    const { emit, count } = standIn();
    expect(['SIGINT', 'SIGTERM', 'SIGHUP'].map(count)).toEqual([0, 0, 0]); // Node's default: end at once
    for (const [signal, code] of [
      ['SIGINT', 130],
      ['SIGTERM', 143],
      ['SIGHUP', 129],
    ] as const) {
      trackTemporary('/nonexistent/.out.staffcast-tmp-1-0');
      expect(count(signal)).toBe(1);
      expect(() => emit(signal)).toThrow(expect.objectContaining({ exitCode: code }));
      expect(count(signal)).toBe(0); // removed with the temporaries
    }
    trackTemporary('/nonexistent/.a.staffcast-tmp-1-0');
    untrackTemporary('/nonexistent/.a.staffcast-tmp-1-0');
    expect(['SIGINT', 'SIGTERM', 'SIGHUP'].map(count)).toEqual([0, 0, 0]);
  });
});
