/**
 * The support network's rules (src/domain/network.ts): the links, and — property-tested over
 * random networks — that private contacts and kept-safe-from persons never reach anything that
 * leaves the phone (share, export, print, map), and lists hide private ones until revealed.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  crisisContacts,
  dialableNumber,
  groupByKind,
  hiddenPrivateCount,
  listedContacts,
  mailtoHref,
  mapPeople,
  outwardContacts,
  outwardPlan,
  smsHref,
  telHref,
} from '@/domain/network'
import { networkKinds } from '@/domain/networkMap'
import { contactKinds, contactSchema, type Contact, type KeptSafeFrom } from '@/schemas'
import { makeContact, makePlan } from '../../factories/records'

describe('contact kinds', () => {
  it('are the network map’s kinds, in its order', () => {
    expect([...contactKinds]).toEqual([...networkKinds])
  })
})

describe('links to call, text and mail', () => {
  it.each([
    ['70 12 34 56', '70123456', 'tel:70123456', 'sms:70123456'],
    ['+45 20 30 40 50', '+4520304050', 'tel:+4520304050', 'sms:+4520304050'],
    ['(+45) 20-30.40/50', '4520304050', 'tel:4520304050', 'sms:4520304050'],
    ['0045 1888', '00451888', 'tel:00451888', 'sms:00451888'],
    ['*21#', '*21#', 'tel:*21%23', null],
    ['112', '112', 'tel:112', 'sms:112'],
    ['- / .', null, null, null],
    ['', null, null, null],
  ])('%s dials %s', (phone, dialable, tel, sms) => {
    expect(dialableNumber(phone)).toBe(dialable)
    expect(telHref(phone)).toBe(tel)
    expect(smsHref(phone)).toBe(sms)
  })

  it.each([
    ['lene@jobcenter.dk', 'mailto:lene@jobcenter.dk'],
    [' lene@jobcenter.dk ', 'mailto:lene@jobcenter.dk'],
    ['a+b@x.dk', 'mailto:a%2Bb@x.dk'],
    ['a@b.dk?bcc=spy@x.dk', null],
    ['a@b.dk?subject=hi', 'mailto:a@b.dk%3Fsubject%3Dhi'],
    ['no-at-sign', null],
    ['@x.dk', null],
    ['a b@x.dk', null],
  ])('%s mails as %s', (email, href) => {
    expect(mailtoHref(email)).toBe(href)
  })
})

const contact = (overrides: Partial<Contact>) => makeContact(overrides)
const privately = { keepPrivate: true, hideAddress: false, mustNotTell: [] }

describe('lists, groups and help now', () => {
  const sanne = contact({ name: 'Sanne', networkKind: 'friend', safety: privately })
  const mor = contact({ name: 'Mor', networkKind: 'family', crisisContact: true, phone: '20 30 40 50' })
  const gone = contact({ name: 'Anders', networkKind: 'family', deleted: true })
  const lene = contact({ name: 'Lene', networkKind: 'professional', crisisContact: true, phone: undefined })
  const all = [sanne, mor, gone, lene]

  it('lists live contacts by name, private ones only once revealed', () => {
    expect(listedContacts(all, { revealPrivate: false }).map((c) => c.name)).toEqual(['Lene', 'Mor'])
    expect(listedContacts(all, { revealPrivate: true }).map((c) => c.name)).toEqual(['Lene', 'Mor', 'Sanne'])
    expect(hiddenPrivateCount(all)).toBe(1)
  })

  it('groups by kind in the map’s order, leaving empty kinds out', () => {
    expect(groupByKind([lene, sanne, mor]).map((group) => group.kind)).toEqual([
      'family',
      'friend',
      'professional',
    ])
  })

  it('offers help now only crisis contacts with a number, never a private or deleted one', () => {
    const privateCrisis = contact({ name: 'P', crisisContact: true, safety: privately })
    expect(crisisContacts([...all, privateCrisis]).map((c) => c.name)).toEqual(['Mor'])
  })

  it('keeps her safety notes out of the plan that leaves the phone', () => {
    const plan = makePlan({ safetyNotes: { keptSafeFrom: [{ id: crypto.randomUUID(), name: 'K.' }] } })
    expect(outwardPlan(plan)).not.toHaveProperty('safetyNotes')
    expect(outwardPlan(plan)).toMatchObject({ id: plan.id, kind: 'plan' })
  })
})

/** Random networks: names from a small pool so that collisions with kept-safe-from names happen. */
const names = fc.constantFrom('Mor', 'Sanne', 'K.', 'Kim', 'kim ', 'Lene', 'Ali', 'Naboen')
const contactArbitrary = fc
  .record({
    name: names,
    networkKind: fc.constantFrom(...contactKinds),
    closeness: fc.constantFrom('close', 'some', 'distant'),
    keepPrivate: fc.boolean(),
    hideAddress: fc.boolean(),
    deleted: fc.boolean(),
    shared: fc.boolean(),
    crisisContact: fc.boolean(),
    address: fc.option(fc.constant('Secret street 1'), { nil: undefined }),
    note: fc.option(fc.constant('Never tell K. where I live'), { nil: undefined }),
  })
  .map((r) =>
    contactSchema.parse(
      makeContact({
        name: r.name,
        networkKind: r.networkKind,
        closeness: r.closeness,
        closenessHistory: [],
        deleted: r.deleted,
        shared: r.shared && !r.keepPrivate,
        crisisContact: r.crisisContact,
        address: r.address,
        safety: {
          keepPrivate: r.keepPrivate,
          hideAddress: r.hideAddress,
          mustNotTell: [],
          ...(r.note === undefined ? {} : { mustNotTellNote: r.note }),
        },
      }),
    ),
  )
