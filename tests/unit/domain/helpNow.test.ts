import { describe, expect, it } from 'vitest'
import { isCivilDate } from '@/domain/civilDate'
import { HELP_LINES, helpLinesFor } from '@/domain/helpNow'
import { targetGroups, type TargetGroup } from '@/schemas'

describe('helpLinesFor', () => {
  it.each<[TargetGroup | null, string[]]>([
    [null, ['alarm', 'police', 'levUdenVold', 'livslinien', 'borneTelefonen']],
    ['homelessness', ['alarm', 'police', 'levUdenVold', 'livslinien', 'borneTelefonen']],
    ['shelter', ['alarm', 'levUdenVold', 'police', 'borneTelefonen', 'livslinien']],
    ['psychiatry', ['alarm', 'livslinien', 'police', 'levUdenVold', 'borneTelefonen']],
    ['aftercare', ['alarm', 'borneTelefonen', 'livslinien', 'police', 'levUdenVold']],
  ])('%s → %j', (group, ids) => {
    expect(helpLinesFor(group).map((line) => line.id)).toEqual(ids)
  })

  it.each(targetGroups)('%s: 112 first, and no line ever left out', (group) => {
    const lines = helpLinesFor(group)
    expect(lines[0]?.number).toBe('112')
    expect([...lines].map((line) => line.id).sort()).toEqual(HELP_LINES.map((line) => line.id).sort())
  })
})

describe('HELP_LINES', () => {
  it.each(HELP_LINES)('$id names its source and the day it was checked, and dials as written', (line) => {
    expect(line.source).toMatch(/^[^:]+, [a-z.]+\.dk/)
    // Provenance only: the app never fetches or links a third party.
    expect(line.source).not.toMatch(/:\/\//)
    expect(isCivilDate(line.checked)).toBe(true)
    expect(line.number).toMatch(/^\d+( \d+)*$/)
  })
})
