/**
 * Receiving a package's bytes from a file or by scanning an animated QR code (issues #14 and
 * #15): her proposals from the worker, the worker's packages from her. One place for what both
 * receive screens do around opening the bytes: busy while it runs, the outcome to say in words,
 * a file that could not be read, the same file choosable again, a fresh scanner after each
 * package. What the bytes mean and what is said is the caller's (`open`).
 */
import { ref, useTemplateRef } from 'vue'
import type { MessageKey } from '@/app/i18n/keys'

/** A file field that can be emptied (BaseFileField's `clear`). */
interface ClearableField {
  clear(): void
}

export function usePackageReceiver<Outcome>(options: {
  /** Opens and applies the bytes; what to say. */
  open: (bytes: Uint8Array) => Promise<Outcome>
  /** What to say when `open` throws (saving failed). */
  failed: Outcome
  /** What to say beside the file field when the file cannot be read. */
  readFailed: MessageKey
  /** The template ref name of the file field. */
  fileField: string
}) {
  const outcome = ref<Outcome | null>(null)
  const fileProblem = ref<MessageKey | null>(null)
  const busy = ref(false)
  const scanKey = ref(0)
  const field = useTemplateRef<ClearableField>(options.fileField)

  async function receive(bytes: Uint8Array): Promise<void> {
    busy.value = true
    outcome.value = null
    try {
      outcome.value = await options.open(bytes)
    } catch {
      outcome.value = options.failed
    } finally {
      busy.value = false
    }
  }

  async function onPick(file: File | null): Promise<void> {
    fileProblem.value = null
    if (file === null) return
    let bytes: Uint8Array
    try {
      bytes = new Uint8Array(await file.arrayBuffer())
    } catch {
      fileProblem.value = options.readFailed
      return
    }
    await receive(bytes)
    // The same file may be chosen again (after it was sent anew, say).
    field.value?.clear()
  }

  async function onScanned(bytes: Uint8Array): Promise<void> {
    await receive(bytes)
    // A fresh scanner for the next package.
    scanKey.value += 1
  }

  return { outcome, fileProblem, busy, scanKey, onPick, onScanned }
}
