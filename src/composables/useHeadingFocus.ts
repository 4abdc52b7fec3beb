import { ref, watch, type Ref } from 'vue'

/**
 * Moves focus to the screen's main heading when it first appears, so a screen-reader or
 * keyboard user starts reading the new screen at its top rather than at the link they used.
 * Bind the returned ref to an `<h1 tabindex="-1">`; a heading that appears only once the plan
 * is loaded gets focus then.
 */
export function useHeadingFocus(): Ref<HTMLElement | null> {
  const heading = ref<HTMLElement | null>(null)
  let focused = false
  watch(
    heading,
    (element) => {
      if (element === null || focused) return
      focused = true
      element.focus()
    },
    { flush: 'post' },
  )
  return heading
}
