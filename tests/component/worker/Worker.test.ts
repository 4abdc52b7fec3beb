/**
 * The worker's phone (src/features/worker): Start sends a worker's device to "Mine borgere"
 * (never to onboarding); the quiet choice shows only on an empty phone; pairing by short code
 * checks the code, asks who, refuses the same citizen twice; a citizen's screen shows the copy
 * read-only and says when the pairing has ended; receiving a file says what happened.
 */
import { describe, expect, it } from 'vitest'
import { encodeSharePackage } from '@/data/sharing/package'
import { asHlc } from '@/domain/clock'
import { shortCodeOf } from '@/domain/pairing'
import { writeDeviceSettings } from '@/stores/deviceSettings'
import { useVaultStore } from '@/stores/vault'
import { useWorkerPairingsStore } from '@/stores/workerPairings'
import { WorkerOnboardingChoice } from '@/features/worker'
import { day, makeGoal } from '../../factories/records'
import { eventually, mountApp, mountInApp, settled } from '../support/mount'
import { freshAppEachTest, storePlan } from '../support/fixtures'

freshAppEachTest()

const PAIRING = '0123456789abcdef0123456789abcdef'
const KEY = '5a'.repeat(32)

function asWorkerDevice(): void {
  localStorage.clear()
  writeDeviceSettings({ w: true })
}

async function pairSara(endsOn: string | null = null) {
  await useVaultStore().open()
  const result = await useWorkerPairingsStore().pair(
    { from: 'offer', pairingId: PAIRING, shareKey: KEY, endsOn: endsOn === null ? null : day(endsOn) },
    'Sara',
    day('2026-11-20'),
  )
  if (!result.ok) throw new Error('not paired')
  return result.pairing
}

/** A package as her phone makes it: it says when the pairing ends (null: not known yet). */
function packageOf(seq: number, key = KEY, endsOn: string | null = null): Promise<Uint8Array> {
  const goal = makeGoal({ shared: true, title: 'Egen bolig' })
  return encodeSharePackage(
    {
      pairingId: PAIRING,
      seq,
      createdAt: asHlc('2026-11-23T10:00:00.000Z-0000-00000000000000b2'),
      endsOn: endsOn === null ? null : day(endsOn),
    },
    { records: [goal], tombstones: [] },
    key,
  )
}

