import { describe, expect, it } from 'vitest'
import { MAX_JSON_DEPTH, isBoundedJson, parseRecord, safeParseRecord } from '@/schemas'
import { recordFactories } from '../../factories/records'

function nested(depth: number): unknown {
  let value: unknown = 1
  for (let level = 0; level < depth; level += 1) value = [value]
  return value
}

describe('isBoundedJson', () => {
  it.each([
    ['null', null, true],
    ['a string', 'a', true],
    ['a number', -1.5, true],
    ['a boolean', false, true],
    ['an object of arrays', { a: [1, 'b', null, { c: true }] }, true],
    ['an object without prototype', Object.assign(Object.create(null) as object, { a: 1 }), true],
    ['undefined', undefined, false],
    ['NaN', Number.NaN, false],
    ['Infinity', Number.POSITIVE_INFINITY, false],
    ['a function', () => 1, false],
    ['a date', new Date(0), false],
    ['a map', new Map(), false],
    ['an own __proto__ key', JSON.parse('{"__proto__": {"x": 1}}') as unknown, false],
    ['nesting at the limit', nested(MAX_JSON_DEPTH), true],
    ['nesting past the limit', nested(MAX_JSON_DEPTH + 1), false],
  ])('%s → %s', (_name, value, ok) => {
    expect(isBoundedJson(value)).toBe(ok)
  })

  it('refuses very deep nesting without exhausting the stack', () => {
    expect(isBoundedJson(nested(200_000))).toBe(false)
  })
})

describe('proposal changes from an untrusted package', () => {
  it('a deeply nested change is refused with a parse error, not a crash', () => {
    const proposal = { ...recordFactories.proposal(), changes: { title: nested(200_000) } }
    expect(safeParseRecord(proposal).success).toBe(false)
  })

  it('survives a JSON round trip', () => {
    const proposal = recordFactories.proposal({
      changes: { why: null, order: 3 },
      base: { why: 'To feel safe', order: 1 },
    })
    expect(parseRecord(JSON.parse(JSON.stringify(proposal)))).toEqual(proposal)
  })
})