const networkArbitrary = fc
  .tuple(fc.array(contactArbitrary, { maxLength: 30 }), fc.array(names, { maxLength: 3 }), fc.nat())
  .map(([contacts, keptNames, pick]) => {
    const keptSafeFrom: KeptSafeFrom[] = keptNames.map((name) => ({ id: crypto.randomUUID(), name }))
    // Sometimes a kept-safe-from person was (wrongly, or by a crafted import) also made a contact.
    const misfiled = contacts[pick % Math.max(contacts.length, 1)]
    if (misfiled !== undefined && pick % 3 === 0) keptSafeFrom.push({ id: misfiled.id, name: 'Someone else' })
    for (const person of keptSafeFrom.slice(0, 1))
      for (const c of contacts) if (pick % 2 === 0) c.safety.mustNotTell.push(person.id)
    return { contacts, keptSafeFrom }
  })

const normal = (name: string) => name.trim().toLowerCase()

describe('property: nothing private or kept-safe-from leaves the phone', () => {
  it('outward contacts hold no private, deleted or kept-safe-from person, and no safety note', () => {
    fc.assert(
      fc.property(networkArbitrary, ({ contacts, keptSafeFrom }) => {
        const outward = outwardContacts(contacts, keptSafeFrom)
        const keptIds = new Set(keptSafeFrom.map((person) => person.id))
        const keptNames = new Set(keptSafeFrom.map((person) => normal(person.name)))
        for (const c of outward) {
          const original = contacts.find((candidate) => candidate.id === c.id)
          expect(original?.safety.keepPrivate).toBe(false)
          expect(original?.deleted).toBe(false)
          expect(keptIds.has(c.id)).toBe(false)
          expect(keptNames.has(normal(c.name))).toBe(false)
          expect(c.safety.mustNotTell).toEqual([])
          expect(c.safety).not.toHaveProperty('mustNotTellNote')
          if (original?.safety.hideAddress) expect(c).not.toHaveProperty('address')
          // What leaves still parses as a contact.
          expect(contactSchema.safeParse(c).success).toBe(true)
        }
        const text = JSON.stringify(outward)
        for (const person of keptSafeFrom) expect(text).not.toContain(person.id)
        expect(text).not.toContain('Never tell K.')
      }),
      { numRuns: 500 },
    )
  })

  it('outward contacts leave no one out who may go', () => {
    fc.assert(
      fc.property(networkArbitrary, ({ contacts, keptSafeFrom }) => {
        const expected = contacts.filter(
          (c) =>
            !c.deleted &&
            !c.safety.keepPrivate &&
            !keptSafeFrom.some((p) => p.id === c.id || normal(p.name) === normal(c.name)),
        )
        expect(outwardContacts(contacts, keptSafeFrom).map((c) => c.id)).toEqual(expected.map((c) => c.id))
      }),
      { numRuns: 300 },
    )
  })

  it('the map shows exactly the outward contacts', () => {
    fc.assert(
      fc.property(networkArbitrary, ({ contacts, keptSafeFrom }) => {
        const outwardIds = new Set(outwardContacts(contacts, keptSafeFrom).map((c) => c.id))
        const people = mapPeople(contacts, keptSafeFrom)
        expect(new Set(people.map((p) => p.id))).toEqual(outwardIds)
        for (const person of people) {
          const original = contacts.find((c) => c.id === person.id)
          expect(person).toEqual({
            id: original?.id,
            kind: original?.networkKind,
            closeness: original?.closeness,
          })
        }
      }),
      { numRuns: 300 },
    )
  })

  it('a list hides every private contact until revealed, then shows every live one', () => {
    fc.assert(
      fc.property(networkArbitrary, ({ contacts }) => {
        const hidden = listedContacts(contacts, { revealPrivate: false })
        expect(hidden.some((c) => c.safety.keepPrivate || c.deleted)).toBe(false)
        const revealed = listedContacts(contacts, { revealPrivate: true })
        expect(revealed.length).toBe(contacts.filter((c) => !c.deleted).length)
        expect(revealed.length - hidden.length).toBe(hiddenPrivateCount(contacts))
      }),
      { numRuns: 300 },
    )
  })
})