describe("the worker's phone", () => {
  it('goes from Start to "Mine borgere", with the worker\'s navigation only', async () => {
    asWorkerDevice()
    const { wrapper, router } = await mountApp({ path: '/' })
    await eventually(() => {
      expect(router.currentRoute.value.name).toBe('workerHome')
    })
    await settled(wrapper, 'Mine borgere')
    expect(wrapper.find('[data-test="worker-home-empty"]').exists()).toBe(true)
  })

  it("offers the choice of a worker's device only on an empty phone", async () => {
    localStorage.clear()
    const empty = await mountInApp(WorkerOnboardingChoice, {
      route: '/',
      before: () => useVaultStore().open(),
    })
    await eventually(() => {
      expect(empty.text()).toContain('CTI-medarbejder')
    })
    empty.unmount()
    const withPlan = await mountInApp(WorkerOnboardingChoice, {
      route: '/',
      keepPinia: true,
      before: async () => {
        const { useRecordsStore } = await import('@/stores/records')
        await storePlan(useRecordsStore())
      },
    })
    await eventually(() => {
      expect(withPlan.find('[data-test="worker-choice"]').exists()).toBe(false)
    })
  })

  it('pairs by short code: a wrong code is said, then who, then her screen; not twice', async () => {
    asWorkerDevice()
    const { wrapper, router } = await mountApp({ path: '/worker/pair', before: () => useVaultStore().open() })
    await settled(wrapper, 'Par med en borger')
    await wrapper.get('#worker-pair-code-input').setValue('ABCD-EFGH')
    await wrapper.get('[data-test="worker-code-form"]').trigger('submit')
    await settled(wrapper, 'Koden passer ikke')
    await wrapper.get('#worker-pair-code-input').setValue(shortCodeOf(KEY))
    await wrapper.get('[data-test="worker-code-form"]').trigger('submit')
    await settled(wrapper, 'Koden er rigtig')
    await wrapper.get('[data-test="worker-label-form"]').trigger('submit')
    await settled(wrapper, 'Skriv et fornavn eller initialer')
    await wrapper.get('#worker-pair-label').setValue('Sara')
    await wrapper.get('[data-test="worker-label-form"]').trigger('submit')
    await eventually(() => {
      expect(router.currentRoute.value.name).toBe('workerCitizen')
    })
    await settled(wrapper, 'Ingen pakke modtaget endnu')
    expect(wrapper.get('h1').text()).toBe('Sara')

    await router.push('/worker/pair')
    await settled(wrapper, 'Eller skriv den korte kode')
    await wrapper.get('#worker-pair-code-input').setValue(shortCodeOf(KEY))
    await wrapper.get('[data-test="worker-code-form"]').trigger('submit')
    await settled(wrapper, 'Koden er rigtig')
    await wrapper.get('#worker-pair-label').setValue('S')
    await wrapper.get('[data-test="worker-label-form"]').trigger('submit')
    await settled(wrapper, 'Du er allerede parret med denne borger (Sara)')
    expect(useWorkerPairingsStore().pairings).toHaveLength(1)
  })

  it('shows her copy read-only, and an ended pairing as ended with no way to receive', async () => {
    asWorkerDevice()
    let id = ''
    const { wrapper } = await mountApp({
      path: () => `/worker/citizens/${id}`,
      before: async () => {
        const pairing = await pairSara('2026-11-23')
        id = pairing.id
        // Her package says the same end (the newest package's end is kept).
        await useWorkerPairingsStore().receive(id, await packageOf(1, KEY, '2026-11-23'), day('2026-11-22'))
      },
    })
    await settled(wrapper, 'Egen bolig')
    expect(wrapper.text()).toContain('Parringen sluttede 23. november 2026')
    expect(wrapper.find('[data-test="worker-receive-link"]').exists()).toBe(false)
    expect(wrapper.findAll('main input, input, textarea, select')).toHaveLength(0)
  })

  it('says "not found" for a citizen not on this phone and for a record or visit she no longer has', async () => {
    asWorkerDevice()
    const gone = await mountApp({ path: '/worker/citizens/nobody', before: () => useVaultStore().open() })
    await settled(gone.wrapper, 'Borgeren findes ikke')
    expect(gone.wrapper.get('h1').text()).toBe('Borgeren findes ikke')
    expect(gone.wrapper.get('[role="alert"]').text()).not.toBe('')
    expect(gone.wrapper.get('[data-test="worker-screen"] a').attributes('href')).toBe('/worker')
    gone.wrapper.unmount()

    let id = ''
    const seed = async () => {
      id = (await pairSara()).id
      await useWorkerPairingsStore().receive(id, await packageOf(1), day('2026-11-22'))
    }
    const record = await mountApp({ path: () => `/worker/citizens/${id}/propose/edit/missing`, before: seed })
    await settled(record.wrapper, 'Det findes ikke længere i det, hun deler.')
    expect(record.wrapper.find('form').exists()).toBe(false)
    expect(record.wrapper.get('[data-test="worker-screen"] a').text()).toContain('Sara')
    record.wrapper.unmount()

    const visit = await mountApp({ path: () => `/worker/citizens/${id}/visits/missing`, keepPinia: true })
    await settled(visit.wrapper, 'Besøget findes ikke')
    expect(visit.wrapper.find('form').exists()).toBe(false)
  })

  it('receives a file: a wrong key is said and changes nothing, hers is taken', async () => {
    asWorkerDevice()
    let id = ''
    const { wrapper } = await mountApp({
      path: () => `/worker/citizens/${id}/receive`,
      before: async () => {
        id = (await pairSara()).id
      },
    })
    await settled(wrapper, 'Åbn en pakke fra en fil')
    const choose = async (bytes: Uint8Array) => {
      const input = wrapper.get<HTMLInputElement>('#worker-receive-file-input')
      const file = new File([new Uint8Array(bytes)], 'pakke.trin', { type: 'application/octet-stream' })
      Object.defineProperty(input.element, 'files', { configurable: true, value: [file] })
      await input.trigger('change')
    }
    await choose(await packageOf(1, 'a5'.repeat(32)))
    await settled(wrapper, 'kan ikke åbnes med denne parrings nøgle')
    expect(useWorkerPairingsStore().byId(id)?.copy.seq).toBe(0)
    await choose(await packageOf(1))
    await settled(wrapper, 'Pakken er modtaget')
    expect(useWorkerPairingsStore().byId(id)?.copy.records).toHaveLength(1)
    expect(wrapper.get('[data-test="worker-receive-see"]').text()).toBe('Se det, Sara deler')
  })
})
