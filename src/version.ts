/**
 * The package version, shown by `staffcast --version` and written into reports (`generator`).
 * Kept in its own module so any command can name it without loading the whole CLI program.
 * A test checks it equals `package.json`'s `version`.
 *
 * @example
 * VERSION; // '0.1.0'
 */
export const VERSION = '0.1.0';
