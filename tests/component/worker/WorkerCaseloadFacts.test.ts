/**
 * The caseload card's facts (src/features/worker/WorkerCaseloadFacts.vue): the stage and days
 * left, a rating due, the handover and the last package from what she shares; "not shared"
 * for what she does not; the last visit from the worker's own log, how it happened in words;
 * the dates written per language (Arabic too).
 */
import { describe, expect, it } from 'vitest'
import type { ShareableRecord } from '@/domain/sharing'
import { WorkerCaseloadFacts } from '@/features/worker'
import type { WorkerPairing, WorkerVisitMode } from '@/schemas'
import type { CivilDate } from '@/domain/civilDate'
import { day, makeFocusArea, makeGoal, makeHandoverItem, makePlan, makeRating } from '../../factories/records'
import { mountInApp } from '../support/mount'
import { freshAppEachTest } from '../support/fixtures'

freshAppEachTest()

const TODAY = day('2026-12-07')

function copyOf(records: readonly ShareableRecord[], extra: Partial<WorkerPairing['copy']> = {}) {
  return {
    pairingId: '0123456789abcdef0123456789abcdef',
    seq: 3,
    records: [...records],
    tombstones: [],
    ...extra,
  }
}

type LastVisit = { readonly date: CivilDate; readonly mode: WorkerVisitMode } | null

async function lines(
  copy: WorkerPairing['copy'],
  locale: 'da' | 'ar' = 'da',
  lastVisit: LastVisit = null,
): Promise<string[]> {
  const wrapper = await mountInApp(WorkerCaseloadFacts, { locale, props: { copy, today: TODAY, lastVisit } })
  // A fact of several lines reads line by line, joined by " / ".
  return wrapper.findAll('li').map((li) => {
    const parts = li.findAll('.caseload-facts__lines > span')
    const text = parts.length > 0 ? parts.map((part) => part.text()).join(' / ') : li.text()
    return text.replace(/\s+/g, ' ').trim()
  })
}

describe('WorkerCaseloadFacts', () => {
  it('says "not shared" for everything she does not share, and the package number without its day', async () => {
    expect(await lines(copyOf([]))).toEqual([
      'Forløbet er ikke delt',
      'Vurderinger er ikke delt',
      'Overdragelsesplanen er ikke delt',
      'Intet besøg skrevet ind endnu',
      'Sidste pakke: nr. 3',
    ])
  })

  it('shows the stage, days left, the rating due, the handover and the day the package was made', async () => {
    const area = makeFocusArea({ shared: true })
    const goal = makeGoal({ shared: true, focusAreaId: area.id })
    const records = [
      makePlan({ shared: true }),
      makeRating({ shared: true, stage: 'contact', date: day('2026-08-10') }),
      area,
      goal,
      makeHandoverItem({ shared: true, owner: null }),
    ]
    const visit = { date: day('2026-12-03'), mode: 'network' } as const
    expect(await lines(copyOf(records, { madeOn: day('2026-12-05') }), 'da', visit)).toEqual([
      'Fase 2: Afprøvning og tilpasning / 168 dage tilbage (sidste dag 23. maj 2027)',
      'Vurderingen ved slutningen af fase 1 venter siden 10. november 2026',
      'Overdragelse: 2 uden nogen til at tage over',
      'Sidste besøg 3. december 2026: Møde med netværket',
      'Sidste pakke lavet 5. december 2026',
    ])
  })

  it('says a pause, the earliest end, no rating due while paused, and a handover with someone for everything', async () => {
    const area = makeFocusArea({ shared: true })
    const goal = makeGoal({ shared: true, focusAreaId: area.id })
    const paused = makePlan({
      shared: true,
      pauses: [{ id: crypto.randomUUID(), start: day('2026-12-01'), end: null, reason: 'hospital' }],
    })
    const owned = makeHandoverItem({ shared: true, about: { kind: 'goal', id: goal.id } })
    expect(await lines(copyOf([paused, area, goal, owned]))).toEqual([
      'Fase 2: Afprøvning og tilpasning / På pause / Mindst 175 dage tilbage (sidste dag tidligst 30. maj 2027)',
      // Nothing is due while the course is paused, as on her own Home.
      'Ingen vurdering venter',
      'Overdragelse: alt har nogen til at tage over',
      'Intet besøg skrevet ind endnu',
      'Sidste pakke: nr. 3',
    ])
  })

  it('writes the facts in Arabic, the date in Arabic', async () => {
    const visit = { date: day('2026-12-03'), mode: 'home' } as const
    const facts = await lines(
      copyOf([makePlan({ shared: true })], { madeOn: day('2026-12-05') }),
      'ar',
      visit,
    )
    expect(facts[1]).toBe('التقييمات غير مُشارَكة')
    expect(facts[3]).toContain('آخر زيارة')
    expect(facts[3]).not.toContain('2026-12-03')
    expect(facts[3]).not.toContain('Hjemmebesøg')
    expect(facts[4]).toContain('آخر حزمة صُنعت في')
    expect(facts[4]).not.toContain('2026-12-05')
  })
})
