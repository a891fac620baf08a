/**
 * Weekday keys, Monday first (index 0 = Monday): the names shift rules, opening hours, agents'
 * availability and roster rules use for local weekdays.
 *
 * @example
 * WEEKDAYS[0]; // 'mon'
 */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** A weekday key: `'mon'` ... `'sun'`. */
export type Weekday = (typeof WEEKDAYS)[number];
