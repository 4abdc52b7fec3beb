/**
 * Answering an instrument pack: one question per step with the pack's options, skip saves null
 * (not a zero), the review lists every answer, and the saved rating's score comes from the
 * scoring engine — or "not enough answers" where the pack's missing-answer rule refuses. The
 * worker's turn is stored as the worker's.
 */
import { describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { useRecordsStore } from '@/stores/records'
import { eventually, mountPlanApp, settled, type Records } from '../support/mount'
import { storePlan } from '../support/fixtures'
import { freshAppEachTest, packFixture } from './packFixture'

freshAppEachTest()

async function seed(records: Records): Promise<void> {
  await storePlan(records)
  const pack = JSON.parse(packFixture('valid-placeholder-five.json')) as unknown
  await records.create('instrumentPack', { pack: JSON.stringify(pack) })
}

const ratings = () => useRecordsStore().byKind('rating')

async function answer(wrapper: VueWrapper, values: readonly (number | null)[]): Promise<void> {
  for (const [index, value] of values.entries()) {
    await settled(wrapper, `Spørgsmål ${String(index + 1)} af 5`)
    if (value === null) {
      await wrapper.get('[data-test="pack-skip"]').trigger('click')
    } else {
      expect(wrapper.get('[data-test="pack-next"]').attributes('disabled')).toBeDefined()
      await wrapper.get(`[data-test="pack-option-${String(value)}"]`).setValue(true)
      await wrapper.get('[data-test="pack-next"]').trigger('click')
    }
  }
  await settled(wrapper, 'Dine svar')
}

async function open(query = '') {
  const mounted = await mountPlanApp({ seed, path: () => `/plan/ratings/pack/placeholderFive${query}` })
  await settled(mounted.wrapper, 'Pladsholder-skema (da)')
  return mounted.wrapper
}

describe('answering an instrument pack', () => {
  it('asks each question with its options and recall period, and scores the answers', async () => {
    const wrapper = await open()
    expect(wrapper.get('[data-test="pack-recall"]').text()).toBe('Tænk på: Placeholder recall period (da)')
    expect(wrapper.get('[data-test="pack-step"]').text()).toContain('Placeholder question 1 (da)')
    expect(wrapper.findAll('[data-test="pack-step"] input[type="radio"]')).toHaveLength(6)
    expect(wrapper.get('[data-test="pack-respondent"]').text()).toBe('Du svarer selv.')
    await answer(wrapper, [5, 4, 3, 2, 2])
    expect(wrapper.findAll('[data-test="pack-review-item"]')).toHaveLength(5)
    expect(wrapper.get('[data-test="pack-review"]').text()).toContain('Placeholder option 4 (da)')
    // The course of the fixture plan is in its contact period on NOW.
    expect(wrapper.get<HTMLInputElement>('#pack-stage-contact').element.checked).toBe(true)
    await wrapper.get('[data-test="pack-review"]').trigger('submit')
    await settled(wrapper, 'Svarene er gemt.')
    expect(ratings()).toHaveLength(1)
    expect(ratings()[0]).toMatchObject({
      respondent: 'citizen',
      stage: 'contact',
      content: {
        type: 'pack',
        packId: 'placeholderFive',
        packVersion: '1.0.0',
        answers: { item1: 5, item2: 4, item3: 3, item4: 2, item5: 2 },
      },
    })
    const done = wrapper.get('[data-test="pack-done"]')
    expect(done.get('[data-test="pack-score-value"]').text()).toBe('64 (fra 0 til 100)')
    expect(done.text()).toContain('Et højere tal er bedre.')
    expect(done.get('[data-test="pack-licence"]').text()).toContain('Pladsholder: licensnote.')
    // Listed among the earlier answers with its score.
    expect(wrapper.findAll('[data-test="pack-history-item"]')).toHaveLength(1)
    expect(wrapper.get('[data-test="pack-history"]').text()).toContain('64 (fra 0 til 100)')
  })

  it('saves a skipped item as null and says there are not enough answers to score', async () => {
    const wrapper = await open('?respondent=worker')
    expect(wrapper.get('[data-test="pack-respondent"]').text()).toContain('Din CTI-medarbejder svarer.')
    await answer(wrapper, [5, null, 3, 2, 2])
    expect(wrapper.get('[data-test="pack-review"]').text()).toContain('Sprunget over')
    // Changing an answer goes back to its question and keeps the others.
    await wrapper.get('[data-test="pack-change-item3"]').trigger('click')
    await settled(wrapper, 'Spørgsmål 3 af 5')
    expect(wrapper.get<HTMLInputElement>('[data-test="pack-option-3"]').element.checked).toBe(true)
    await wrapper.get('[data-test="pack-option-1"]').setValue(true)
    await wrapper.get('[data-test="pack-next"]').trigger('click')
    await wrapper.get('[data-test="pack-next"]').trigger('click')
    await wrapper.get('[data-test="pack-next"]').trigger('click')
    await settled(wrapper, 'Dine svar')
    await wrapper.get('[data-test="pack-review"]').trigger('submit')
    await settled(wrapper, 'Svarene er gemt.')
    await eventually(() => {
      expect(ratings()).toHaveLength(1)
    })
    expect(ratings()[0]).toMatchObject({
      respondent: 'worker',
      content: { answers: { item1: 5, item2: null, item3: 1, item4: 2, item5: 2 } },
    })
    expect(wrapper.get('[data-test="pack-done"] [data-test="pack-score-not-enough"]').text()).toBe(
      'Der er ikke svar nok til at regne et resultat ud.',
    )
  })

  it('says a pack that is not on the phone is not there', async () => {
    const mounted = await mountPlanApp({ seed, path: () => '/plan/ratings/pack/nothingHere' })
    await settled(mounted.wrapper, 'Tilbage til spørgeskemaerne')
    expect(mounted.wrapper.find('[data-test="pack-step"]').exists()).toBe(false)
  })
})
