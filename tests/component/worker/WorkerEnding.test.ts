/**
 * The end of access (issue #15 item 6), on both phones. Hers: unpairing shows what the ending
 * package carries (her shared handover only) and makes it, once, to send as a file or a QR code.
 * The worker's: an ended pairing shows that access has ended, the handover she shared (saved as
 * a text file) and erases her shared plan by the button; one ended more than 14 days ago is
 * erased by itself when the app loads its pairings.
 */
import { describe, expect, it, vi } from 'vitest'
import { encodeSharePackage } from '@/data/sharing/package'
import { asHlc } from '@/domain/clock'
import { UNUSABLE_SHARE_KEY, erasedAtEnd } from '@/domain/workerEnding'
import { currentPairing } from '@/domain/pairing'
import { writeDeviceSettings } from '@/stores/deviceSettings'
import { useRecordsStore } from '@/stores/records'
import { useVaultStore } from '@/stores/vault'
import { useWorkerPairingsStore } from '@/stores/workerPairings'
import { day, makeGoal, makeHandoverItem } from '../../factories/records'
import { mountApp, mountPlanApp, settled, eventually } from '../support/mount'
import { freshAppEachTest, storePlan } from '../support/fixtures'

const downloads = vi.hoisted(() => ({ files: [] as { blob: Blob; name: string }[] }))
vi.mock('@/composables/downloadFile', () => ({
  downloadFile: (blob: Blob, name: string) => {
    downloads.files.push({ blob, name })
  },
}))

freshAppEachTest()

const PAIRING = '0123456789abcdef0123456789abcdef'
const KEY = '5a'.repeat(32)
const goal = makeGoal({ shared: true, title: 'Egen bolig' })
const need = makeHandoverItem({
  shared: true,
  about: { kind: 'need', text: 'Følges til lægen' },
  owner: { kind: 'service', name: 'Bostøtten' },
  status: 'agreed',
})

/** A worker's device paired with Sara, whose pairing ends on `endsOn`, her package received. */
async function workerWithSara(endsOn: string): Promise<string> {
  localStorage.clear()
  writeDeviceSettings({ w: true })
  await useVaultStore().open()
  const store = useWorkerPairingsStore()
  const result = await store.pair(
    { from: 'offer', pairingId: PAIRING, shareKey: KEY, endsOn: day(endsOn) },
    'Sara',
    day('2026-10-01'),
  )
  if (!result.ok) throw new Error('not paired')
  const bytes = await encodeSharePackage(
    {
      pairingId: PAIRING,
      seq: 1,
      createdAt: asHlc('2026-10-05T10:00:00.000Z-0000-00000000000000b2'),
      endsOn: day(endsOn),
    },
    { records: [goal, need], tombstones: [] },
    KEY,
  )
  await store.receive(result.pairing.id, bytes, day('2026-10-05'))
  return result.pairing.id
}

/**
 * Waits for the new key generation an erasure ends in (`vault.renewKey`, not awaited by the
 * screen that erases by itself): one still running when a test ends would meet the next test's
 * fresh database.
 */
async function renewalDone(): Promise<void> {
  await eventually(() => {
    expect(useVaultStore().renewOwed).toBe(false)
    expect(useVaultStore().status).toBe('open')
  })
}

