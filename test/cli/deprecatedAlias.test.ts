import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { deprecatedOption, warnDeprecated } from '../../src/cli/deprecatedAlias.js';

describe('deprecatedOption and warnDeprecated', () => {
  it('accept the old flag, hide it from the help and warn once on stderr only when it was given', () => {
    const program = new Command()
      .exitOverride()
      .option('-o, --output <dir>')
      .addOption(deprecatedOption('--out <dir>'));
    program.parse(['--out', 'x'], { from: 'user' });
    expect(program.opts()).toEqual({ out: 'x' });
    expect(program.helpInformation()).toContain('--output <dir>');
    expect(program.helpInformation()).not.toContain('--out <dir>');
    const err: string[] = [];
    const ctx = { stderr: { write: (s: string) => err.push(s) } };
    expect(warnDeprecated(ctx, true, '--out', '-o/--output')).toBe(true);
    expect(warnDeprecated(ctx, false, '--format', '--json')).toBe(false);
    expect(err).toEqual(['staffcast: --out is deprecated, use -o/--output\n']);
  });
});
