import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { createBackup } from '@/data/backup/backup'
import BackupRestore from '@/features/backup/BackupRestore.vue'
import { formatCivilDate } from '@/app/i18n/format'
import { usePreferencesStore } from '@/stores/preferences'
import { useRecordsStore } from '@/stores/records'
import { useVaultStore, type VaultStoreOptions } from '@/stores/vault'
import type { Goal, TrinRecord } from '@/schemas'
import da from '../../../locales/da.json'
import en from '../../../locales/en.json'
import { makeFocusArea, makeGoal, makePlan } from '../../factories/records'
import { TEST_KDF, snapshotDatabase } from '../../unit/data/helpers'
import { mountInApp, eventually } from '../support/mount'
import { freshVaultOptions } from '../support/fixtures'
import { chooseFile } from '../support/fixtures'

const SECRET = 'the backup passphrase'
let wrapper: VueWrapper | undefined
let options: VaultStoreOptions
// Restores refuse record sets that are not one plan: the goals' focus area is in the file too.
const area = makeFocusArea()
const source: TrinRecord[] = [
  makePlan(),
  area,
  makeGoal({ title: 'Find a doctor', focusAreaId: area.id }),
  makeGoal({ title: 'Old goal', focusAreaId: area.id, deleted: true }),
]
let file: Uint8Array

beforeEach(async () => {
  options = freshVaultOptions()
  file = (await createBackup(source, { kind: 'passphrase', passphrase: SECRET }, { kdf: TEST_KDF })).bytes
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  useVaultStore().close()
})

async function mountRestore(seed?: () => Promise<unknown>, locale: 'da' | 'en' = 'da'): Promise<VueWrapper> {
  return mountInApp(BackupRestore, {
    route: '/settings',
    locale,
    before: async () => {
      await useVaultStore().open(options)
      await seed?.()
    },
  })
}

/** Types the secret, presses restore (or check), and waits until `outcome` holds. */
async function submit(
  w: VueWrapper,
  secret: string,
  action: 'restore' | 'check',
  outcome: () => void,
): Promise<void> {
  await w.get('#restore-secret').setValue(secret)
  if (action === 'restore') await w.get('[data-test="backup-restore-form"]').trigger('submit')
  else await w.get('[data-test="backup-check"]').trigger('click')
  await eventually(async () => {
    await flushPromises()
    outcome()
  })
}

/** Chooses a file and waits until it was read (the form, or a refusal, is on screen). */
async function choose(w: VueWrapper, bytes: Uint8Array, name?: string): Promise<void> {
  await chooseFile(w, bytes, name)
  await eventually(async () => {
    await flushPromises()
    expect(
      w.find('[data-test="backup-file-info"]').exists() ||
        w.find('[data-test="backup-file-problem"]').exists(),
    ).toBe(true)
  })
}

const text = (w: VueWrapper, selector: string) => () => w.get(selector).text()

function sorted(records: readonly TrinRecord[]): TrinRecord[] {
  return [...records].sort((a, b) => a.id.localeCompare(b.id))
}

