import { describe, expect, it } from 'vitest'
import {
  checkContactForm,
  nextClosenessHistory,
  draftOfContact,
  emptyContactDraft,
  newContactFields,
  withContactFields,
  type ContactDraft,
} from '@/domain/contactForm'
import { contactSchema } from '@/schemas'
import { day, makeContact } from '../../factories/records'

const draft = (overrides: Partial<ContactDraft>): ContactDraft => ({
  ...emptyContactDraft(),
  name: 'Mor',
  ...overrides,
})

describe('checkContactForm', () => {
  it.each([
    ['no name', { name: '  ' }, { name: 'required' }],
    ['a name too long', { name: 'x'.repeat(121) }, { name: 'tooLong' }],
    ['letters in the phone', { phone: 'call me' }, { phone: 'invalidPhone' }],
    ['a phone too long', { phone: '1'.repeat(41) }, { phone: 'tooLong' }],
    ['an e-mail without @', { email: 'mor.dk' }, { email: 'invalidEmail' }],
    ['two addresses as one e-mail', { email: 'a@b.dk,c@d.dk' }, { email: 'invalidEmail' }],
    ['an address too long', { address: 'x'.repeat(401) }, { address: 'tooLong' }],
    ['notes too long', { notes: 'x'.repeat(4001) }, { notes: 'tooLong' }],
  ])('refuses %s', (_name, overrides, problems) => {
    expect(checkContactForm(draft(overrides))).toEqual({ ok: false, problems })
  })

  it('trims short texts, leaves empty ones out, keeps long texts as written', () => {
    const checked = checkContactForm(
      draft({ name: ' Mor ', phone: ' 20 30 40 50 ', email: '', helpsWith: ' Hjælper\n', notes: '  ' }),
    )
    expect(checked).toEqual({
      ok: true,
      value: {
        name: 'Mor',
        networkKind: 'family',
        phone: '20 30 40 50',
        helpsWith: ' Hjælper\n',
        closeness: 'some',
        crisisContact: false,
        keepPrivate: false,
        hideAddress: false,
        mustNotTell: [],
        focusAreaIds: [],
        goalIds: [],
      },
    })
  })

  it.each([
    ['a day that does not exist', '2027-02-30', 'invalidDate'],
    ['a day out of range', '2300-01-01', 'dateOutOfRange'],
  ])('refuses a takeover date that is %s', (_name, takesOverFrom, problem) => {
    expect(checkContactForm(draft({ takesOverFrom }))).toEqual({
      ok: false,
      problems: { takesOverFrom: problem },
    })
  })

  it('keeps the takeover date and the chosen focus areas and goals, each once', () => {
    const area = crypto.randomUUID()
    const goal = crypto.randomUUID()
    const checked = checkContactForm(
      draft({ takesOverFrom: '2027-03-01', focusAreaIds: [area, area], goalIds: [goal] }),
    )
    expect(checked).toMatchObject({
      ok: true,
      value: { takesOverFrom: '2027-03-01', focusAreaIds: [area], goalIds: [goal] },
    })
    const empty = checkContactForm(draft({ takesOverFrom: '' }))
    expect(empty.ok && 'takesOverFrom' in empty.value).toBe(false)
  })
})

