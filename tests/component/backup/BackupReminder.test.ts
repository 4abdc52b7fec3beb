import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import BackupReminder from '@/features/backup/BackupReminder.vue'
import BackupSettings from '@/features/backup/BackupSettings.vue'
import { useBackupHistory } from '@/features/backup/backupHistory'
import { DEVICE_SETTINGS_KEY } from '@/stores/deviceSettings'
import StorageStatus from '@/features/storage/StorageStatus.vue'
import { useRecordsStore } from '@/stores/records'
import { useVaultStore } from '@/stores/vault'
import da from '../../../locales/da.json'
import { day } from '../../factories/records'
import { mountInApp, eventually } from '../support/mount'
import { freshVaultOptions } from '../support/fixtures'

const NOW = new Date('2026-11-23T12:00:00Z')
let wrapper: VueWrapper | undefined

beforeEach(() => {
  localStorage.clear()
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  useVaultStore().close()
  vi.useRealTimers()
  Reflect.deleteProperty(navigator, 'storage')
})

/** A plan whose phase 2 began on 14 January 2027 (day 1 on 14 October 2026). */
async function withPlan(): Promise<void> {
  await useVaultStore().open(freshVaultOptions())
  await useRecordsStore().create('plan', {
    targetGroup: 'shelter',
    contactStart: day('2026-09-23'),
    transitionDate: day('2026-10-14'),
    pauses: [],
    restarts: [],
    instruments: [],
  })
}

describe('backup reminder', () => {
  it('waits a week after the plan was made, then reminds until the first backup; "Not now" puts it off', async () => {
    wrapper = await mountInApp(BackupReminder, { route: '/settings', before: withPlan })
    await flushPromises()
    expect(wrapper.find('[data-test="backup-reminder"]').exists()).toBe(false)
    wrapper.unmount()

    const aWeekLater = async (): Promise<void> => {
      await withPlan()
      vi.setSystemTime(new Date('2026-11-30T12:00:00Z'))
    }
    wrapper = await mountInApp(BackupReminder, { route: '/settings', before: aWeekLater })
    await flushPromises()
    expect(wrapper.get('[data-test="backup-reminder"]').text()).toContain(da.backup.reminder.never)
    await wrapper.get('[data-test="backup-reminder-later"]').trigger('click')
    expect(wrapper.find('[data-test="backup-reminder"]').exists()).toBe(false)
  })

  it('is quiet after a backup today, and speaks at the next phase change', async () => {
    wrapper = await mountInApp(BackupReminder, { route: '/settings', before: withPlan })
    useBackupHistory().recordBackup(day('2026-11-23'))
    await flushPromises()
    expect(wrapper.find('[data-test="backup-reminder"]').exists()).toBe(false)
    wrapper.unmount()

    vi.setSystemTime(new Date('2027-01-15T12:00:00Z'))
    wrapper = await mountInApp(BackupReminder, { route: '/settings', before: withPlan })
    await flushPromises()
    expect(wrapper.get('[data-test="backup-reminder"]').text()).toContain(da.backup.reminder.stage.phase2)
  })

  it('remembers the last backup across visits (a date, nothing else)', async () => {
    localStorage.setItem(DEVICE_SETTINGS_KEY, JSON.stringify({ b: '2026-11-02' }))
    wrapper = await mountInApp(BackupSettings, { route: '/settings', before: withPlan })
    await flushPromises()
    expect(wrapper.get('[data-test="last-backup"]').text()).toBe('Seneste sikkerhedskopi: 2. november 2026.')
    localStorage.setItem(DEVICE_SETTINGS_KEY, JSON.stringify({ b: 'yesterday' }))
    wrapper.unmount()
    wrapper = await mountInApp(BackupSettings, { route: '/settings', before: withPlan })
    expect(wrapper.get('[data-test="last-backup"]').text()).toBe(da.backup.settings.never)
  })
})

describe('storage status', () => {
  it('shows that the browser did not promise to keep the data, and asks again on request', async () => {
    const persist = vi.fn().mockResolvedValue(true)
    Object.defineProperty(navigator, 'storage', {
      configurable: true,
      value: {
        persisted: () => Promise.resolve(false),
        persist,
        estimate: () => Promise.resolve({ usage: 2_500_000, quota: 1_000_000_000 }),
      },
    })
    wrapper = await mountInApp(StorageStatus, { route: '/settings' })
    await eventually(async () => {
      await flushPromises()
      expect(wrapper?.find('[data-persistence]').exists()).toBe(true)
    })
    expect(wrapper.get('[data-persistence]').text()).toBe(da.storage.persist.denied)
    expect(wrapper.text()).toContain('Trin bruger 2,5 MB af 1.000 MB')
    expect(wrapper.text()).toContain(da.storage.safari)
    await wrapper.get('[data-test="persist-ask"]').trigger('click')
    await flushPromises()
    expect(persist).toHaveBeenCalledTimes(1)
    expect(wrapper.get('[data-persistence]').text()).toBe(da.storage.persist.granted)
  })
})
