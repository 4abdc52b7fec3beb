/**
 * The life-area rating flow as the citizen and her worker use it on one phone (issue #13): a
 * number with a note, a skip and a "does not fit me", the review with a change, one record
 * saved; the worker's turn starting empty and saved as the worker's; "not now" declining; the
 * answers kept through a language switch; a dimension switched off not asked; and the overview
 * and Home's nudge reading the records back.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import { setLocale } from '@/app/i18n'
import { deleteDatabase } from '@/data/db'
import { statusOf, planCourseOn } from '@/domain/course'
import { currentPlan } from '@/domain/planOnDevice'
import RatingsHomeNudge from '@/features/ratings/RatingsHomeNudge.vue'
import { respondentQuery } from '@/features/ratings/useRatings'
import type { CourseStatus } from '@/domain/phases'
import type { Plan, Rating } from '@/schemas'
import { useRecordsStore } from '@/stores/records'
import { useVaultStore } from '@/stores/vault'
import { day } from '../../factories/records'
import { NOW, storePlan } from '../support/fixtures'
import {
  Host,
  eventually,
  mountApp,
  mountInApp,
  mountPlanApp,
  settled,
  unmountAll,
  type Records,
} from '../support/mount'

/** A stand-in for the progress screen's route (ratechart's branch). */
const progressRoute = {
  path: '/plan/ratings/progress',
  name: 'ratingsProgress',
  component: defineComponent({ render: () => h('p', 'progress') }),
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
  await deleteDatabase()
})

afterEach(async () => {
  unmountAll()
  useVaultStore().close()
  vi.useRealTimers()
  await setLocale('da')
})

// A woman leaving a shelter, in the contact period's window on 23 November 2026: ten dimensions.
const shelterPlan = (records: Records, fields: Partial<Plan> = {}) =>
  storePlan(records, { targetGroup: 'shelter', ...fields })

const ratings = (): readonly Rating[] => useRecordsStore().byKind('rating')

async function openFlow(path = '/plan/ratings/new', fields: Partial<Plan> = {}) {
  const app = await mountPlanApp({ seed: (records) => shelterPlan(records, fields), path: () => path })
  await eventually(() => {
    expect(app.wrapper.find('[data-test="rating-start"]').exists()).toBe(true)
  })
  return app
}

const stepOf = (wrapper: VueWrapper) => wrapper.get('.rating-flow').attributes('data-step')

async function click(wrapper: VueWrapper, test: string): Promise<void> {
  await wrapper.get(`[data-test="${test}"]`).trigger('click')
  await eventually(() => undefined)
}

async function choose(wrapper: VueWrapper, value: number): Promise<void> {
  await wrapper.get(`[data-test="rating-value-${String(value)}"]`).setValue(true)
}