describe('saving a contact from the form', () => {
  const today = day('2026-12-06')

  it('records the first closeness with its day, and the result parses', () => {
    const checked = checkContactForm(draft({ closeness: 'close', keepPrivate: true }))
    if (!checked.ok) throw new Error('form should be fine')
    const fields = newContactFields(checked.value, today)
    expect(fields).toMatchObject({
      closenessHistory: [{ on: today, closeness: 'close' }],
      safety: { keepPrivate: true, hideAddress: false, mustNotTell: [] },
    })
    expect(
      contactSchema.safeParse(makeContact({ ...fields, phone: undefined, role: undefined })).success,
    ).toBe(true)
  })

  it('adds a changed closeness to the history, replacing one set the same day', () => {
    const contact = makeContact({
      closeness: 'some',
      closenessHistory: [{ on: day('2026-11-20'), closeness: 'some' }],
    })
    const base = draftOfContact(contact, new Set())
    const check = (d: ContactDraft) => {
      const checked = checkContactForm(d)
      if (!checked.ok) throw new Error('form should be fine')
      return checked.value
    }
    const closer = withContactFields(contact, check({ ...base, closeness: 'close' }), today)
    expect(closer.closenessHistory).toEqual([
      { on: '2026-11-20', closeness: 'some' },
      { on: today, closeness: 'close' },
    ])
    const again = withContactFields(closer, check({ ...base, closeness: 'distant' }), today)
    expect(again.closenessHistory).toEqual([
      { on: '2026-11-20', closeness: 'some' },
      { on: today, closeness: 'distant' },
    ])
    const unchanged = withContactFields(
      again,
      check({ ...base, closeness: 'distant', name: 'Lene J.' }),
      today,
    )
    expect(unchanged.closenessHistory).toBe(again.closenessHistory)
    expect(contactSchema.safeParse(unchanged).success).toBe(true)
  })

  it('stops sharing a contact made private, keeps what the form does not edit, clears emptied fields', () => {
    const keptId = crypto.randomUUID()
    const contact = makeContact({
      shared: true,
      safety: { keepPrivate: false, hideAddress: false, mustNotTell: [], mustNotTellNote: 'old note' },
    })
    const base = draftOfContact(contact, new Set([keptId]))
    const checked = checkContactForm({ ...base, keepPrivate: true, phone: '', mustNotTell: [keptId, keptId] })
    if (!checked.ok) throw new Error('form should be fine')
    const saved = withContactFields(contact, checked.value, today)
    expect(saved.shared).toBe(false)
    expect(saved).not.toHaveProperty('phone')
    expect(saved.takesOverFrom).toBe(contact.takesOverFrom)
    const cleared = checkContactForm({ ...base, takesOverFrom: '', focusAreaIds: [], goalIds: [] })
    if (!cleared.ok) throw new Error('form should be fine')
    expect(withContactFields(contact, cleared.value, today)).not.toHaveProperty('takesOverFrom')
    expect(saved.safety).toEqual({
      keepPrivate: true,
      hideAddress: false,
      mustNotTell: [keptId],
      mustNotTellNote: 'old note',
    })
    expect(contactSchema.safeParse(saved).success).toBe(true)
  })

  it('leaves out kept-safe-from ids no longer in her safety notes', () => {
    const gone = crypto.randomUUID()
    const contact = makeContact({ safety: { keepPrivate: false, hideAddress: false, mustNotTell: [gone] } })
    expect(draftOfContact(contact, new Set()).mustNotTell).toEqual([])
  })
})

describe('nextClosenessHistory', () => {
  const today = day('2026-12-06')
  const c = (closeness: 'close' | 'some' | 'distant', history: [string, 'close' | 'some' | 'distant'][]) => ({
    closeness,
    closenessHistory: history.map(([on, level]) => ({ on: day(on), closeness: level })),
  })
  it.each<[string, ReturnType<typeof c>, 'close' | 'some' | 'distant', string | null, [string, string][]]>([
    ['unchanged stays as it is', c('some', [['2026-11-01', 'some']]), 'some', null, [['2026-11-01', 'some']]],
    [
      'a change is added with today',
      c('some', [['2026-11-01', 'some']]),
      'close',
      null,
      [
        ['2026-11-01', 'some'],
        ['2026-12-06', 'close'],
      ],
    ],
    [
      'a second change today replaces the first',
      c('close', [
        ['2026-11-01', 'some'],
        ['2026-12-06', 'close'],
      ]),
      'distant',
      null,
      [
        ['2026-11-01', 'some'],
        ['2026-12-06', 'distant'],
      ],
    ],
    [
      'going back today to the day before is no change at all',
      c('close', [
        ['2026-11-01', 'some'],
        ['2026-12-06', 'close'],
      ]),
      'some',
      null,
      [['2026-11-01', 'some']],
    ],
    [
      'no history yet: the closeness so far is dated the day the contact was added',
      c('distant', []),
      'close',
      '2026-10-01',
      [
        ['2026-10-01', 'distant'],
        ['2026-12-06', 'close'],
      ],
    ],
    [
      'no history, unchanged: dated the day added',
      c('some', []),
      'some',
      '2026-10-01',
      [['2026-10-01', 'some']],
    ],
    ['no history, no day added: today', c('some', []), 'some', null, [['2026-12-06', 'some']]],
    [
      'a change dated later by a skewed clock gives way to today',
      c('close', [
        ['2026-11-01', 'some'],
        ['2026-12-24', 'close'],
      ]),
      'distant',
      null,
      [
        ['2026-11-01', 'some'],
        ['2026-12-06', 'distant'],
      ],
    ],
  ])('%s', (_name, contact, closeness, addedOn, expected) => {
    const next = nextClosenessHistory(contact, closeness, today, addedOn === null ? null : day(addedOn))
    expect(next.map((change) => [change.on, change.closeness])).toEqual(expected)
    expect(next[next.length - 1]?.closeness).toBe(closeness)
  })
})