describe("the worker's copy at the end", () => {
  it('says access has ended, shows and saves the handover she shared, and erases on the button', async () => {
    let id = ''
    downloads.files = []
    const { wrapper } = await mountApp({
      path: () => `/worker/citizens/${id}`,
      before: async () => {
        id = await workerWithSara('2026-11-20')
      },
    })
    await settled(wrapper, 'Adgangen er slut')
    expect(wrapper.text()).toContain('Parringen sluttede 20. november 2026')
    expect(wrapper.get('[data-test="worker-ending-erases-on"]').text()).toContain('4. december 2026')
    expect(wrapper.get('[data-test="worker-ending-handover"]').text()).toContain('Følges til lægen')
    // Her whole copy is still there until it is erased.
    expect(wrapper.text()).toContain('Egen bolig')

    await wrapper.get('[data-test="worker-ending-save"]').trigger('click')
    await settled(wrapper, 'Gemt som filen text-2026-11-23.txt')
    expect(downloads.files.map((file) => file.name)).toEqual(['text-2026-11-23.txt'])
    const text = await downloads.files[0]?.blob.text()
    expect(text).toContain('Overdragelse')
    expect(text).toContain('- Følges til lægen')
    expect(text).toContain('Tager over: Bostøtten')
    expect(text).not.toContain('Sara')
    expect(text).not.toContain('Egen bolig')

    await wrapper.get('[data-test="worker-ending-erase"]').trigger('click')
    const yes = wrapper.get<HTMLButtonElement>('[data-test="worker-ending-erase-yes"]')
    yes.element.focus()
    await yes.trigger('click')
    await settled(wrapper, 'Borgerens delte plan er slettet fra denne telefon')
    expect(wrapper.text()).not.toContain('Egen bolig')
    expect(wrapper.text()).not.toContain('Følges til lægen')
    expect(useWorkerPairingsStore().byId(id)).toMatchObject({
      label: 'Sara',
      shareKey: UNUSABLE_SHARE_KEY,
      copy: { records: [], tombstones: [] },
    })
    await renewalDone()
    // The erase button went with the content while the vault re-opened: focus is on the heading.
    await eventually(() => {
      expect(document.activeElement).toBe(wrapper.get('h1').element)
    })
  })

  it('erases by itself once the pairing ended 14 days ago or more, when the app loads', async () => {
    let id = ''
    const { wrapper } = await mountApp({
      path: '/worker',
      before: async () => {
        id = await workerWithSara('2026-11-09')
      },
    })
    await eventually(() => {
      expect(useWorkerPairingsStore().byId(id)?.shareKey).toBe(UNUSABLE_SHARE_KEY)
    })
    expect(useWorkerPairingsStore().byId(id)?.copy.records).toEqual([])
    await renewalDone()
    expect(wrapper.text()).toContain('Sara')
  })

  it('once erased, says while the phone still owes a new key that her old data goes at the next unlock', async () => {
    let id = ''
    const { wrapper } = await mountApp({
      path: () => `/worker/citizens/${id}`,
      before: async () => {
        id = await workerWithSara('2026-11-20')
        const pairing = useWorkerPairingsStore().byId(id)
        if (!pairing) throw new Error('no pairing')
        await useRecordsStore().save(erasedAtEnd(pairing, day('2026-11-23')))
        // As after an erasure in a session opened by the PIN (src/stores/vault.ts, renewKey).
        useVaultStore().$patch({ renewOwed: true })
      },
    })
    await settled(wrapper, 'Borgerens delte plan er slettet fra denne telefon')
    expect(wrapper.get('[data-test="worker-ending-renew-owed"]').text()).toBe(
      'De sidste spor af den delte plan forsvinder fra telefonens lager, næste gang du låser op med din adgangssætning.',
    )
    useVaultStore().$patch({ renewOwed: false })
    await eventually(() => {
      expect(wrapper.find('[data-test="worker-ending-renew-owed"]').exists()).toBe(false)
    })
  })

  it('keeps a pairing that is still active as it was', async () => {
    let id = ''
    const { wrapper } = await mountApp({
      path: () => `/worker/citizens/${id}`,
      before: async () => {
        id = await workerWithSara('2027-03-01')
      },
    })
    await settled(wrapper, 'Egen bolig')
    expect(wrapper.find('[data-test="worker-ending"]').exists()).toBe(false)
  })
})

describe('her unpairing with a last package', () => {
  it('shows what the last package carries, makes it once, and then nothing more can be sent', async () => {
    downloads.files = []
    const { wrapper } = await mountPlanApp({
      seed: async (records) => {
        await storePlan(records)
        await records.create('handoverItem', {
          about: { kind: 'need', text: 'Følges til lægen' },
          owner: { kind: 'self' },
          status: 'agreed',
          shared: true,
        })
        await records.create('note', {
          target: { kind: 'activity', id: crypto.randomUUID() },
          text: 'Ikke i den sidste pakke',
          shared: true,
        })
        await records.create('pairing', {
          pairingId: PAIRING,
          shareKey: KEY,
          pairedOn: day('2026-11-01'),
          worker: null,
          lastSeq: 3,
          sentIds: [],
          shared: false,
        })
      },
      path: () => '/plan/share',
    })
    await settled(wrapper, 'Send til din medarbejder')
    await wrapper.get('[data-test="pairing-unpair"]').trigger('click')
    await settled(wrapper, 'Den sidste pakke har dette med')
    expect(wrapper.text()).toContain('Følges til lægen')
    expect(wrapper.text()).not.toContain('Ikke i den sidste pakke')

    await wrapper.get('[data-test="pairing-unpair-send"]').trigger('click')
    await settled(wrapper, 'Din sidste pakke')
    const pairing = currentPairing(useRecordsStore().byKind('pairing'))
    expect(pairing).toMatchObject({ lastSeq: 4, lastSentOn: '2026-11-23' })
    expect(pairing?.endedAt).toBeDefined()
    // The send card is gone: nothing more goes under this pairing.
    expect(wrapper.find('[data-test="send-card"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="pairing-ended"]').exists()).toBe(true)

    await wrapper.get('[data-test="ending-package-file"]').trigger('click')
    await settled(wrapper, 'Pakke nr. 4 er gemt som filen package-4.bin')
    expect(downloads.files.map((file) => file.name)).toEqual(['package-4.bin'])
  })
})
