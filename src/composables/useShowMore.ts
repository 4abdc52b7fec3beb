import { computed, nextTick, ref, type ComputedRef, type Ref } from 'vue'

/**
 * A long list shown a page at a time (issue #11: no task over 200 ms on a cheap phone, whatever
 * the size of the plan): the first `pageSize` items, and each "show more" adds a page. Bind `list`
 * to the element whose children are the items (a `<ul>`): after "show more", focus moves to the
 * first item that was not shown before (its first link or button), so a keyboard or
 * screen-reader user goes on reading where the list went on rather than starting over.
 */
export function useShowMore<T>(
  items: () => readonly T[],
  pageSize: number,
): {
  shown: ComputedRef<readonly T[]>
  /** How many items are not shown yet. */
  rest: ComputedRef<number>
  list: Ref<HTMLElement | null>
  showMore: () => Promise<void>
} {
  const pages = ref(1)
  const list = ref<HTMLElement | null>(null)
  const shown = computed(() => {
    const all = items()
    const count = pages.value * pageSize
    return all.length <= count ? all : all.slice(0, count)
  })
  const rest = computed(() => items().length - shown.value.length)
  async function showMore(): Promise<void> {
    const before = shown.value.length
    pages.value += 1
    await nextTick()
    const first = list.value?.children[before]
    if (!(first instanceof HTMLElement)) return
    const target = first.querySelector<HTMLElement>('a[href], button, input, select, textarea') ?? first
    target.focus()
  }
  return { shown, rest, list, showMore }
}
