import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type DOMWrapper } from '@vue/test-utils'
import { deleteDatabase } from '@/data/db'
import { useVaultStore } from '@/stores/vault'
import type { DimensionAnswer, FocusAreaCatalogKey, Plan, Rating } from '@/schemas'
import { numberFormat } from '@/app/i18n/numberFormat'
import { day } from '../../factories/records'
import { citizenNow, citizenStart, lifeAreaValues, workerStart } from '../../fixtures/ratingAnswers'
import { eventually, mountPlanApp, settled, type MountedApp, type Records } from '../support/mount'

// Day 1 on 14 October 2026 (contact period from 23 September).
const NOW = new Date('2026-12-22T12:00:00Z')

/** What `wrapper.get` gives. */
type Found = Omit<DOMWrapper<Element>, 'exists'>
type Answers = Partial<Record<FocusAreaCatalogKey, DimensionAnswer>>

/** A shelter course on the device. */
function seedPlan(records: Records, fields: Partial<Plan> = {}) {
  return records.create('plan', {
    targetGroup: 'shelter',
    contactStart: day('2026-09-23'),
    transitionDate: day('2026-10-14'),
    pauses: [],
    restarts: [],
    instruments: [],
    worker: { name: 'Mette' },
    ...fields,
  })
}

async function seed(records: Records) {
  await seedPlan(records)
  const rate = (respondent: Rating['respondent'], stage: Rating['stage'], date: string, answers: Answers) =>
    records.create('rating', {
      respondent,
      stage,
      date: day(date),
      content: { type: 'lifeAreas', values: lifeAreaValues(answers) },
    })
  await rate('citizen', 'contact', '2026-09-25', citizenStart)
  await rate('worker', 'contact', '2026-09-25', workerStart)
  await rate('citizen', 'phase1', '2026-12-20', citizenNow)
  // Neither an instrument pack's answers nor a declined rating is drawn.
  await records.create('rating', {
    respondent: 'citizen',
    stage: 'phase1',
    date: day('2026-12-21'),
    content: { type: 'pack', packId: 'who5', packVersion: '1', answers: {} },
  })
  await records.create('rating', {
    respondent: 'worker',
    stage: 'phase1',
    date: day('2026-12-21'),
    content: null,
  })
}

let app: MountedApp | undefined
beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
  await deleteDatabase()
})
afterEach(() => {
  app?.wrapper.unmount()
  app = undefined
  useVaultStore().close()
  vi.useRealTimers()
})

async function open(locale: 'da' | 'ar' = 'da', path = '/plan/ratings/progress') {
  app = await mountPlanApp({ seed: (records) => seed(records), path: () => path, locale })
  await eventually(() => {
    expect(app?.wrapper.find('[data-test="rating-radar"]').exists()).toBe(true)
  })
  return app.wrapper
}

/** Each drawn value of the star by series and key, read back from its marker's place. */
function starValues(radar: Found): Record<string, Record<string, number>> {
  const radius = Number(radar.get('[data-test="rating-radar-drawing"]').attributes('data-radius'))
  const values: Record<string, Record<string, number>> = {}
  for (const group of radar.findAll('[data-series]')) {
    const series = (values[group.attributes('data-series') ?? ''] = {} as Record<string, number>)
    for (const marker of group.findAll('path[data-key]')) {
      const x = Number(marker.attributes('data-x'))
      const y = Number(marker.attributes('data-y'))
      series[marker.attributes('data-key') ?? ''] = Math.round((Math.hypot(x, y) / radius) * 10 * 1e6) / 1e6
    }
  }
  return values
}

/** The star table's cells by column (a, b) and key. */
function tableValues(radar: Found): Record<string, Record<string, string>> {
  const values: Record<string, Record<string, string>> = { a: {}, b: {} }
  for (const row of radar.findAll('[data-test="rating-radar-table"] tbody tr')) {
    for (const cell of row.findAll('td'))
      (values[cell.attributes('data-column') ?? ''] ??= {})[row.attributes('data-key') ?? ''] = cell.text()
  }
  return values
}

/** What the table must say for each answer: the number in the language's digits, or words. */
function expectedCells(
  answers: Answers,
  locale: string,
  words: Record<string, string>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(answers).map(([key, answer]) => [
      key,
      typeof answer === 'number' ? numberFormat(locale).format(answer) : (words[answer] ?? answer),
    ]),
  )
}
const danish = { skipped: 'sprunget over', notApplicable: 'passer ikke' }

