import { describe, expect, it } from 'vitest'
import { directionOf } from '@/app/i18n/direction'

describe('directionOf', () => {
  it.each([
    ['da', 'ltr'],
    ['en', 'ltr'],
    // Not (yet) in the locale list: from the language's likely script.
    ['ar', 'rtl'],
    ['fa', 'rtl'],
    ['ur', 'rtl'],
    ['ckb', 'rtl'],
    ['he', 'rtl'],
    ['ps', 'rtl'],
    ['ar-x-test', 'rtl'],
    ['ku', 'ltr'],
    ['so', 'ltr'],
    ['uk', 'ltr'],
    ['ti', 'ltr'],
    ['pa-Arab', 'rtl'],
    ['pa', 'ltr'],
    ['not a tag', 'ltr'],
  ] as const)('%s is %s', (code, dir) => {
    expect(directionOf(code)).toBe(dir)
  })
})
