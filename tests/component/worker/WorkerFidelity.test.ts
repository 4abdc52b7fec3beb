/**
 * "Huskeliste fra metoden" (src/features/worker/WorkerFidelity.vue, WorkerCaseloadReminder.vue):
 * the reminders that apply to one citizen's shared course and the worker's visits, each with a
 * "Skjul" button named by its topic; a hidden one is kept on her pairing and stays hidden; the
 * caseload-size reminder on "Mine borgere" is kept hidden in the device settings; Arabic too.
 */
import { h } from 'vue'
import { describe, expect, it } from 'vitest'
import type { FidelityVisit } from '@/domain/fidelity'
import type { ShareableRecord } from '@/domain/sharing'
import { readDeviceSettings } from '@/stores/deviceSettings'
import { useRecordsStore } from '@/stores/records'
import { useVaultStore } from '@/stores/vault'
import { useWorkerPairingsStore } from '@/stores/workerPairings'
import WorkerFidelity from '@/features/worker/WorkerFidelity.vue'
import WorkerCaseloadReminder from '@/features/worker/WorkerCaseloadReminder.vue'
import { day, makeFocusArea, makePlan, makeRating } from '../../factories/records'
import { eventually, Host, mountInApp } from '../support/mount'
import { freshAppEachTest } from '../support/fixtures'

freshAppEachTest()

const TODAY = day('2026-12-07')
// Day 1 on 24 August 2026: on 7 December she is in phase 2; the rating at the end of phase 1
// has been open since 10 November.
const plan = makePlan({ shared: true })
const contactRating = makeRating({ shared: true, stage: 'contact', date: day('2026-08-10') })
const fourAreas = Array.from({ length: 4 }, (_, order) => makeFocusArea({ shared: true, order }))

async function pairSara(records: readonly ShareableRecord[], key = '5a'.repeat(32)) {
  await useVaultStore().open()
  const result = await useWorkerPairingsStore().pair(
    {
      from: 'offer',
      pairingId: '0123456789abcdef0123456789abcdef',
      shareKey: key,
      endsOn: day('2027-05-24'),
    },
    'Sara',
    day('2026-08-20'),
  )
  if (!result.ok) throw new Error('not paired')
  return useRecordsStore().save({
    ...result.pairing,
    copy: { ...result.pairing.copy, seq: 1, records: [...records] },
  })
}

async function mountFor(
  records: readonly ShareableRecord[],
  options: {
    /** Visits by whose they are: `sara` hers, anything else another citizen's. */
    visits?: readonly (Omit<FidelityVisit, 'citizen'> & { whose: 'sara' | 'other' })[]
    today?: string
    locale?: 'da' | 'ar'
  } = {},
) {
  let id = ''
  const wrapper = await mountInApp(Host, {
    locale: options.locale ?? 'da',
    before: async () => {
      id = (await pairSara(records)).id
    },
    props: {
      content: () => {
        const pairing = useWorkerPairingsStore().byId(id)
        return pairing
          ? h(WorkerFidelity, {
              pairing,
              visits: (options.visits ?? []).map(({ whose, ...visit }) => ({
                ...visit,
                citizen: whose === 'sara' ? id : crypto.randomUUID(),
              })),
              today: day(options.today ?? '2026-12-07'),
            })
          : null
      },
    },
  })
  return { wrapper, id }
}

/** The reminders' lines, and the names their buttons get (the button's own text, then the topic). */
function reminders(wrapper: Awaited<ReturnType<typeof mountFor>>['wrapper']) {
  return wrapper.findAll('[data-test="fidelity-reminder"]').map((li) => {
    const button = li.get('button')
    const name = (button.attributes('aria-labelledby') ?? '')
      .split(' ')
      .map((ref) => document.getElementById(ref)?.textContent.trim())
      .join(' ')
    return {
      key: li.attributes('data-key'),
      text: li
        .findAll('p')
        .map((p) => p.text())
        .join(' ')
        .replace(/[\u2068\u2069]/g, '')
        .replace(/\s+/g, ' '),
      name,
    }
  })
}

