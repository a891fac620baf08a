/**
 * Doc examples that do not run yet (prose, or names defined outside the example): each is expected to
 * FAIL in examples.test.ts, so one that starts to pass must leave this list. Shrink it; never grow it.
 * Ids are `file basename:symbol` (see exampleId).
 */
export const PENDING: readonly string[] = [];
