/**
 * Vitest 5 prints test failures with Map.groupBy, which Node 20 lacks (it arrived in Node 21):
 * without this a failing test crashes the reporter instead of being reported. Loaded by both
 * Vitest configs, in the main process. Remove when the machines run Node ≥ 21.
 */
if (typeof (Map as { groupBy?: unknown }).groupBy !== 'function') {
  Object.defineProperty(Map, 'groupBy', {
    configurable: true,
    writable: true,
    value: function groupBy<K, V>(items: Iterable<V>, keyOf: (item: V, index: number) => K): Map<K, V[]> {
      const groups = new Map<K, V[]>()
      let index = 0
      for (const item of items) {
        const key = keyOf(item, index++)
        const group = groups.get(key)
        if (group) group.push(item)
        else groups.set(key, [item])
      }
      return groups
    },
  })
}
if (typeof (Object as { groupBy?: unknown }).groupBy !== 'function') {
  Object.defineProperty(Object, 'groupBy', {
    configurable: true,
    writable: true,
    value: function groupBy<V>(
      items: Iterable<V>,
      keyOf: (item: V, index: number) => PropertyKey,
    ): Partial<Record<PropertyKey, V[]>> {
      const groups: Partial<Record<PropertyKey, V[]>> = Object.create(null) as Partial<
        Record<PropertyKey, V[]>
      >
      let index = 0
      for (const item of items) {
        const key = keyOf(item, index++)
        ;(groups[key] ??= []).push(item)
      }
      return groups
    },
  })
}
export {}