describe('restoring a backup', () => {
  it('on a fresh install brings back every record exactly, tombstones included', async () => {
    wrapper = await mountRestore()
    await choose(wrapper, file)
    expect(wrapper.get('[data-test="backup-file-info"]').text()).toMatch(
      /^Sikkerhedskopi fra .+\. Den åbnes med en adgangssætning\.$/,
    )
    await submit(wrapper, SECRET, 'restore', () => {
      expect(wrapper?.text()).toContain('Planen er hentet tilbage: 4 dele fra')
    })
    expect(wrapper.text()).toContain(da.backup.restore.setLock)
    const records = useRecordsStore()
    await eventually(() => {
      expect(sorted([...records.recordsById.values()])).toEqual(sorted(source))
    })
  })

  it("refuses a file that is not a backup, in the citizen's language, and changes nothing", async () => {
    wrapper = await mountRestore(undefined, 'en')
    const before = await snapshotDatabase(options.dbName ?? '')
    await choose(wrapper, new TextEncoder().encode('BEGIN:VCALENDAR\nnot a backup'), 'calendar.ics')
    expect(wrapper.get('[data-test="backup-file-problem"]').text()).toBe(en.errors.import.notABackup)
    expect(wrapper.find('[data-test="backup-restore-form"]').exists()).toBe(false)
    expect(await snapshotDatabase(options.dbName ?? '')).toEqual(before)
  })

  it('refuses a damaged file and a wrong passphrase, each with its own message, and changes nothing', async () => {
    wrapper = await mountRestore(() => useRecordsStore().save(makeGoal({ title: 'Already here' })))
    const before = await snapshotDatabase(options.dbName ?? '')
    await choose(wrapper, file)
    await submit(wrapper, 'not the passphrase', 'restore', () => {
      expect(text(wrapper as VueWrapper, '#restore-secret-error')()).toBe(da.errors.import.wrongSecret)
    })

    const damaged = new Uint8Array(file)
    damaged[damaged.length - 5] = (damaged[damaged.length - 5] ?? 0) ^ 0xff
    await choose(wrapper, damaged)
    await submit(wrapper, SECRET, 'restore', () => {
      expect(text(wrapper as VueWrapper, '#restore-secret-error')()).toBe(da.errors.import.corrupt)
    })
    expect(await snapshotDatabase(options.dbName ?? '')).toEqual(before)
  })

  it('does not replace a plan already on the phone without a second confirmation', async () => {
    wrapper = await mountRestore(() => useRecordsStore().save(makeGoal({ title: 'Already here' })))
    await choose(wrapper, file)
    await submit(wrapper, SECRET, 'restore', () => {
      expect(text(wrapper as VueWrapper, '[data-test="backup-replace"]')()).toContain(
        da.backup.restore.replaceWarning,
      )
    })
    expect(
      useRecordsStore()
        .byKind('goal')
        .map((goal: Goal) => goal.title),
    ).toEqual(['Already here'])
    expect(wrapper.get('[data-test="backup-restore"]').attributes('disabled')).toBeDefined()

    await wrapper.get('#restore-replace').setValue(true)
    await submit(wrapper, SECRET, 'restore', () => {
      expect(
        useRecordsStore()
          .byKind('goal')
          .map((goal: Goal) => goal.title),
      ).toEqual(['Find a doctor'])
    })
  })

  it('only checks a file when asked, writing nothing', async () => {
    wrapper = await mountRestore()
    const before = await snapshotDatabase(options.dbName ?? '')
    await choose(wrapper, file)
    await submit(wrapper, SECRET, 'check', () => {
      expect(wrapper?.text()).toContain('Filen er i orden: 4 dele fra')
    })
    expect(await snapshotDatabase(options.dbName ?? '')).toEqual(before)
  })

  it('counts in the singular for a backup of one record', async () => {
    const single = (
      await createBackup([makePlan()], { kind: 'passphrase', passphrase: SECRET }, { kdf: TEST_KDF })
    ).bytes
    wrapper = await mountRestore()
    await choose(wrapper, single)
    await submit(wrapper, SECRET, 'check', () => {
      expect(wrapper?.text()).toContain('Filen er i orden: 1 del fra')
    })
  })

  it('catches a mistyped recovery code before trying it', async () => {
    const coded = (
      await createBackup(
        source,
        {
          kind: 'recovery-code',
          code: await (await import('@/data/backup/recoveryCode')).generateRecoveryCode(),
        },
        { kdf: TEST_KDF },
      )
    ).bytes
    wrapper = await mountRestore()
    await choose(wrapper, coded)
    expect(wrapper.get('[data-test="backup-file-info"]').text()).toContain('gendannelseskode')
    await submit(wrapper, 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345', 'restore', () => {
      expect(text(wrapper as VueWrapper, '#restore-secret-error')()).toBe(da.backup.code.typo)
    })
  })

  it('writes the file’s date in each language’s own way, in interpreter mode too', async () => {
    // Noon UTC is 4 December in every time zone.
    const made = new Date('2026-12-04T12:00:00Z')
    const dated = (
      await createBackup(
        source,
        { kind: 'passphrase', passphrase: SECRET },
        { kdf: TEST_KDF, now: () => made },
      )
    ).bytes
    wrapper = await mountRestore()
    await usePreferencesStore().setInterpreterLocale('ar')
    await choose(wrapper, dated)
    const info = wrapper.get('[data-test="backup-file-info"]')
    expect(info.get('.tx__primary').text()).toBe(
      `Sikkerhedskopi fra ${formatCivilDate('2026-12-04', 'da')}. Den åbnes med en adgangssætning.`,
    )
    const arabic = info.get('.tx__second')
    expect(arabic.attributes('lang')).toBe('ar')
    expect(arabic.text()).toContain(`\u2068${formatCivilDate('2026-12-04', 'ar')}\u2069`)
    expect(arabic.text()).not.toContain('december')

    await submit(wrapper, SECRET, 'check', () => {
      expect(wrapper?.text()).toContain(`Filen er i orden: 4 dele fra ${formatCivilDate('2026-12-04', 'da')}`)
    })
    const status = wrapper.get('.backup-restore__status .tx__second').text()
    expect(status).toContain(formatCivilDate('2026-12-04', 'ar'))
    expect(status).not.toContain('december')
  })
})
