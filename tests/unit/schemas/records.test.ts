import { describe, expect, expectTypeOf, it } from 'vitest'
import { z } from '@/schemas/zod'
import {
  SCHEMA_VERSION,
  isRecordKind,
  parseRecord,
  recordKinds,
  recordSchemas,
  safeParseRecord,
  trinRecordSchema,
  type Goal,
  type RecordKind,
  type RecordOf,
  type TrinRecord,
} from '@/schemas'
import { recordFactories, withoutField } from '../../factories/records'

describe('record schemas', () => {
  it('run jitless, so a strict CSP sees no eval probe', () => {
    expect(z.config().jitless).toBe(true)
  })

  it('list every kind once, matching the schemas and the union', () => {
    expect(new Set(recordKinds).size).toBe(recordKinds.length)
    expect([...recordKinds].sort()).toEqual(Object.keys(recordSchemas).sort())
    expect([...recordKinds].sort()).toEqual(
      trinRecordSchema.def.options.flatMap((option) => option.shape.kind.def.values).sort(),
    )
    expectTypeOf<(typeof recordKinds)[number]>().toEqualTypeOf<RecordKind>()
    expectTypeOf<RecordOf<'goal'>>().toEqualTypeOf<Goal>()
  })

  it('has a schema version for the encryption AAD', () => {
    expect(SCHEMA_VERSION).toBe(3)
  })

  it.each(recordKinds)('a factory %s parses, unchanged, by its schema and as any record', (kind) => {
    const record = recordFactories[kind]()
    expect(recordSchemas[kind].parse(record)).toEqual(record)
    const parsed: TrinRecord = parseRecord(record)
    expect(parsed).toEqual(record)
    expect(parsed.kind).toBe(kind)
    // What is stored goes through JSON; nothing may be lost on the way.
    expect(parseRecord(JSON.parse(JSON.stringify(record)))).toEqual(record)
  })

  it.each(recordKinds)('a %s defaults to private when `shared` is absent', (kind) => {
    const parsed = parseRecord(withoutField(recordFactories[kind](), 'shared'))
    expect(parsed.shared).toBe(false)
  })

  it('factories make fresh ids', () => {
    expect(recordFactories.goal().id).not.toBe(recordFactories.goal().id)
  })

  it.each([
    ['null', null],
    ['a string', 'goal'],
    ['an array', [recordFactories.goal()]],
    ['an unknown kind', { ...recordFactories.goal(), kind: 'diary' }],
    ['no kind', { ...recordFactories.goal(), kind: undefined }],
  ])('safeParseRecord refuses %s', (_name, input) => {
    expect(safeParseRecord(input).success).toBe(false)
    expect(() => parseRecord(input)).toThrow(z.core.$ZodError)
  })

  it('isRecordKind recognises kinds only', () => {
    expect(isRecordKind('subGoal')).toBe(true)
    expect(isRecordKind('subgoal')).toBe(false)
    expect(isRecordKind(3)).toBe(false)
  })
})
