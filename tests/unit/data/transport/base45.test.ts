import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Base45Error, decodeBase45, encodeBase45 } from '@/data/transport/base45'

const utf8 = new TextEncoder()
const text = new TextDecoder()

/** RFC 9285, sections 4.3 and 4.4. */
const VECTORS: readonly (readonly [string, string])[] = [
  ['AB', 'BB8'],
  ['Hello!!', '%69 VD92EX0'],
  ['base-45', 'UJCLQE7W581'],
  ['ietf!', 'QED8WEX0'],
  ['', ''],
]

describe('Base45 (RFC 9285)', () => {
  it.each(VECTORS)('encodes %j as %j and back', (plain, encoded) => {
    expect(encodeBase45(utf8.encode(plain))).toBe(encoded)
    expect(text.decode(decodeBase45(encoded))).toBe(plain)
  })

  it('encodes the extremes of a group', () => {
    expect(encodeBase45(Uint8Array.of(0xff, 0xff))).toBe('FGW')
    expect(encodeBase45(Uint8Array.of(0, 0))).toBe('000')
    expect(encodeBase45(Uint8Array.of(0xff))).toBe('U5')
  })

  it('round-trips any bytes, only in the alphanumeric alphabet', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const encoded = encodeBase45(bytes)
        expect(encoded).toMatch(/^[0-9A-Z $%*+\-./:]*$/)
        expect(encoded.length).toBe(Math.floor(bytes.length / 2) * 3 + (bytes.length % 2) * 2)
        expect(decodeBase45(encoded)).toEqual(bytes)
      }),
    )
  })

  it.each([
    ['GGW', 'invalid-value'],
    ['GGWBB8', 'invalid-value'],
    ['V5', 'invalid-value'],
    ['BB8B', 'invalid-length'],
    ['A', 'invalid-length'],
    ['bb8', 'invalid-character'],
    ['BB\u00e6', 'invalid-character'],
    ['BB8\n', 'invalid-length'],
    ['BB8,B', 'invalid-character'],
  ])('refuses %j with a typed error (%s)', (encoded, code) => {
    let caught: unknown
    try {
      decodeBase45(encoded)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(Base45Error)
    expect((caught as Base45Error).code).toBe(code)
  })
})
