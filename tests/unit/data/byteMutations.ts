/**
 * The byte mutations the package fuzz tests apply to a valid package: one byte flipped, the
 * bytes cut short, a few bytes inserted, or random bytes in its place.
 */
import fc from 'fast-check'

export const byteMutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
  }),
  fc.record({ kind: fc.constant('random' as const), bytes: fc.uint8Array({ maxLength: 2048 }) }),
)

export type ByteMutation = typeof byteMutation extends fc.Arbitrary<infer T> ? T : never

/** `bytes` changed by `change` (a copy; `bytes` stays as it was). */
export function mutate(bytes: Uint8Array, change: ByteMutation): Uint8Array {
  switch (change.kind) {
    case 'flip': {
      const out = bytes.slice()
      const at = change.at % out.byteLength
      out[at] = (out[at] ?? 0) ^ change.xor
      return out
    }
    case 'cut':
      return bytes.slice(0, change.at % bytes.byteLength)
    case 'insert': {
      const at = change.at % (bytes.byteLength + 1)
      return Uint8Array.from([...bytes.subarray(0, at), ...change.bytes, ...bytes.subarray(at)])
    }
    case 'random':
      return change.bytes
  }
}