describe('the progress screen', () => {
  it('starts with start and now: the star and its table hold the same numbers, skipped is no zero', async () => {
    const wrapper = await open()
    expect(wrapper.text()).toContain('Sådan har det udviklet sig')
    const radar = wrapper.get('[data-test="rating-radar"]')
    expect((wrapper.get('#rating-compare-startNow').element as HTMLInputElement).checked).toBe(true)
    const drawn = starValues(radar)
    const numbers = (answers: Answers) =>
      Object.fromEntries(
        Object.entries(answers).filter((entry): entry is [string, number] => typeof entry[1] === 'number'),
      )
    expect(drawn).toEqual({ a: numbers(citizenStart), b: numbers(citizenNow) })
    expect(tableValues(radar)).toEqual({
      a: expectedCells(citizenStart, 'da', danish),
      b: expectedCells(citizenNow, 'da', danish),
    })
    // The columns are named by who and when; the legend by stage, who and date.
    const headings = radar.findAll('[data-test="rating-radar-table"] thead th').map((cell) => cell.text())
    expect(headings).toEqual(['Område', 'Dig, 25. sep. 2026', 'Dig, 20. dec. 2026'])
    expect(radar.text()).toContain('Slutningen af fase 1, dig, 20. dec. 2026')
    // Start and now is no dialogue between two people: nothing to talk about.
    expect(radar.find('[data-talk]').exists()).toBe(false)
    expect(radar.find('[data-test="talk-about"]').exists()).toBe(false)
    // The drawing is one image with a short name; the table is its equivalent.
    expect(radar.get('svg[role="img"]').attributes('aria-label')).toContain('De samme tal står i tabellen')
  })

  it('you and your worker: a difference of 3 or more is something to talk about, in the star and the table', async () => {
    const wrapper = await open()
    await wrapper.get('#rating-compare-citizenWorker').setValue(true)
    await flushPromises()
    const radar = wrapper.get('[data-test="rating-radar"]')
    expect(starValues(radar)).toEqual({
      a: expect.objectContaining({ safety: 3, housing: 2, network: 2 }) as unknown,
      b: expect.objectContaining({ safety: 7, housing: 6, network: 3, economy: 4 }) as unknown,
    })
    expect(tableValues(radar)).toEqual({
      a: expectedCells(citizenStart, 'da', danish),
      b: expectedCells(workerStart, 'da', danish),
    })
    // Safety 3 and 7, housing 2 and 6: both marked; network (1 apart) and economy (she skipped) not.
    expect(radar.findAll('[data-talk]').map((mark) => mark.attributes('data-talk'))).toEqual([
      'safety',
      'housing',
    ])
    const marked = radar
      .findAll('[data-test="rating-radar-table"] tbody tr')
      .filter((row) => row.find('[data-test="talk-about"]').exists())
      .map((row) => row.attributes('data-key'))
    expect(marked).toEqual(['safety', 'housing'])
    expect(radar.get('[data-test="talk-about-help"]').text()).toContain('ingen af jer tager fejl')
    expect(radar.get('.rating-legend').text()).toContain('Noget at tale om')
  })

  it('any two ratings from the two lists', async () => {
    const wrapper = await open()
    await wrapper.get('#rating-compare-chosen').setValue(true)
    await flushPromises()
    const first = wrapper.get('#rating-compare-first')
    expect(first.findAll('option').map((option) => option.text())).toEqual([
      'Kontaktperioden, dig, 25. sep. 2026',
      'Kontaktperioden, din CTI-medarbejder, 25. sep. 2026',
      'Slutningen af fase 1, dig, 20. dec. 2026',
    ])
    const ids = first.findAll('option').map((option) => (option.element as HTMLOptionElement).value)
    await wrapper.get('#rating-compare-first').setValue(ids[1])
    await wrapper.get('#rating-compare-second').setValue(ids[2])
    await flushPromises()
    const radar = wrapper.get('[data-test="rating-radar"]')
    expect(tableValues(radar)).toEqual({
      a: expectedCells(workerStart, 'da', danish),
      b: expectedCells(citizenNow, 'da', danish),
    })
    // Different stages: no talk-about mark.
    expect(radar.find('[data-talk]').exists()).toBe(false)
  })

  it('a line per dimension: the markers and the table hold the same numbers per date', async () => {
    const wrapper = await open()
    const lines = wrapper.get('[data-test="rating-lines"]')
    const charts = lines.findAll('li[data-key]')
    // Every dimension rated is drawn.
    expect(charts.map((chart) => chart.attributes('data-key'))).toEqual(Object.keys(citizenStart))
    for (const chart of charts) {
      const key = chart.attributes('data-key') as FocusAreaCatalogKey
      const svg = chart.get('[data-test="rating-line-drawing"]')
      const height = Number(svg.attributes('data-height'))
      const drawn: Record<string, Record<string, string>> = {}
      for (const group of svg.findAll('[data-series]'))
        for (const marker of group.findAll('path[data-key]'))
          (drawn[marker.attributes('data-key') ?? ''] ??= {})[group.attributes('data-series') ?? ''] = String(
            Math.round(1 + ((height - Number(marker.attributes('data-y'))) / height) * 9),
          )
      const tabled: Record<string, Record<string, string>> = {}
      for (const row of chart.findAll('tbody tr'))
        for (const cell of row.findAll('td'))
          if (/^\d+$/.test(cell.text()))
            (tabled[row.attributes('data-date') ?? ''] ??= {})[cell.attributes('data-column') ?? ''] =
              cell.text()
      expect(drawn, key).toEqual(tabled)
    }
    // Skipped is said in words and has no marker; not applicable too.
    const economy = lines.get('li[data-key="economy"]')
    expect(economy.get('tbody tr[data-date="2026-09-25"] td[data-column="citizen"]').text()).toBe(
      'sprunget over',
    )
    expect(
      economy.findAll('[data-series="citizen"] path[data-key]').map((m) => m.attributes('data-key')),
    ).toEqual(['2026-12-20'])
    expect(lines.get('li[data-key="children"] td[data-column="citizen"]').text()).toBe('passer ikke')
    expect(lines.get('li[data-key="children"]').findAll('path[data-key]')).toHaveLength(0)
    // The table is behind "Vis som tabel", reachable as a disclosure.
    expect(economy.get('details summary').text()).toBe('Vis som tabel')
  })

  it('right to left: the star and the lines are mirrored, the numbers in Arabic digits in both', async () => {
    const wrapper = await open('ar')
    const radar = wrapper.get('[data-test="rating-radar"]')
    // The second axis (self-care) goes to the left of the top, its label anchored at its start.
    const second = radar.get('text[data-label="selfCare"]')
    expect(Number(second.get('tspan').attributes('x'))).toBeLessThan(0)
    expect(second.attributes('text-anchor')).toBe('start')
    expect(tableValues(radar)).toEqual({
      a: expectedCells(citizenStart, 'ar', { skipped: 'تم تخطيه', notApplicable: 'لا ينطبق' }),
      b: expectedCells(citizenNow, 'ar', { skipped: 'تم تخطيه', notApplicable: 'لا ينطبق' }),
    })
    // The first date is at the right of each line chart.
    const safety = wrapper.get('li[data-key="safety"]')
    const xs = safety
      .findAll('[data-series="citizen"] path[data-key]')
      .map((marker) => [marker.attributes('data-key'), Number(marker.attributes('data-x'))])
    expect(xs[0]?.[0]).toBe('2026-09-25')
    expect(Number(xs[0]?.[1])).toBeGreaterThan(Number(xs[1]?.[1]))
  })

  it('says so when there is nothing rated yet', async () => {
    app = await mountPlanApp({
      seed: (records) => seedPlan(records),
      path: () => '/plan/ratings/progress',
    })
    await settled(app.wrapper, 'Der er ingen vurderinger endnu')
    expect(app.wrapper.find('[data-test="rating-radar"]').exists()).toBe(false)
  })
})