describe('WorkerFidelity', () => {
  it('shows the rating due and too many focus areas, each with a Skjul button named by its topic', async () => {
    const { wrapper } = await mountFor([plan, contactRating, ...fourAreas])
    expect(wrapper.find('h2').text()).toBe('Huskeliste fra metoden')
    expect(reminders(wrapper)).toEqual([
      {
        key: 'rating',
        text:
          'Vurdering Vurderingen ved slutningen af fase 1 har ventet siden 10. november 2026. Metoden foreslår ' +
          'en vurdering hver tredje måned, måske ved jeres næste møde. Din egen vurdering mangler også.',
        name: 'Skjul Vurdering',
      },
      {
        key: 'focusAreas',
        text:
          'Fokusområder Sara deler 4 fokusområder i fase 2. Metoden foreslår omkring tre ad gangen, så ' +
          'forløbet bliver overskueligt. Måske kan I sammen vælge, hvad der er vigtigst nu?',
        name: 'Skjul Fokusområder',
      },
    ])
    for (const button of wrapper.findAll('button[data-test="fidelity-hide"]'))
      expect(button.attributes('type')).toBe('button')
  })

  it('hides one on her pairing: it stays hidden, focus goes to the next, and a word says it comes back', async () => {
    const { wrapper, id } = await mountFor([plan, contactRating, ...fourAreas])
    await wrapper.get('[data-key="rating"] button').trigger('click')
    await eventually(() => {
      expect(reminders(wrapper).map((line) => line.key)).toEqual(['focusAreas'])
    })
    expect(useWorkerPairingsStore().byId(id)?.dismissed).toEqual(['rating:phase1:2026-11-10'])
    expect(wrapper.get('[role="status"]').text()).toBe('Skjult. Det kommer igen, hvis noget ændrer sig.')
    expect(document.activeElement).toBe(wrapper.get('[data-key="focusAreas"] button').element)
    // The last one hidden: the card stays with its word, focus on its heading.
    await wrapper.get('[data-key="focusAreas"] button').trigger('click')
    await eventually(() => {
      expect(reminders(wrapper)).toEqual([])
    })
    expect(document.activeElement?.id).toBe('worker-fidelity')
    expect(wrapper.get('[role="status"]').text()).toContain('Skjult')
  })

  it('says nothing without her course, and nothing about the network once a meeting with hers is logged', async () => {
    const none = await mountFor([contactRating, ...fourAreas])
    expect(none.wrapper.find('[data-test="worker-fidelity"]').exists()).toBe(false)
    none.wrapper.unmount()
    useVaultStore().close()

    const visit = { date: day('2026-09-10'), minutes: 90, mode: 'network', stage: 'phase1' } as const
    // A network meeting with another citizen is not hers.
    const inPhaseOne = await mountFor([plan], { today: '2026-10-01', visits: [{ ...visit, whose: 'other' }] })
    expect(reminders(inPhaseOne.wrapper)).toEqual([
      {
        key: 'networkMeeting',
        text:
          'Netværket Din besøgslog har intet møde med netværket, siden fase 1 begyndte 24. august 2026. ' +
          'I fase 1 bygges netværket op, og et fælles møde kan hjælpe.',
        name: 'Skjul Netværket',
      },
    ])
    inPhaseOne.wrapper.unmount()
    useVaultStore().close()
    const met = await mountFor([plan], { today: '2026-10-01', visits: [{ ...visit, whose: 'sara' }] })
    expect(met.wrapper.find('[data-test="worker-fidelity"]').exists()).toBe(false)
  })

  it('speaks Arabic', async () => {
    const { wrapper } = await mountFor([plan, contactRating, ...fourAreas], { locale: 'ar' })
    expect(wrapper.find('h2').text()).toBe('تذكيرات من المنهج')
    expect(reminders(wrapper).map((line) => line.name)).toEqual(['إخفاء التقييم', 'إخفاء مجالات التركيز'])
    expect(reminders(wrapper)[1]?.text).toContain('لدى Sara 4 مجالات تركيز في المرحلة 2')
  })
})

describe('WorkerCaseloadReminder', () => {
  it('shows more than ten active citizens, and keeps it hidden at that number', async () => {
    const wrapper = await mountInApp(WorkerCaseloadReminder, {
      props: { today: TODAY },
      before: async () => {
        await useVaultStore().open()
        for (let index = 0; index < 11; index++) {
          await useWorkerPairingsStore().pair(
            { from: 'short-code', shareKey: index.toString(16).padStart(2, '0').repeat(32) },
            `Borger ${index}`,
            TODAY,
          )
        }
      },
    })
    await eventually(() => {
      expect(wrapper.text()).toContain(
        'Du har 11 borgere i forløb. Metoden regner med cirka 10 pr. fuldtidsmedarbejder, færre når mange er i fase 1.',
      )
    })
    await wrapper.get('button').trigger('click')
    await eventually(() => {
      expect(wrapper.find('[data-test="fidelity-reminder"]').exists()).toBe(false)
    })
    expect(readDeviceSettings().k).toBe(11)
  })
})
