/**
 * Hands a package's bytes on as a file: the phone's share sheet where it can share files, else a
 * download. Used by her send card and ending package and by the worker's proposal package
 * (issue #14 items 3–4, #15 items 3 and 6).
 */
import { downloadFile } from '@/composables/downloadFile'

/** What became of the file: shared, downloaded, or she closed the share sheet (nothing went). */
export type Delivered = 'shared' | 'downloaded' | 'aborted'

function canShareFile(file: File): boolean {
  return typeof navigator.canShare === 'function' && navigator.canShare({ files: [file] })
}

/** Shares or downloads `bytes` as the file `name` (`title`: the share sheet's title). */
export async function deliverFile(bytes: Uint8Array, name: string, title: string): Promise<Delivered> {
  const file = new File([new Uint8Array(bytes)], name, { type: 'application/octet-stream' })
  if (canShareFile(file)) {
    try {
      await navigator.share({ files: [file], title })
      return 'shared'
    } catch (caught) {
      // She closed the share sheet: nothing went anywhere, and she can press again.
      if (caught instanceof DOMException && caught.name === 'AbortError') return 'aborted'
      // The gesture expired while the package was made: fall back to the download.
    }
  }
  downloadFile(file, name)
  return 'downloaded'
}

/**
 * Brings a code just shown into view and moves focus to it: it is what the person must hold up
 * now (the animated QR code of a package).
 */
export function focusInView(element: HTMLElement | null): void {
  element?.scrollIntoView({ block: 'start' })
  element?.focus({ preventScroll: true })
}