describe('the ending and the handover summary', () => {
  it('the ending screen shows her change from the first to the latest rating, skipped in words', async () => {
    vi.setSystemTime(new Date('2027-07-20T12:00:00Z'))
    app = await mountPlanApp({ seed: (records) => seed(records), path: () => '/' })
    await settled(app.wrapper, 'Sådan har dine vurderinger ændret sig')
    const rows = app.wrapper.findAll('[data-test="ending-ratings"] tbody tr')
    const row = (key: string) =>
      rows
        .find((found) => found.attributes('data-key') === key)
        ?.findAll('td')
        .map((cell) => cell.text())
    expect(row('safety')).toEqual(['3', '6', '3 højere'])
    expect(row('housing')).toEqual(['2', '5', '3 højere'])
    expect(row('economy')).toEqual(['sprunget over', '5', 'kan ikke sammenlignes'])
    expect(row('network')).toEqual(['2', 'sprunget over', 'kan ikke sammenlignes'])
    expect(row('children')).toEqual(['passer ikke', 'passer ikke', 'kan ikke sammenlignes'])
    expect(row('substanceUse')).toEqual(['8', '8', 'samme'])
  })

  it('the summary holds the change only when she ticks it', async () => {
    app = await mountPlanApp({ seed: (records) => seed(records), path: () => '/plan/summary' })
    const { wrapper } = app
    await settled(wrapper, 'Overblik fra min plan')
    expect(wrapper.find('[data-test="summary-doc-ratings"]').exists()).toBe(false)
    await wrapper.get('[data-test="summary-ratings"]').setValue(true)
    await flushPromises()
    const section = wrapper.get('[data-test="summary-doc-ratings"]')
    expect(section.text()).toContain('Sådan har dine vurderinger ændret sig')
    expect(section.text()).toContain('3 højere')
  })
})
