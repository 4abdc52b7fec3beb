// Recursively sorts an object's keys in code-unit order (JavaScript's default sort): the order
// scripts/lib/locale-check.ts requires of every locale file. Shared by add-messages.mjs and
// sort-locales.mjs.
export function sortKeys(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys(value[key])]),
  )
}
