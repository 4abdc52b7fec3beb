/** JSON values, checked without unbounded recursion (for untrusted imports). */

/** Any JSON value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }

/** Deepest nesting accepted; record fields nest three levels at most (plan → pauses → pause). */
export const MAX_JSON_DEPTH = 8

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/**
 * Whether `value` is a JSON value nested at most `maxDepth` levels. Stops at the limit, so a
 * crafted, deeply nested package cannot exhaust the stack; rejects NaN and Infinity (which
 * JSON cannot carry), class instances and `__proto__` keys.
 */
export function isBoundedJson(value: unknown, maxDepth: number = MAX_JSON_DEPTH): value is JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true
  if (typeof value === 'number') return Number.isFinite(value)
  if (typeof value !== 'object' || maxDepth <= 0) return false
  if (Array.isArray(value)) return value.every((item) => isBoundedJson(item, maxDepth - 1))
  if (!isPlainObject(value)) return false
  return Object.entries(value).every(
    ([key, item]) => key !== '__proto__' && isBoundedJson(item, maxDepth - 1),
  )
}
