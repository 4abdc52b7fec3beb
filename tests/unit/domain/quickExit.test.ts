import { describe, expect, it } from 'vitest'
import {
  afterKeyEvent,
  checkExitTarget,
  emptyShiftSequence,
  EXIT_SITES,
  exitDestination,
  exitSiteAt,
  type KeyEventFacts,
  type ShiftSequence,
} from '@/domain/quickExit'

type Step = [type: 'down' | 'up', key: string, at: number, extra?: Partial<KeyEventFacts>]

/** Runs the events and returns at which event index (if any) the exit fired. */
function run(steps: readonly Step[]): number[] {
  let sequence: ShiftSequence = emptyShiftSequence
  const exits: number[] = []
  steps.forEach(([type, key, at, extra], index) => {
    const result = afterKeyEvent(sequence, {
      type,
      key,
      at,
      repeat: false,
      modifier: false,
      otherKeyHeld: false,
      ...extra,
    })
    sequence = result.sequence
    if (result.exit) exits.push(index)
  })
  return exits
}

const press = (at: number, extra?: Partial<KeyEventFacts>): Step[] => [
  ['down', 'Shift', at, extra],
  ['up', 'Shift', at + 80],
]

describe('Shift pressed three times', () => {
  it.each<[string, Step[], number[]]>([
    [
      'three presses within a second: exit on the third release',
      [...press(0), ...press(300), ...press(600)],
      [5],
    ],
    ['two presses only', [...press(0), ...press(300)], []],
    ['three presses spread over 4.9 s', [...press(0), ...press(2000), ...press(4800)], [5]],
    ['the third release 5.1 s after the first press', [...press(0), ...press(2000), ...press(5100)], []],
    [
      'older presses slide out of the window',
      [...press(0), ...press(3000), ...press(5500), ...press(6000)],
      [7],
    ],
    [
      'a letter in between starts again',
      [...press(0), ...press(300), ['down', 'a', 400], ['up', 'a', 450], ...press(600)],
      [],
    ],
    [
      'Shift+A as the third press does not exit',
      [
        ...press(0),
        ...press(300),
        ['down', 'Shift', 600],
        ['down', 'A', 650],
        ['up', 'A', 700],
        ['up', 'Shift', 750],
      ],
      [],
    ],
    [
      'typing capitals never counts',
      [
        ['down', 'Shift', 0],
        ['down', 'H', 50],
        ['up', 'H', 90],
        ['up', 'Shift', 100],
        ['down', 'Shift', 200],
        ['down', 'I', 250],
        ['up', 'I', 290],
        ['up', 'Shift', 300],
        ...press(400),
      ],
      [],
    ],
    [
      'Shift with Ctrl held does not count',
      [...press(0), ...press(300), ...press(600, { modifier: true })],
      [],
    ],
    [
      'Shift while another key is held does not count',
      [...press(0), ...press(300), ...press(600, { otherKeyHeld: true })],
      [],
    ],
    [
      'holding Shift (auto-repeat) is one press',
      [
        ['down', 'Shift', 0],
        ['down', 'Shift', 500, { repeat: true }],
        ['down', 'Shift', 530, { repeat: true }],
        ['up', 'Shift', 600],
        ...press(700),
      ],
      [],
    ],
    [
      'a release without a press is ignored',
      [['up', 'Shift', 0], ['up', 'Shift', 10], ...press(100), ...press(200), ...press(300)],
      [7],
    ],
    [
      'a key released in between does not reset',
      [...press(0), ['up', 'Control', 200], ...press(300), ...press(600)],
      [6],
    ],
    [
      'after an exit the count starts over',
      [...press(0), ...press(100), ...press(200), ...press(300), ...press(400)],
      [5],
    ],
  ])('%s', (_name, steps, exits) => {
    expect(run(steps)).toEqual(exits)
  })
})

describe('checkExitTarget', () => {
  it.each<[string, ReturnType<typeof checkExitTarget>]>([
    ['https://www.dr.dk/vejret', { ok: true, url: 'https://www.dr.dk/vejret' }],
    ['  dr.dk  ', { ok: true, url: 'https://dr.dk/' }],
    ['www.google.com/search?q=opskrifter', { ok: true, url: 'https://www.google.com/search?q=opskrifter' }],
    ['http://dr.dk', { ok: false, problem: 'not-https' }],
    ['javascript:alert(1)', { ok: false, problem: 'invalid' }],
    ['data:text/html,hi', { ok: false, problem: 'invalid' }],
    ['https://user:secret@dr.dk', { ok: false, problem: 'credentials' }],
    ['localhost', { ok: false, problem: 'invalid' }],
    ['hello world', { ok: false, problem: 'invalid' }],
    ['', { ok: false, problem: 'empty' }],
    [`https://dr.dk/${'a'.repeat(600)}`, { ok: false, problem: 'too-long' }],
  ])('%s', (input, expected) => {
    expect(checkExitTarget(input)).toEqual(expected)
  })
})

describe('exitDestination', () => {
  it.each<[string | null, boolean, ReturnType<typeof exitDestination>]>([
    ['https://www.dmi.dk/', true, { kind: 'site', url: 'https://www.dmi.dk/' }],
    ['https://www.dmi.dk/', false, { kind: 'built-in' }],
    [null, true, { kind: 'built-in' }],
    [null, false, { kind: 'built-in' }],
  ])('%s, online %s', (target, online, expected) => {
    expect(exitDestination(target, online)).toEqual(expected)
  })
})

describe('EXIT_SITES', () => {
  it('offers only addresses the address check accepts unchanged', () => {
    for (const site of EXIT_SITES) expect(checkExitTarget(site.url)).toEqual({ ok: true, url: site.url })
  })

  it.each<[string | null, ReturnType<typeof exitSiteAt>]>([
    ['https://www.dr.dk/nyheder', 'news'],
    ['https://www.dr.dk/', null],
    [null, null],
  ])('the offered site at %s is %s', (url, expected) => {
    expect(exitSiteAt(url)).toBe(expected)
  })
})
