/**
 * Keeps quick exit in view at every scroll position (issue #10, item 1). The header is sticky;
 * when it has to wrap onto two rows (a narrow screen, 200 % zoom, a long language), only the row
 * that holds quick exit stays: the header sticks with a negative offset equal to what lies above
 * that row, so the language row scrolls away and the content keeps the rest of the screen.
 *
 * The part of the header that stays is published as `--app-sticky-top` on <html>, which the
 * global styles use as `scroll-padding-block-start`: a field that receives focus is scrolled
 * clear of the header, never under it (WCAG 2.2, 2.4.11 Focus Not Obscured).
 */
import { onMounted, onScopeDispose, type Ref } from 'vue'

export const STICKY_TOP_PROPERTY = '--app-sticky-top'

export function useStickyHeader(header: Ref<HTMLElement | null>, keep: Ref<HTMLElement | null>): void {
  let observer: ResizeObserver | null = null

  function measure(): void {
    const box = header.value
    const row = keep.value
    if (box === null || row === null) return
    const above = Math.max(0, row.getBoundingClientRect().top - box.getBoundingClientRect().top)
    const padding = Number.parseFloat(getComputedStyle(box).paddingBlockStart) || 0
    const hidden = Math.max(0, Math.round(above - padding))
    box.style.setProperty('inset-block-start', `${-hidden}px`)
    document.documentElement.style.setProperty(
      STICKY_TOP_PROPERTY,
      `${Math.ceil(box.offsetHeight - hidden)}px`,
    )
  }

  // No measuring here: reading a box in the mount's task forces a layout of a page still being
  // built (over 100 ms at ×4 on the first screen, issue #11). A ResizeObserver reports every
  // element it starts to observe once, after the next layout and before that frame paints.
  onMounted(() => {
    observer = new ResizeObserver(measure)
    if (header.value !== null) observer.observe(header.value)
    // The quick-exit row may move without the header changing size (a language switch).
    if (keep.value !== null) observer.observe(keep.value)
  })
  onScopeDispose(() => {
    observer?.disconnect()
  })
}

export const STICKY_BOTTOM_PROPERTY = '--app-sticky-bottom'

/**
 * Publishes the bottom navigation's height as `--app-sticky-bottom` (the global
 * `scroll-padding-block-end`): at 200 % zoom or in a long language its labels take two lines, and
 * a fixed guess would let a focused field sit under it. On a short screen the navigation does not
 * stick (AppNav.vue), and from 64rem it is a side column: then nothing sticks at the bottom.
 */
export function useStickyFooter(nav: Ref<HTMLElement | null>): void {
  let observer: ResizeObserver | null = null
  const root = document.documentElement
  function measure(): void {
    const box = nav.value
    if (box === null) return
    const style = getComputedStyle(box)
    const atBottom = style.position === 'sticky' && style.insetBlockStart === 'auto'
    root.style.setProperty(STICKY_BOTTOM_PROPERTY, `${atBottom ? Math.ceil(box.offsetHeight) : 0}px`)
  }
  // Measured by the observer's first report, after layout (see useStickyHeader).
  onMounted(() => {
    observer = new ResizeObserver(measure)
    if (nav.value !== null) observer.observe(nav.value)
    // A short screen (200 % zoom, a phone on its side) un-sticks it without changing its size.
    window.addEventListener('resize', measure)
  })
  onScopeDispose(() => {
    observer?.disconnect()
    window.removeEventListener('resize', measure)
    root.style.setProperty(STICKY_BOTTOM_PROPERTY, '0px')
  })
}