describe('the rating flow', () => {
  it('saves a number with its note, a skip and a "does not fit me" as one rating of the open stage', async () => {
    const { wrapper } = await openFlow()
    expect(wrapper.get('[data-test="rating-stage"]').text()).toContain('Kontaktperioden')
    await click(wrapper, 'rating-start')
    expect(stepOf(wrapper)).toBe('safety')
    expect(wrapper.get('[data-test="rating-progress"]').text()).toBe('1 af 10')
    // The question and what the two ends mean are on the screen.
    expect(wrapper.text()).toContain('Hvor tryg og sikker føler du dig?')
    await choose(wrapper, 7)
    await wrapper.get('#rating-note-safety').setValue('En lås på døren')
    await click(wrapper, 'rating-next')
    expect(stepOf(wrapper)).toBe('selfCare')
    expect(wrapper.get('[data-test="rating-progress"]').text()).toBe('2 af 10')
    await click(wrapper, 'rating-skip')
    expect(stepOf(wrapper)).toBe('network')
    await click(wrapper, 'rating-not-applicable')
    expect(stepOf(wrapper)).toBe('physicalHealth')
    // Back keeps what was answered: the skip shows as a skip, not as a number.
    await click(wrapper, 'rating-back')
    await click(wrapper, 'rating-back')
    expect(stepOf(wrapper)).toBe('selfCare')
    expect(wrapper.get('[data-test="rating-marked"]').text()).toBe('Sprunget over')
    expect(wrapper.findAll('input[type="radio"]:checked')).toHaveLength(0)
    await click(wrapper, 'rating-back')
    expect(wrapper.get<HTMLInputElement>('[data-test="rating-value-7"]').element.checked).toBe(true)
    expect(wrapper.get<HTMLTextAreaElement>('#rating-note-safety').element.value).toBe('En lås på døren')
    for (let step = 0; step < 10; step += 1) await click(wrapper, 'rating-next')
    expect(stepOf(wrapper)).toBe('review')

    const answers = (): Record<string, string> =>
      Object.fromEntries(
        wrapper
          .findAll('.rating-review [data-dimension]')
          .map((row) => [
            row.attributes('data-dimension') ?? '',
            row.get('[data-test="rating-answer"]').text(),
          ]),
      )
    expect(answers()).toMatchObject({
      safety: '7 af 10',
      selfCare: 'Sprunget over',
      network: 'Passer ikke',
      housing: 'Sprunget over',
    })
    expect(wrapper.get('.rating-review [data-test="rating-note"]').text()).toContain('En lås på døren')

    // A change from the review goes back to the review.
    await click(wrapper, 'rating-change-housing')
    expect(stepOf(wrapper)).toBe('housing')
    await choose(wrapper, 3)
    await click(wrapper, 'rating-next')
    expect(stepOf(wrapper)).toBe('review')
    expect(answers().housing).toBe('3 af 10')

    await wrapper.get('form.rating-review').trigger('submit')
    await settled(wrapper, 'Tak. Din vurdering er gemt.')
    expect(ratings()).toHaveLength(1)
    const [saved] = ratings()
    expect(saved).toMatchObject({ respondent: 'citizen', stage: 'contact', date: '2026-11-23' })
    expect(saved?.content).toEqual({
      type: 'lifeAreas',
      values: {
        safety: { answer: 7, oneStepBetter: 'En lås på døren' },
        selfCare: { answer: 'skipped' },
        network: { answer: 'notApplicable' },
        physicalHealth: { answer: 'skipped' },
        mentalHealth: { answer: 'skipped' },
        housing: { answer: 3 },
        economy: { answer: 'skipped' },
        educationWork: { answer: 'skipped' },
        children: { answer: 'skipped' },
        substanceUse: { answer: 'skipped' },
      },
    })
    expect(wrapper.find('[data-test="rating-hand-to-worker"]').exists()).toBe(true)
  })

  it("hands the phone to the worker: the worker's turn starts empty, asks the worker's question and saves as the worker", async () => {
    const { wrapper, router } = await openFlow()
    await click(wrapper, 'rating-start')
    await choose(wrapper, 9)
    await click(wrapper, 'rating-next')
    for (let step = 1; step < 10; step += 1) await click(wrapper, 'rating-skip')
    await wrapper.get('form.rating-review').trigger('submit')
    await settled(wrapper, 'Tak. Din vurdering er gemt.')

    await click(wrapper, 'rating-hand-to-worker')
    await eventually(() => {
      expect(router.currentRoute.value.query.respondent).toBe('worker')
      expect(wrapper.find('[data-test="rating-start"]').exists()).toBe(true)
    })
    expect(wrapper.get('h1').text()).toBe('Medarbejderens vurdering')
    expect(wrapper.text()).toContain('Borgerens svar bliver ikke vist her.')
    await click(wrapper, 'rating-start')
    // Independent: the citizen's 9 is not shown to the worker.
    expect(wrapper.findAll('input[type="radio"]:checked')).toHaveLength(0)
    expect(wrapper.text()).toContain('Hvor tryg og sikker vurderer du, at borgeren er?')
    expect(wrapper.get('[data-test="rating-not-applicable"]').text()).toBe('Passer ikke på borgeren')
    await choose(wrapper, 5)
    await click(wrapper, 'rating-next')
    for (let step = 1; step < 10; step += 1) await click(wrapper, 'rating-next')
    await wrapper.get('form.rating-review').trigger('submit')
    await settled(wrapper, 'Tak. Medarbejderens vurdering er gemt.')
    expect(wrapper.get('[data-test="rating-hand-back"]').text()).toBe('Giv telefonen tilbage til borgeren.')

    const worker = ratings().find((rating) => rating.respondent === 'worker')
    expect(worker).toMatchObject({ stage: 'contact', date: '2026-11-23' })
    expect(worker?.content?.type === 'lifeAreas' && worker.content.values.safety).toEqual({ answer: 5 })
    expect(ratings().find((rating) => rating.respondent === 'citizen')?.content).toMatchObject({
      values: { safety: { answer: 9 } },
    })
  })

  it('"not now" declines the stage: a rating without content, so Home stops asking', async () => {
    const { wrapper } = await openFlow()
    await click(wrapper, 'rating-decline')
    await settled(wrapper, 'Vurderingen er sprunget over denne gang.')
    expect(ratings()).toHaveLength(1)
    expect(ratings()[0]).toMatchObject({ respondent: 'citizen', stage: 'contact', content: null })
  })

  it('keeps the answers through a language switch mid-flow', async () => {
    const { wrapper } = await openFlow()
    await click(wrapper, 'rating-start')
    await choose(wrapper, 4)
    await wrapper.get('#rating-note-safety').setValue('Mere ro')
    await setLocale('en')
    await eventually(() => {
      expect(wrapper.get('[data-test="rating-progress"]').text()).toBe('1 of 10')
    })
    expect(wrapper.get<HTMLInputElement>('[data-test="rating-value-4"]').element.checked).toBe(true)
    expect(wrapper.get<HTMLTextAreaElement>('#rating-note-safety').element.value).toBe('Mere ro')
    await click(wrapper, 'rating-next')
    await setLocale('ar')
    await click(wrapper, 'rating-back')
    expect(wrapper.get<HTMLInputElement>('[data-test="rating-value-4"]').element.checked).toBe(true)
  })

  it('does not ask about a dimension switched off', async () => {
    const { wrapper } = await openFlow('/plan/ratings/new', { ratingDimensionsOff: ['children'] })
    await click(wrapper, 'rating-start')
    expect(wrapper.get('[data-test="rating-progress"]').text()).toBe('1 af 9')
    for (let step = 0; step < 9; step += 1) await click(wrapper, 'rating-next')
    expect(stepOf(wrapper)).toBe('review')
    expect(wrapper.find('.rating-review [data-dimension="children"]').exists()).toBe(false)
  })

  it('reads a bad respondent in the address as the citizen', async () => {
    expect(respondentQuery('worker')).toBe('worker')
    expect(respondentQuery('boss')).toBe('citizen')
    expect(respondentQuery(['worker'])).toBe('citizen')
    const { wrapper } = await openFlow('/plan/ratings/new?respondent=boss')
    expect(wrapper.get('h1').text()).toBe('Hvordan går det?')
  })
})

