import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import * as backupModule from '@/data/backup/backup'
import BackupCreate from '@/features/backup/BackupCreate.vue'
import { useBackupHistory } from '@/features/backup/backupHistory'
import { DEVICE_SETTINGS_KEY } from '@/stores/deviceSettings'
import * as download from '@/composables/downloadFile'
import { useRecordsStore } from '@/stores/records'
import { useVaultStore, type VaultStoreOptions } from '@/stores/vault'
import da from '../../../locales/da.json'
import { makeGoal } from '../../factories/records'
import { TEST_KDF } from '../../unit/data/helpers'
import { mountInApp, eventually } from '../support/mount'
import { freshVaultOptions } from '../support/fixtures'

const BACKUP_PASSPHRASE = 'a different backup phrase'
let wrapper: VueWrapper | undefined
let options: VaultStoreOptions
let saved: { blob: Blob; filename: string }[]

beforeEach(() => {
  localStorage.clear()
  options = freshVaultOptions()
  saved = []
  vi.spyOn(download, 'downloadFile').mockImplementation((blob, filename) => {
    saved.push({ blob, filename })
  })
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  useVaultStore().close()
})

async function mountWithGoals(): Promise<VueWrapper> {
  return mountInApp(BackupCreate, {
    route: '/settings',
    before: async () => {
      await useVaultStore().open(options)
      const records = useRecordsStore()
      await records.save(makeGoal({ title: 'Find a doctor' }))
      await records.save(makeGoal({ title: 'Pay the rent on time' }))
    },
  })
}

async function createWithPassphrase(
  w: VueWrapper,
  passphrase = BACKUP_PASSPHRASE,
  { confirm = true }: { confirm?: boolean } = {},
): Promise<void> {
  await w.get('#backup-new').setValue(passphrase)
  await w.get('#backup-repeat').setValue(passphrase)
  await w.get('[data-test="backup-create-form"]').trigger('submit')
  await eventually(async () => {
    await flushPromises()
    expect(
      w.find('[data-test="backup-done"]').exists() ||
        w.find('[data-test="backup-confirm"]').exists() ||
        w.find('[data-test="backup-problem"]').exists(),
    ).toBe(true)
  })
  // A download: the app cannot see whether it was saved, so the citizen confirms.
  if (confirm && w.find('[data-test="backup-confirm"]').exists()) {
    await w.get('[data-test="backup-confirm-saved"]').trigger('click')
    await flushPromises()
  }
}

describe('making a backup', () => {
  it('saves a file that opens with the passphrase and holds every record, and only then says done', async () => {
    wrapper = await mountWithGoals()
    await createWithPassphrase(wrapper)
    expect(saved).toHaveLength(1)
    const [file] = saved
    expect(file?.filename).toMatch(/^data-\d{4}-\d{2}-\d{2}\.bin$/)
    expect(file?.blob.type).toBe('application/octet-stream')
    const bytes = new Uint8Array(await (file?.blob ?? new Blob()).arrayBuffer())
    const summary = await backupModule.verifyBackup(
      bytes,
      { kind: 'passphrase', passphrase: BACKUP_PASSPHRASE },
      { kdf: TEST_KDF },
    )
    expect(summary.recordCount).toBe(2)
    expect(wrapper.get('[data-test="backup-done"]').text()).toContain(
      'Sikkerhedskopien er lavet og kontrolleret (2 dele,',
    )
    expect(wrapper.text()).toContain(file?.filename)
    expect(useBackupHistory().lastBackup).not.toBeNull()
    expect(JSON.parse(localStorage.getItem(DEVICE_SETTINGS_KEY) ?? '{}')).toMatchObject({
      b: useBackupHistory().lastBackup,
    })
  })

  it('offers no file and does not count the backup when the file does not read back', async () => {
    vi.spyOn(backupModule, 'verifyBackup').mockRejectedValue(new Error('bit flipped on the way'))
    wrapper = await mountWithGoals()
    await createWithPassphrase(wrapper)
    expect(saved).toEqual([])
    expect(wrapper.find('[data-test="backup-done"]').exists()).toBe(false)
    expect(wrapper.get('[data-test="backup-problem"]').text()).toBe(da.errors.backup.verifyFailed)
    expect(useBackupHistory().lastBackup).toBeNull()
  })

  it('refuses a short passphrase before making anything', async () => {
    wrapper = await mountWithGoals()
    await wrapper.get('#backup-new').setValue('short')
    await wrapper.get('#backup-repeat').setValue('short')
    await wrapper.get('[data-test="backup-create-form"]').trigger('submit')
    await flushPromises()
    expect(wrapper.get('#backup-new-error').text()).toBe('Adgangssætningen skal have mindst 8 tegn.')
    expect(saved).toEqual([])
  })

  it('with a recovery code: shows the code, needs "written down" first, and the file opens with that code', async () => {
    wrapper = await mountWithGoals()
    await wrapper.get('#backup-secret-code').setValue(true)
    await eventually(() => {
      expect(wrapper?.get('[data-test="recovery-code"]').text()).toMatch(/^([0-9A-Z]{4}-){6}[0-9A-Z]{4}$/)
    })
    const code = wrapper.get('[data-test="recovery-code"]').text()
    await wrapper.get('[data-test="backup-create-form"]').trigger('submit')
    await flushPromises()
    expect(wrapper.get('#recovery-written-error').text()).toBe(da.backup.code.confirmFirst)
    expect(saved).toEqual([])

    await wrapper.get('#recovery-written').setValue(true)
    await wrapper.get('[data-test="backup-create-form"]').trigger('submit')
    await eventually(() => {
      expect(saved).toHaveLength(1)
    })
    const bytes = new Uint8Array(await (saved[0]?.blob ?? new Blob()).arrayBuffer())
    // Typed back in lower case with spaces instead of dashes, it still opens.
    const typed = code.toLowerCase().replaceAll('-', ' ')
    expect(
      (await backupModule.verifyBackup(bytes, { kind: 'recovery-code', code: typed }, { kdf: TEST_KDF }))
        .recordCount,
    ).toBe(2)
  })

  it('takes focus to what each new step says, and back to the first choice for another backup', async () => {
    wrapper = await mountWithGoals()
    await createWithPassphrase(wrapper, BACKUP_PASSPHRASE, { confirm: false })
    const question = wrapper.get('[data-test="backup-confirm"] [role="status"]')
    expect(document.activeElement).toBe(question.element)

    await wrapper.get('[data-test="backup-confirm-saved"]').trigger('click')
    await flushPromises()
    expect(document.activeElement).toBe(wrapper.get('[data-test="backup-done"] [role="status"]').element)

    await wrapper.get('[data-test="backup-done"] button').trigger('click')
    await flushPromises()
    expect(document.activeElement).toBe(wrapper.get('#backup-secret-passphrase').element)
  })
})
