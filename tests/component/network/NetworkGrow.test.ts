/**
 * What the network grows with: the call notice said once per device (kept in the settings
 * entry), the contact form's focus areas, goals and takeover date shown on the contact view,
 * and "then and now" phase by phase on the network page — never a private contact or a person
 * she must be kept safe from.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { deleteDatabase } from '@/data/db'
import { readDeviceSettings } from '@/stores/deviceSettings'
import { useRecordsStore } from '@/stores/records'
import { useVaultStore } from '@/stores/vault'
import { forgetCallNoticeForTests } from '@/features/network/useCallNotice'
import type { Contact } from '@/schemas'
import { eventually, mountPlanApp, settled, unmountAll, type Records } from '../support/mount'
import { NOW, storePlan } from '../support/fixtures'
import { day } from '../../factories/records'

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
  localStorage.clear()
  forgetCallNoticeForTests()
  await deleteDatabase()
})

afterEach(() => {
  unmountAll()
  useVaultStore().close()
  vi.useRealTimers()
})

const safety = { keepPrivate: false, hideAddress: false, mustNotTell: [] }

function addContact(records: Records, fields: Partial<Contact> & Pick<Contact, 'name' | 'networkKind'>) {
  return records.create('contact', {
    focusAreaIds: [],
    goalIds: [],
    closeness: 'some',
    closenessHistory: [],
    safety,
    ...fields,
  })
}

async function openList(): Promise<VueWrapper> {
  const { wrapper } = await mountPlanApp({
    seed: async (records) => {
      if (records.byKind('plan').length === 0) {
        await storePlan(records)
        await addContact(records, { name: 'Mor', networkKind: 'family', phone: '20 30 40 50' })
      }
      return null
    },
    path: () => '/plan/network',
  })
  await settled(wrapper, 'Mor')
  return wrapper
}

describe('the call notice', () => {
  it('is said once per device: remembered across a reload, said again on a fresh device', async () => {
    let wrapper = await openList()
    await wrapper.get('[data-test="contact-call"]').trigger('click')
    await settled(wrapper, 'opkaldsliste')
    await wrapper.get('[data-test="call-notice-go"]').trigger('click')
    expect(readDeviceSettings().n).toBe(true)
    // The stored entry says a notice was seen, nothing about calls or a network.
    expect(localStorage.getItem('settings')).not.toMatch(/call|network|notice|tel/i)

    // A reload: this visit's memory is gone, the device remembers.
    unmountAll()
    useVaultStore().close()
    forgetCallNoticeForTests()
    wrapper = await openList()
    await wrapper.get('[data-test="contact-call"]').trigger('click')
    expect(wrapper.find('[data-test="call-notice"]').exists()).toBe(false)

    // Another device (no settings): said again.
    unmountAll()
    useVaultStore().close()
    forgetCallNoticeForTests()
    localStorage.clear()
    wrapper = await openList()
    await wrapper.get('[data-test="contact-call"]').trigger('click')
    await settled(wrapper, 'opkaldsliste')
  })
})

describe('what a contact helps with', () => {
  it('chooses focus areas, goals and a takeover date, and shows them on the contact view', async () => {
    const { wrapper, seeded } = await mountPlanApp({
      seed: async (records) => {
        await storePlan(records)
        const area = await records.create('focusArea', {
          catalogKey: 'economy',
          icon: 'coins',
          phases: [1],
          order: 0,
        })
        const goal = await records.create('goal', {
          focusAreaId: area.id,
          title: 'Betale husleje til tiden',
          status: 'onTheWay',
          order: 0,
        })
        const lene = await addContact(records, { name: 'Lene', networkKind: 'professional' })
        return { area, goal, lene }
      },
      path: ({ lene }) => `/plan/network/${lene.id}`,
    })
    await settled(wrapper, 'Hvilke mål hjælper de med?')
    expect(wrapper.find('[data-test="contact-helps"]').exists()).toBe(false)
    // Closeness is one BaseChoiceGroup: a fieldset with its legend and the hint tied to it.
    const closeness = wrapper.get('[data-test="closeness-close"]').element.closest('fieldset')
    expect(closeness?.querySelector('legend')?.textContent).toContain('Hvor tæt er I?')
    expect(closeness?.getAttribute('aria-describedby')).toBe('contact-closeness-help')

    await wrapper.get(`#contact-area-${seeded.area.id}`).setValue(true)
    await wrapper.get(`#contact-goal-${seeded.goal.id}`).setValue(true)
    await wrapper.get('#contact-takesOverFrom').setValue('2027-03-01')
    await wrapper.get('[data-test="contact-form"]').trigger('submit')
    await eventually(() => {
      expect(useRecordsStore().get(seeded.lene.id)).toMatchObject({
        focusAreaIds: [seeded.area.id],
        goalIds: [seeded.goal.id],
        takesOverFrom: '2027-03-01',
      })
    })
    await settled(wrapper, '1. marts 2027')
    const helps = wrapper.get('[data-test="contact-helps"]').text()
    expect(helps).toContain('Økonomi')
    expect(helps).toContain('Betale husleje til tiden')
    expect(wrapper.get('[data-test="contact-takeover"]').text()).toBe('1. marts 2027')
  })

  it('refuses a takeover date out of range, beside the field', async () => {
    const { wrapper } = await mountPlanApp({
      seed: (records) => storePlan(records),
      path: () => '/plan/network/new',
    })
    await settled(wrapper, 'Ny i netværket')
    await wrapper.get('#contact-name').setValue('Lene')
    await wrapper.get('#contact-takesOverFrom').setValue('2300-01-01')
    await wrapper.get('[data-test="contact-form"]').trigger('submit')
    await settled(wrapper, 'Datoen ligger for langt fremme')
    expect(wrapper.get('#contact-takesOverFrom-error').text()).toContain('Tjek årstallet')
    expect(useRecordsStore().byKind('contact')).toEqual([])
  })
})

describe('then and now, phase by phase', () => {
  it('sets each reached phase’s start against today, without private or kept-safe-from people', async () => {
    const kimId = crypto.randomUUID()
    const at = (iso: string) => vi.setSystemTime(new Date(`${iso}T12:00:00Z`))
    const { wrapper } = await mountPlanApp({
      seed: async (records) => {
        at('2026-10-01')
        await storePlan(records, { safetyNotes: { keptSafeFrom: [{ id: kimId, name: 'Kim' }] } })
        await addContact(records, {
          name: 'Sanne',
          networkKind: 'friend',
          closeness: 'close',
          safety: { ...safety, keepPrivate: true },
        })
        await addContact(records, { name: 'Kim', networkKind: 'other', closeness: 'close' })
        at('2026-10-20')
        await addContact(records, {
          name: 'Mor',
          networkKind: 'family',
          closeness: 'close',
          closenessHistory: [
            { on: day('2026-10-20'), closeness: 'distant' },
            { on: day('2027-01-20'), closeness: 'close' },
          ],
        })
        at('2027-01-20')
        await addContact(records, {
          name: 'Lene',
          networkKind: 'professional',
          closenessHistory: [{ on: day('2027-01-20'), closeness: 'some' }],
        })
        at('2027-02-01')
        return null
      },
      path: () => '/plan/network',
    })
    await settled(wrapper, 'Dit netværk før og nu')
    const section = () => wrapper.get('[data-test="network-then-now"]')
    const changes = (kind: string) =>
      section()
        .findAll(`[data-change="${kind}"] li`)
        .map((li) => li.text().split('(')[0]?.trim())

    // The latest phase first on the network page: phase 2 began 2027-01-14.
    expect(section().attributes('data-phase')).toBe('2')
    expect(section().text()).toContain('Starten af fase 2 (14. januar 2027)')
    expect(changes('came')).toEqual(['Lene'])
    expect(changes('closer')).toEqual(['Mor'])
    expect(section().text()).toContain('Lidt kontakt → Tæt på')

    // Phase 1 (day 1, 2026-10-14): everyone came since.
    await wrapper.get('[data-test="then-now-phase-1"]').setValue(true)
    await eventually(() => {
      expect(section().attributes('data-phase')).toBe('1')
    })
    expect(changes('came')).toEqual(['Lene', 'Mor'])

    // The map "then" at phase 1 holds nobody who may be shown; never Sanne or Kim.
    for (const name of ['Sanne', 'Kim']) expect(section().text()).not.toContain(name)
    await section().get('[data-choice="then"]').trigger('click')
    await section().get('[data-choice="list"]').trigger('click')
    for (const name of ['Sanne', 'Kim', 'Mor']) expect(section().text()).not.toContain(`${name}\n`)
    expect(section().find('[data-test="network-map-list"] li').exists()).toBe(false)
  })
})
