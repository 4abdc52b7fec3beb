/**
 * The handover editor as the citizen uses it: a line per open goal and open step (reached goals
 * and done steps are not asked about), owners from the network without private contacts, a
 * service she names, a need in her own words, and the long-term plan with the final meeting —
 * every choice read back from the store.
 */
import { describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { useRecordsStore } from '@/stores/records'
import type { Contact } from '@/schemas'
import { currentPlan } from '@/domain/planOnDevice'
import { eventually, mountPlanApp, settled, type Records } from '../support/mount'
import { storePlan, freshAppEachTest } from '../support/fixtures'

freshAppEachTest()

const safety = { keepPrivate: false, hideAddress: false, mustNotTell: [] }
function addContact(records: Records, name: string, keepPrivate = false): Promise<Contact> {
  return records.create('contact', {
    name,
    networkKind: 'family',
    focusAreaIds: [],
    goalIds: [],
    closeness: 'close',
    closenessHistory: [],
    safety: { ...safety, keepPrivate },
  })
}

async function seed(records: Records) {
  await storePlan(records)
  const area = await records.create('focusArea', { catalogKey: 'housing', phases: [1], order: 0 })
  const goal = await records.create('goal', {
    focusAreaId: area.id,
    title: 'Min egen bolig',
    status: 'onTheWay',
    order: 0,
  })
  await records.create('goal', { focusAreaId: area.id, title: 'Nået mål', status: 'reached', order: 1 })
  const rent = await records.create('subGoal', {
    goalId: goal.id,
    title: 'Betale husleje',
    done: false,
    order: 0,
  })
  await records.create('subGoal', {
    goalId: goal.id,
    title: 'Købe en seng',
    done: true,
    doneAt: undefined,
    order: 1,
  })
  const mor = await addContact(records, 'Mor')
  await addContact(records, 'Sanne', true)
  return { goal, rent, mor }
}

const lineOf = (wrapper: VueWrapper, title: string) => {
  const line = wrapper
    .findAll('[data-test="handover-line"]')
    .find((li) => li.attributes('data-subject') === title)
  if (line === undefined) throw new Error(`no line ${title}`)
  return line
}
const items = () => useRecordsStore().byKind('handoverItem')

describe('the handover editor', () => {
  it('asks about open goals and steps, offers the network without private contacts, and saves', async () => {
    const { wrapper, seeded } = await mountPlanApp({ seed, path: () => '/plan/handover' })
    await settled(wrapper, 'Hvem tager over, når forløbet slutter?')
    await settled(wrapper, 'Betale husleje')
    expect(wrapper.findAll('[data-test="handover-line"]').map((li) => li.attributes('data-subject'))).toEqual(
      ['Min egen bolig', 'Betale husleje'],
    )
    expect(wrapper.text()).not.toContain('Nået mål')
    expect(wrapper.text()).not.toContain('Købe en seng')
    expect(wrapper.get('[data-test="handover-unowned"]').text()).toBe(
      '2 ting mangler stadig én, der tager over.',
    )

    // The step: someone from the network. A private contact is never offered.
    await lineOf(wrapper, 'Betale husleje').get('[data-test="handover-line-open"]').trigger('click')
    const rentLine = lineOf(wrapper, 'Betale husleje')
    // The button gives way to the form: focus goes to its first question, not to the page's top.
    await eventually(() => {
      expect(document.activeElement?.id).toBe(`handover-${seeded.rent.id}-owner-none`)
    })
    await rentLine.get('[data-test="owner-contact"]').setValue(true)
    const select = rentLine.get('select[data-test="owner-contact-choice"]')
    expect(select.findAll('option').map((o) => o.text())).toEqual(['Vælg en person', 'Mor'])
    // Saving without choosing says what is missing.
    await rentLine.get('[data-test="handover-line-form"]').trigger('submit')
    await settled(wrapper, 'Skriv noget her.')
    expect(items()).toEqual([])
    await select.setValue(seeded.mor.id)
    await rentLine.get('[data-test="status-agreed"]').setValue(true)
    await rentLine.get('input[type="date"]').setValue('2027-06-01')
    await rentLine.get('[data-test="handover-line-form"]').trigger('submit')
    await eventually(() => {
      expect(items()).toHaveLength(1)
    })
    expect(items()[0]).toMatchObject({
      about: { kind: 'subGoal', id: seeded.rent.id },
      owner: { kind: 'contact', contactId: seeded.mor.id },
      status: 'agreed',
      from: '2027-06-01',
    })
    await eventually(() => {
      expect(lineOf(wrapper, 'Betale husleje').get('[data-test="handover-line-owner"]').text()).toBe(
        'Tager over: Mor',
      )
    })
    // Saved and closed: focus back on the line's button.
    expect(document.activeElement?.id).toBe(`handover-${seeded.rent.id}-open`)
    // Its only open step has someone, so the goal is covered too.
    expect(wrapper.get('[data-test="handover-unowned"]').text()).toBe('Alt har én, der tager over.')
    expect(lineOf(wrapper, 'Min egen bolig').get('[data-test="handover-line-owner"]').text()).toBe(
      'Trinene har hver én, der tager over.',
    )

    // A need in her own words, taken over by a service she names.
    await wrapper.get('#handover-need-new').setValue('Hjælp til post')
    await wrapper.get('[data-test="handover-need-form"]').trigger('submit')
    await settled(wrapper, '1 ting mangler stadig én, der tager over.')
    const need = lineOf(wrapper, 'Hjælp til post')
    await need.get('[data-test="handover-line-open"]').trigger('click')
    await lineOf(wrapper, 'Hjælp til post').get('[data-test="owner-service"]').setValue(true)
    await lineOf(wrapper, 'Hjælp til post')
      .get('input[data-test="owner-service-name"]')
      .setValue('§85 bostøtte')
    await lineOf(wrapper, 'Hjælp til post').get('[data-test="handover-line-form"]').trigger('submit')
    await settled(wrapper, 'Tager over: §85 bostøtte')
    expect(items().find((item) => item.about.kind === 'need')).toMatchObject({
      about: { kind: 'need', text: 'Hjælp til post' },
      owner: { kind: 'service', name: '§85 bostøtte' },
    })
    expect(wrapper.get('[data-test="handover-unowned"]').text()).toBe('Alt har én, der tager over.')
  })

  it('keeps the long-term plan and the final meeting on the plan, inviting only non-private contacts', async () => {
    const { wrapper, seeded } = await mountPlanApp({ seed, path: () => '/plan/handover' })
    await settled(wrapper, 'Det sidste netværksmøde')
    const invites = wrapper.findAll('[data-test="meeting-invite"]')
    expect(invites.map((box) => wrapper.get(`label[for="${box.attributes('id')}"]`).text())).toEqual(['Mor'])
    expect(wrapper.text()).toContain('Gem en dato for mødet.')

    await wrapper.get('#handover-longTerm').setValue('Holde fast i min bolig')
    await wrapper.get('#handover-meetingTime').setValue('14:00')
    await wrapper.get('[data-test="handover-plan-form"]').trigger('submit')
    await settled(wrapper, 'Vælg også en dato')
    await wrapper.get('#handover-meetingDate').setValue('2027-07-01')
    await invites[0]?.setValue(true)
    await wrapper.get('#handover-agenda').setValue('Hvem gør hvad')
    await wrapper.get('[data-test="handover-plan-form"]').trigger('submit')
    await eventually(() => {
      expect(currentPlan(useRecordsStore().byKind('plan'))?.handover).toEqual({
        longTerm: 'Holde fast i min bolig',
        meeting: { date: '2027-07-01', time: '14:00', invited: [seeded.mor.id], agenda: 'Hvem gør hvad' },
      })
    })
    await settled(wrapper, 'I kalenderen står der kun «Aftale».')
    expect(wrapper.find('[data-test="meeting-calendar-download"]').exists()).toBe(true)
  })
})
