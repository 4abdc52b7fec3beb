/**
 * The network screens as the citizen uses them: the list (grouped, private hidden until shown,
 * the one-time notice before a call) and the editor (checks beside the fields, closeness with
 * its day, "keep private" never shared, must-not-tell from her safety notes, delete with undo).
 */
import { describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { useRecordsStore } from '@/stores/records'
import type { Contact } from '@/schemas'
import { eventually, mountPlanApp, settled, type Records } from '../support/mount'
import { storePlan, freshAppEachTest } from '../support/fixtures'

freshAppEachTest()

const contacts = (): readonly Contact[] => useRecordsStore().byKind('contact')
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

const cardNames = (wrapper: VueWrapper) =>
  wrapper.findAll('[data-contact] .contact-card__name').map((n) => n.text())

describe('the network list', () => {
  it('groups by kind, hides private contacts until shown, and says once where calls show', async () => {
    const { wrapper } = await mountPlanApp({
      seed: async (records) => {
        await storePlan(records)
        await addContact(records, { name: 'Lene', networkKind: 'professional', phone: '70 12 34 56' })
        await addContact(records, { name: 'Mor', networkKind: 'family', phone: '+45 20 30 40 50' })
        await addContact(records, {
          name: 'Sanne',
          networkKind: 'friend',
          safety: { ...safety, keepPrivate: true },
        })
        return null
      },
      path: () => '/plan/network',
    })
    await settled(wrapper, 'Mit netværk')
    await settled(wrapper, 'Mor')
    expect(wrapper.findAll('section[data-test^="network-group-"] h2').map((h) => h.text())).toEqual([
      'Familie',
      'Fagfolk',
    ])
    expect(cardNames(wrapper)).toEqual(['Mor', 'Lene'])
    expect(wrapper.text()).not.toContain('Sanne')

    await wrapper.get('[data-test="network-reveal-private"]').trigger('click')
    await eventually(() => {
      expect(cardNames(wrapper)).toEqual(['Mor', 'Sanne', 'Lene'])
    })
    expect(wrapper.text()).toContain('Privat')

    const call = wrapper.get('[data-contact]:first-child [data-test="contact-call"]')
    expect(call.attributes('href')).toBe('tel:+4520304050')
    await call.trigger('click')
    await settled(wrapper, 'opkaldsliste')
    await wrapper.get('[data-test="call-notice-go"]').trigger('click')
    await eventually(() => {
      expect(wrapper.find('[data-test="call-notice"]').exists()).toBe(false)
    })
    // Said once: the next call goes straight through.
    await wrapper.get('[data-contact]:first-child [data-test="contact-call"]').trigger('click')
    expect(wrapper.find('[data-test="call-notice"]').exists()).toBe(false)
  })
})

describe('the contact editor', () => {
  it('says what is wrong beside the field, then adds a private contact with its closeness dated', async () => {
    const { wrapper } = await mountPlanApp({
      seed: (records) => storePlan(records),
      path: () => '/plan/network/new',
    })
    await settled(wrapper, 'Ny i netværket')
    await wrapper.get('#contact-phone').setValue('ring mig')
    await wrapper.get('[data-test="contact-form"]').trigger('submit')
    await settled(wrapper, 'Skriv et navn.')
    expect(wrapper.get('#contact-phone-error').text()).toContain('kun have tal')
    expect(contacts()).toEqual([])

    await wrapper.get('#contact-name').setValue('Sanne')
    await wrapper.get('#contact-kind').setValue('friend')
    await wrapper.get('#contact-phone').setValue('11 22 33 44')
    await wrapper.get('[data-test="closeness-close"]').setValue(true)
    await wrapper.get('[data-test="contact-private"]').setValue(true)
    await wrapper.get('[data-test="contact-form"]').trigger('submit')
    await eventually(() => {
      expect(contacts()).toHaveLength(1)
    })
    expect(contacts()[0]).toMatchObject({
      name: 'Sanne',
      networkKind: 'friend',
      phone: '11 22 33 44',
      closeness: 'close',
      closenessHistory: [{ on: '2026-11-23', closeness: 'close' }],
      shared: false,
      safety: { keepPrivate: true },
    })
  })

  it('moves focus to the first field with a problem in the order the form shows them', async () => {
    const { wrapper } = await mountPlanApp({
      seed: (records) => storePlan(records),
      path: () => '/plan/network/new',
    })
    await settled(wrapper, 'Ny i netværket')
    await wrapper.get('#contact-name').setValue('Sanne')
    // The role (shown after the phone) is too long, and the phone is not a number.
    await wrapper.get('#contact-role').setValue('x'.repeat(300))
    await wrapper.get('#contact-phone').setValue('ring mig')
    await wrapper.get('[data-test="contact-form"]').trigger('submit')
    await settled(wrapper, 'kun have tal')
    expect(wrapper.find('#contact-role-error').exists()).toBe(true)
    await eventually(() => {
      expect(document.activeElement?.id).toBe('contact-phone')
    })
    expect(contacts()).toEqual([])
  })

  it('lets a contact be told not to pass anything on to someone in her safety notes, and deletes with undo', async () => {
    const keptId = crypto.randomUUID()
    const { wrapper, seeded } = await mountPlanApp({
      seed: async (records) => {
        await storePlan(records, { safetyNotes: { keptSafeFrom: [{ id: keptId, name: 'K.' }] } })
        return addContact(records, { name: 'Naboen', networkKind: 'neighbour' })
      },
      path: (contact) => `/plan/network/${contact.id}`,
    })
    await settled(wrapper, 'Må ikke fortælle noget til K.')
    await wrapper.get(`#contact-must-not-tell-${keptId}`).setValue(true)
    await wrapper.get('[data-test="contact-form"]').trigger('submit')
    await settled(wrapper, 'Gemt.')
    expect(contacts()[0]?.safety.mustNotTell).toEqual([keptId])

    await wrapper.get('[data-test="contact-remove"]').trigger('click')
    await eventually(() => {
      expect(contacts()).toEqual([])
    })
    await settled(wrapper, 'Kontakten er slettet.')
    expect(useRecordsStore().recordsById.get(seeded.id)?.deleted).toBe(true)
  })
})
