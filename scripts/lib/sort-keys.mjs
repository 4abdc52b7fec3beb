// Recursively sorts an object's keys in code-unit order (JavaScript's default sort); the object
// built from them lists index-like keys ("2", "10") first in numeric order whatever we do, which
// is why scripts/lib/locale-check.ts (`compareKeys`) requires exactly that order. Shared by
// add-messages.mjs and sort-locales.mjs.
export function sortKeys(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys(value[key])]),
  )
}