describe('the ratings overview', () => {
  it('lists the ratings by stage and who rated, opens one read-only, and switches the children off without deleting', async () => {
    const { wrapper } = await mountApp({
      // The progress screen is another branch's; a stand-in of its route shows the link.
      stubRoutes: [progressRoute],
      before: async () => {
        await useVaultStore().open()
        const records = useRecordsStore()
        await shelterPlan(records)
        await records.create('rating', {
          respondent: 'citizen',
          stage: 'contact',
          date: day('2026-10-01'),
          content: {
            type: 'lifeAreas',
            values: {
              safety: { answer: 4, oneStepBetter: 'En lås' },
              children: { answer: 6 },
              economy: { answer: 'skipped' },
              housing: { answer: 'notApplicable' },
            },
          },
        })
        await records.create('rating', {
          respondent: 'worker',
          stage: 'contact',
          date: day('2026-10-02'),
          content: null,
        })
      },
      path: '/plan/ratings',
    })
    await eventually(() => {
      expect(wrapper.findAll('[data-test="ratings-entry"]')).toHaveLength(2)
    })
    // Both have settled the contact period: nothing due.
    expect(wrapper.find('[data-test="ratings-nothing-due"]').exists()).toBe(true)
    const [citizen, worker] = wrapper.findAll('[data-test="ratings-entry"]')
    expect(citizen?.text()).toContain('Din vurdering')
    expect(worker?.text()).toContain('Medarbejderens vurdering')
    expect(worker?.text()).toContain('Sprunget over denne gang')
    expect(citizen?.get('[data-test="ratings-counts"]').text()).toBe(
      'Besvaret: 2 · Sprunget over: 1 · Passer ikke: 1',
    )
    const answers = citizen?.findAll('[data-test="rating-answer"]').map((answer) => answer.text())
    expect(answers).toEqual(['4 af 10', 'Passer ikke', 'Sprunget over', '6 af 10'])
    expect(citizen?.get('[data-test="rating-note"]').text()).toContain('En lås')
    expect(wrapper.get('[data-test="ratings-progress-link"]').attributes('href')).toBe(
      '/plan/ratings/progress',
    )
    expect(wrapper.get('[data-test="ratings-progress-link"]').text()).toBe('Se udviklingen')

    await wrapper.get('[data-test="rating-off-children"]').setValue(true)
    await eventually(() => {
      expect(currentPlan(useRecordsStore().byKind('plan'))?.ratingDimensionsOff).toEqual(['children'])
    })
    // The answer given about the children stays.
    expect(ratings().find((rating) => rating.respondent === 'citizen')?.content).toMatchObject({
      values: { children: { answer: 6 } },
    })
    await wrapper.get('[data-test="rating-off-children"]').setValue(false)
    await eventually(() => {
      expect(currentPlan(useRecordsStore().byKind('plan'))?.ratingDimensionsOff).toEqual([])
    })
  })
})

describe("Home's due nudge", () => {
  it('asks while the open stage has no rating of hers, links to the flow, and is gone once she declined', async () => {
    const course: { status: CourseStatus | null } = { status: null }
    const wrapper = await mountInApp(Host, {
      route: '/',
      before: async () => {
        await useVaultStore().open()
        const records = useRecordsStore()
        await shelterPlan(records)
        course.status = statusOf(planCourseOn(currentPlan(records.byKind('plan')), day('2026-11-23')))
      },
      props: {
        content: () => (course.status === null ? null : h(RatingsHomeNudge, { status: course.status })),
      },
    })
    await eventually(() => {
      expect(wrapper.find('[data-test="ratings-due"]').exists()).toBe(true)
    })
    expect(wrapper.text()).toContain('Det er tid til at vurdere, hvordan det går')
    expect(wrapper.get('[data-test="ratings-due-go"]').attributes('href')).toContain('/plan/ratings/new')

    await useRecordsStore().create('rating', {
      respondent: 'citizen',
      stage: 'contact',
      date: day('2026-11-23'),
      content: null,
    })
    await eventually(() => {
      expect(wrapper.find('[data-test="ratings-due"]').exists()).toBe(false)
    })
  })
})
