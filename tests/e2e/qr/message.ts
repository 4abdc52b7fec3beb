/**
 * The message the QR end-to-end test carries: 10 KB of seeded pseudo-random bytes, made the same
 * way in Node (to write the camera's video) and in the harness page (to show the animated code).
 */
export const MESSAGE_BYTES = 10_000

export function testMessage(seed = 0x7472696e): Uint8Array {
  let s = seed >>> 0
  return Uint8Array.from({ length: MESSAGE_BYTES }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s >>> 24
  })
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}
