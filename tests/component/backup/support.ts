import type { VueWrapper } from '@vue/test-utils'

/** Hands `bytes` to the file input as if the citizen chose a file, and fires `change`. */
export async function chooseFile(
  wrapper: VueWrapper,
  bytes: Uint8Array,
  name = 'backup-2026-11-23.trin',
): Promise<void> {
  const input = wrapper.get<HTMLInputElement>('#backup-file')
  const file = new File([new Uint8Array(bytes)], name, { type: 'application/octet-stream' })
  Object.defineProperty(input.element, 'files', { configurable: true, value: [file] })
  await input.trigger('change')
}
