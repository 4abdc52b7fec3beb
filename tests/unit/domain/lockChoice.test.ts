import { describe, expect, it } from 'vitest'
import {
  confirmationMatches,
  isPinFormat,
  newPassphraseProblem,
  passphraseAdvice,
  suggestedLock,
} from '@/domain/lockChoice'

describe('suggestedLock', () => {
  it.each<[string | null, string]>([
    ['shelter', 'passphrase'],
    ['homelessness', 'none'],
    ['psychiatry', 'none'],
    ['other', 'none'],
    [null, 'none'],
  ])('%s → %s', (group, expected) => {
    expect(suggestedLock(group)).toBe(expected)
  })
})

describe('newPassphraseProblem', () => {
  it.each<[string, string, string, ReturnType<typeof newPassphraseProblem>]>([
    ['empty', '', '', 'empty'],
    ['seven characters', 'abcdefg', 'abcdefg', 'too-short'],
    ['eight characters', 'abcdefgh', 'abcdefgh', null],
    ['seven emoji are seven characters', '😀😀😀😀😀😀😀', '😀😀😀😀😀😀😀', 'too-short'],
    ['repeat differs', 'blue house river', 'blue house rivers', 'mismatch'],
    [
      'repeat differs only in normalisation (é as one or two code points)',
      'café au lait',
      'cafe\u0301 au lait',
      null,
    ],
    ['spaces count and are kept', 'a b c d ', 'a b c d', 'mismatch'],
  ])('%s', (_name, passphrase, repeat, expected) => {
    expect(newPassphraseProblem(passphrase, repeat, 8)).toBe(expected)
  })
})

describe('passphraseAdvice', () => {
  it.each<[string, ReturnType<typeof passphraseAdvice>]>([
    ['Sommer2024', 'use-words'],
    ['blå hus ved åen', null],
    ['three short words', null],
    ['averyverylongsingleword', null],
    ['aaaaaaaaaaaaaaaaaaaa', 'repeated'],
    ['abababababababab', 'repeated'],
  ])('%s', (passphrase, expected) => {
    expect(passphraseAdvice(passphrase)).toBe(expected)
  })
})

describe('isPinFormat', () => {
  it.each<[string, boolean]>([
    ['1234', true],
    ['123456789012', true],
    ['123', false],
    ['1234567890123', false],
    ['12a4', false],
    ['١٢٣٤', false],
    [' 1234', false],
  ])('%s', (pin, expected) => {
    expect(isPinFormat(pin)).toBe(expected)
  })
})

describe('confirmationMatches', () => {
  it.each<[string, string, string, boolean]>([
    ['SLET', 'SLET', 'da', true],
    [' slet ', 'SLET', 'da', true],
    ['SLE', 'SLET', 'da', false],
    ['SLETT', 'SLET', 'da', false],
    ['', 'SLET', 'da', false],
    ['', '', 'da', false],
    ['erase', 'ERASE', 'en', true],
    ['sıl', 'SİL', 'tr', true],
    ['sil', 'SİL', 'tr', true],
    ['SIL', 'SİL', 'tr', true],
    ['SAL', 'SİL', 'tr', false],
    ['usun', 'USUŃ', 'pl', true],
    ['usuń', 'USUŃ', 'pl', true],
    ['stergE', 'ȘTERGE', 'ro', true],
    ['حذف', 'حَذْف', 'ar', true],
    ['حذ', 'حذف', 'ar', false],
  ])('%s vs %s (%s)', (typed, word, locale, expected) => {
    expect(confirmationMatches(typed, word, locale)).toBe(expected)
  })
})
