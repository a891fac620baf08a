/**
 * A parsed config object with its absent optional keys removed: zod types them `T | undefined`,
 * the library's option types are exact-optional. Shallow: a new object with the same values, every
 * other value kept as it is (`Infinity`, `NaN`, typed arrays and nested objects untouched, unlike a
 * JSON round trip, which would turn `Infinity` into `null`). O(keys).
 *
 * @internal
 * @example
 * withoutUndefined({ serviceLevel: 0.8, thresholdSeconds: undefined, maxAsaSeconds: Infinity });
 * // { serviceLevel: 0.8, maxAsaSeconds: Infinity }
 */
export function withoutUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}
