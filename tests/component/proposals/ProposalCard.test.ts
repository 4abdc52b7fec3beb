/**
 * Her proposal card (src/features/proposals/ProposalCard.vue) in interpreter mode: every message
 * on the card — the kind, each field's name, a date, a status, "done" — shows in both languages,
 * each written in its own way, while her own words and the worker's stay as they were written.
 * Before, the field names and values were made with `t()` and showed in the first language only.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { setLocale } from '@/app/i18n'
import { asHlc } from '@/domain/clock'
import { editProposal, newRecordProposal } from '@/domain/proposals'
import ProposalCard from '@/features/proposals/ProposalCard.vue'
import { parseRecord, type Proposal } from '@/schemas'
import { usePreferencesStore } from '@/stores/preferences'
import { FACTORY_WORKER, makeGoal, makeSubGoal, newId } from '../../factories/records'
import { mountInApp, unmountAll } from '../support/mount'

const made = () => ({
  id: newId(),
  author: FACTORY_WORKER,
  stamp: asHlc('2026-11-24T08:00:00.000Z-0000-00000000000000a1'),
  comment: 'Skal vi rykke den?',
})

const subGoal = makeSubGoal({ title: 'Ring til boligkontoret', shared: true, done: false })

function cardOf(proposal: Proposal, records = [subGoal]) {
  return mountInApp(ProposalCard, {
    props: { proposal, records, acceptable: true, workerName: null, busy: false },
  })
}

afterEach(async () => {
  unmountAll()
  await setLocale('da')
})

describe('ProposalCard in interpreter mode', () => {
  it('writes field names and values in both languages, her words once', async () => {
    const proposal = parseRecord(editProposal(subGoal, { done: true, due: '2027-03-14' }, made())) as Proposal
    const card = await cardOf(proposal)
    await usePreferencesStore().setInterpreterLocale('en')
    await nextTick()

    const text = card.text()
    // The kind inside the heading, in each line's own language.
    expect(text).toContain('Ændring: delmål')
    expect(text).toContain('Change: step')
    // Field names.
    expect(text).toContain('Gjort')
    expect(text).toMatch(/Done/)
    // A date, written per language.
    expect(text).toContain('14. marts 2027')
    expect(text).toMatch(/March 14, 2027|14 March 2027/)
    // Her own words and the worker's, once.
    expect(text.split('Ring til boligkontoret')).toHaveLength(2)
    expect(text.split('Skal vi rykke den?')).toHaveLength(2)
    // Every message on the card has its second line.
    const seconds = card.findAll('.tx__second')
    expect(seconds.length).toBeGreaterThanOrEqual(8)
    for (const second of seconds) expect(second.attributes('lang')).toBe('en')
  })

  it('shows a goal status by its name in both languages', async () => {
    const goal = makeGoal({ title: 'Egen bolig', shared: true, status: 'notStarted' })
    const proposal = parseRecord(editProposal(goal, { status: 'onTheWay' }, made())) as Proposal
    const card = await cardOf(proposal, [goal] as never)
    await usePreferencesStore().setInterpreterLocale('en')
    await nextTick()

    const proposed = card.get('[data-test="proposal-proposed"]')
    expect(proposed.find('.tx__primary').text()).not.toBe('')
    expect(proposed.find('.tx__second').text()).not.toBe(proposed.find('.tx__primary').text())
  })

  it('shows a new thing: what the worker called it, once; its kind in both languages', async () => {
    const goal = makeGoal({ title: 'Egen bolig', shared: true })
    const proposal = parseRecord(
      newRecordProposal('activity', newId(), { title: 'Besøg boligkontoret', goalId: goal.id }, made()),
    ) as Proposal
    const card = await cardOf(proposal, [goal] as never)
    await usePreferencesStore().setInterpreterLocale('en')
    await nextTick()

    expect(card.text()).toContain('Noget nyt: aktivitet')
    expect(card.text()).toContain('Something new: activity')
    expect(card.text().split('Besøg boligkontoret')).toHaveLength(3) // heading, and the title field
  })
})
