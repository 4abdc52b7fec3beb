/**
 * A backup counts as done only when it is known to be saved: read back from the written file
 * where the browser allows it, else confirmed by the citizen after the download.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { verifyBackup } from '@/data/backup/backup'
import BackupCreate from '@/features/backup/BackupCreate.vue'
import { useBackupHistory } from '@/features/backup/backupHistory'
import * as download from '@/composables/downloadFile'
import { useRecordsStore } from '@/stores/records'
import { useVaultStore } from '@/stores/vault'
import da from '../../../locales/da.json'
import { makeGoal } from '../../factories/records'
import { TEST_KDF } from '../../unit/data/helpers'
import { mountInApp, eventually } from '../support/mount'
import { freshVaultOptions } from '../support/fixtures'

const PASSPHRASE = 'a different backup phrase'
let wrapper: VueWrapper | undefined
let downloads = 0

beforeEach(() => {
  localStorage.clear()
  downloads = 0
  vi.spyOn(download, 'downloadFile').mockImplementation(() => {
    downloads += 1
  })
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  vi.restoreAllMocks()
  delete (globalThis as { showSaveFilePicker?: unknown }).showSaveFilePicker
  useVaultStore().close()
})

async function mountAndSubmit(): Promise<VueWrapper> {
  const w = await mountInApp(BackupCreate, {
    route: '/settings',
    before: async () => {
      await useVaultStore().open(freshVaultOptions())
      await useRecordsStore().save(makeGoal({ title: 'Find a doctor' }))
    },
  })
  await w.get('#backup-new').setValue(PASSPHRASE)
  await w.get('#backup-repeat').setValue(PASSPHRASE)
  await w.get('[data-test="backup-create-form"]').trigger('submit')
  return w
}

/** A save picker writing to memory; `damage` changes what the file gives back. */
function fakePicker(
  damage: (bytes: Uint8Array) => Uint8Array = (bytes) => bytes,
  name = 'backup-2026-12-05.trin',
): {
  file: Uint8Array | null
} {
  const disk: { file: Uint8Array | null } = { file: null }
  ;(globalThis as { showSaveFilePicker?: unknown }).showSaveFilePicker = () =>
    Promise.resolve({
      name,
      createWritable: () => {
        let written: Blob = new Blob([])
        return Promise.resolve({
          write: (data: Blob) => {
            written = data
            return Promise.resolve()
          },
          close: async () => {
            disk.file = new Uint8Array(await written.arrayBuffer())
          },
        })
      },
      getFile: () => Promise.resolve(new Blob([new Uint8Array(damage(disk.file ?? new Uint8Array(0)))])),
    })
  return disk
}

describe('when a backup is done', () => {
  it('after a download: asks, and counts nothing until the citizen confirms', async () => {
    wrapper = await mountAndSubmit()
    await eventually(async () => {
      await flushPromises()
      expect(wrapper?.find('[data-test="backup-confirm"]').exists()).toBe(true)
    })
    expect(downloads).toBe(1)
    expect(wrapper.text()).toContain('Trin kan ikke se, om den blev gemt')
    expect(useBackupHistory().lastBackup).toBeNull()
    await wrapper.get('[data-test="backup-download-again"]').trigger('click')
    expect(downloads).toBe(2)
    await wrapper.get('[data-test="backup-confirm-saved"]').trigger('click')
    expect(wrapper.find('[data-test="backup-done"]').exists()).toBe(true)
    expect(useBackupHistory().lastBackup).not.toBeNull()
  })

  it('with a save picker: writes, reads the file back, checks it, then says done', async () => {
    const disk = fakePicker()
    wrapper = await mountAndSubmit()
    await eventually(async () => {
      await flushPromises()
      expect(wrapper?.find('[data-test="backup-done"]').exists()).toBe(true)
    })
    expect(downloads).toBe(0)
    expect(wrapper.text()).toContain('læst igen fra hvor du gemte den')
    expect(useBackupHistory().lastBackup).not.toBeNull()
    const summary = await verifyBackup(
      disk.file ?? new Uint8Array(0),
      { kind: 'passphrase', passphrase: PASSPHRASE },
      { kdf: TEST_KDF },
    )
    expect(summary.recordCount).toBe(1)
  })

  it('names the file as the citizen renamed it in the picker, and forgets the passphrase', async () => {
    fakePicker(undefined, 'opskrifter.trin')
    wrapper = await mountAndSubmit()
    await eventually(async () => {
      await flushPromises()
      expect(wrapper?.find('[data-test="backup-done"]').exists()).toBe(true)
    })
    expect(wrapper.get('[data-test="backup-done"]').text()).toContain('opskrifter.trin')
    await wrapper.get('[data-test="backup-done"] button').trigger('click')
    await flushPromises()
    expect((wrapper.get('#backup-new').element as HTMLInputElement).value).toBe('')
    expect((wrapper.get('#backup-repeat').element as HTMLInputElement).value).toBe('')
  })

  it('with a save picker whose file does not read back: a problem, nothing counted', async () => {
    fakePicker((bytes) => bytes.subarray(0, bytes.length - 1))
    wrapper = await mountAndSubmit()
    await eventually(async () => {
      await flushPromises()
      expect(wrapper?.find('[data-test="backup-problem"]').exists()).toBe(true)
    })
    expect(wrapper.get('[data-test="backup-problem"]').text()).toBe(da.errors.backup.verifyFailed)
    expect(useBackupHistory().lastBackup).toBeNull()
  })

  it('a cancelled save picker makes nothing', async () => {
    ;(globalThis as { showSaveFilePicker?: unknown }).showSaveFilePicker = () =>
      Promise.reject(new DOMException('cancelled', 'AbortError'))
    wrapper = await mountAndSubmit()
    await flushPromises()
    await eventually(() => {
      expect(wrapper?.find('[data-test="backup-create"]').attributes('disabled')).toBeUndefined()
    })
    expect(wrapper.find('[data-test="backup-done"]').exists()).toBe(false)
    expect(useBackupHistory().lastBackup).toBeNull()
  })
})
