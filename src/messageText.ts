// Input values as error messages quote them: one line, no control bytes, bounded length.

/**
 * Escapes control characters (C0, DEL, C1) of a message as `\xNN`, so a parser message quoting
 * the input cannot write raw bytes or terminal escape sequences. Tabs and line breaks are escaped
 * too (a message is one line). O(length).
 *
 * @internal
 * @example
 * escapeControl('bad "\u0007x"'); // 'bad "\\x07x"'
 */
export function escapeControl(message: string): string {
  return message.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
    /[\u0000-\u001f\u007f-\u009f]/g,
    (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

/**
 * How many characters of an input value a message echoes before cutting it (`…` marks the cut).
 *
 * @internal
 */
export const MAX_ECHO_CHARS = 80;

/**
 * An input value as messages echo it: control characters escaped (`escapeControl`) and cut after
 * `MAX_ECHO_CHARS` characters of the input with `…`, so one bad cell of 200 KB or a terminal
 * escape sequence never floods or drives the terminal. Every reader quotes values through this.
 * O(min(length, MAX_ECHO_CHARS)).
 *
 * @internal
 * @example
 * echoValue('1\u001b[31m2'); // '1\\x1b[31m2'
 * echoValue('x'.repeat(100)); // 'x'.repeat(80) + '…'
 */
export function echoValue(value: string): string {
  const cut = value.length > MAX_ECHO_CHARS;
  return escapeControl(cut ? value.slice(0, MAX_ECHO_CHARS) : value) + (cut ? '…' : '');
}
