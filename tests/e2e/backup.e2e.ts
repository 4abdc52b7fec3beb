import { randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { cspViolations, foreignRequests, openSession, type Session } from './support/browser'
import { baseURL } from './support/env'
import { daysAgo, OnboardingModel } from './support/onboarding'
import { ActivitiesModel } from './support/activities'
import { planAxeViolations, PlanModel } from './support/plan'
import { BackupModel, openBackupFile, type OpenedBackup } from './support/safety'

const BACKUP_PASSPHRASE = 'tre kopper kaffe i køkkenet'

let session: Session | undefined

afterEach(async () => {
  await session?.close()
  session = undefined
})

function marker(label: string): string {
  return `MARK${label}${randomBytes(5).toString('hex')}`
}

function byId(records: OpenedBackup['records']): OpenedBackup['records'] {
  return [...records].sort((a, b) => a.id.localeCompare(b.id))
}

/** Everything the origin still holds, as counts (after "erase everything" all must be zero). */
async function originLeftovers(
  page: Page,
): Promise<{ databases: string[]; caches: number; workers: number; local: number; session: number }> {
  return page.evaluate(async () => ({
    databases: (await indexedDB.databases()).map((info) => info.name ?? ''),
    caches: (await caches.keys()).length,
    workers: (await navigator.serviceWorker.getRegistrations()).length,
    local: localStorage.length,
    session: sessionStorage.length,
  }))
}

describe('backup, erase everything, restore', () => {
  it('a backup made and checked, erased, and restored on the fresh install gives identical records', async () => {
    session = await openSession()
    const { page } = session
    await page.setViewportSize({ width: 360, height: 780 })
    const marks = { worker: marker('W'), goal: marker('G'), activity: marker('A') }
    const onboarding = new OnboardingModel(page)
    await onboarding.open()
    await onboarding.complete({
      transition: 'homelessness',
      dayOne: daysAgo(30),
      contactStart: daysAgo(50),
      worker: { name: `Ali ${marks.worker}` },
    })
    // Home does not remind on the plan's first day (a week's grace, or ten entries).
    await page.locator('[data-test="course-link"]').waitFor()
    expect(await page.locator('[data-test="backup-reminder"]').count()).toBe(0)
    const plan = new PlanModel(page)
    await plan.open()
    await plan.openPicker()
    await plan.chooseAreas(['housing', 'economy'])
    await plan.finishPicking()
    await plan.openArea('Bolig')
    await plan.addGoal(`Egen bolig ${marks.goal}`)
    const activities = new ActivitiesModel(page)
    await activities.open()
    await activities.startNew()
    await activities.fill({ title: `Ring til udlejer ${marks.activity}` })
    await activities.create()

    const backup = new BackupModel(page)
    await backup.open()
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sikkerhedskopi')
    expect(await page.locator('main').textContent()).toContain(
      'På iPhone og iPad (Safari) kan browseren slette Trins data',
    )
    expect(await planAxeViolations(page)).toEqual([])
    const first = await backup.createWithPassphrase(BACKUP_PASSPHRASE)
    expect(first.name).toMatch(/^data-\d{4}-\d{2}-\d{2}\.bin$/)
    expect(await page.locator('[data-test="backup-done"]').textContent()).toMatch(
      /Sikkerhedskopien er lavet og kontrolleret \(\d+ dele, /,
    )
    // Nothing in the file is readable without the passphrase.
    const raw = Buffer.from(first.bytes).toString('latin1')
    for (const value of Object.values(marks)) expect(raw).not.toContain(value)
    // Nor what it is (issue #10, item 8): no app name, no JSON header in the clear.
    expect(raw.toLowerCase()).not.toContain('trin')
    expect(raw).not.toContain('"app"')
    const before = await openBackupFile(first.bytes, BACKUP_PASSPHRASE)
    expect(before.records.length).toBeGreaterThanOrEqual(4)
    expect(JSON.stringify(before.records)).toContain(marks.goal)
    // The reminder is gone now, and Settings knows the date.
    await page.locator('[data-nav="start"]').click()
    await page.locator('[data-test="course-link"]').waitFor()
    expect(await page.locator('[data-test="backup-reminder"]').count()).toBe(0)

    // Erase everything: typed confirmation, ends on the neutral page, nothing left for the origin.
    await page.locator('[data-nav="settings"]').click()
    await page.locator('[data-test="erase-open"]').click()
    await page.locator('#erase-confirm').fill('SLE')
    await page.locator('[data-test="erase"]').click()
    await page.locator('#erase-confirm-error').waitFor()
    expect(new URL(page.url()).pathname).toBe('/')
    await page.locator('#erase-confirm').fill('slet')
    await page.locator('[data-test="erase"]').click()
    // Either it leaves for the neutral page, or the screen says which step failed: say that.
    const failed = page.locator('[data-test="erase-failed"]')
    const outcome = await Promise.race([
      page.waitForURL('**/opskrift.html', { timeout: 60_000 }).then(() => 'left'),
      failed.waitFor({ timeout: 60_000 }).then(async () => `stayed: ${(await failed.textContent()) ?? ''}`),
    ])
    expect(outcome).toBe('left')
    expect(await originLeftovers(page)).toEqual({
      databases: [],
      caches: 0,
      workers: 0,
      local: 0,
      session: 0,
    })

    // A fresh install: restore from the first screen.
    await onboarding.open()
    await page.locator('[data-test="onboarding-restore"]').click()
    await page.locator('#backup-file').waitFor()
    // Untrusted input: a file that is not a backup is refused, in words, and nothing changes.
    await backup.chooseFile('notes.txt', new TextEncoder().encode('{"app":"other"}\nhello'))
    await page.locator('[data-test="backup-file-problem"]').waitFor()
    expect(await page.locator('[data-test="backup-file-problem"]').textContent()).toBe(
      'Filen er ikke en sikkerhedskopi fra Trin. Intet er ændret.',
    )
    await backup.chooseFile(first.name, first.bytes)
    await page.locator('[data-test="backup-file-info"]').waitFor()
    await backup.restore('ikke den rigtige')
    await page.locator('#restore-secret-error', { hasText: 'passer ikke til filen' }).waitFor()
    await backup.restore(BACKUP_PASSPHRASE)
    await page.locator('[data-test="backup-go-home"]').waitFor()
    expect(await page.locator('main').textContent()).toContain('Planen er hentet tilbage')
    expect(await planAxeViolations(page)).toEqual([])
    await page.locator('[data-test="backup-go-home"]').click()
    await page.locator('[data-test="course-link"]').waitFor()
    expect(await page.locator('main').textContent()).toContain(marks.worker)

    // A second backup of the restored plan holds exactly the same records.
    await backup.open()
    const second = await backup.createWithPassphrase(BACKUP_PASSPHRASE)
    const after = await openBackupFile(second.bytes, BACKUP_PASSPHRASE)
    expect(byId(after.records)).toEqual(byId(before.records))

    expect(foreignRequests(session.requests)).toEqual([])
    expect(await cspViolations(page)).toEqual([])
    expect(session.warnings.filter((warning) => warning.includes('missing message'))).toEqual([])
    expect(session.errors).toEqual([])
  })

  it('in English, with a printed recovery code: the code shown once opens the file on a fresh install', async () => {
    session = await openSession({ locale: 'en-GB' })
    const { page } = session
    await page.setViewportSize({ width: 360, height: 780 })
    const worker = marker('W')
    const onboarding = new OnboardingModel(page)
    await onboarding.open()
    await onboarding.complete({ locale: 'en', transition: 'employment', worker: { name: `Jo ${worker}` } })
    const backup = new BackupModel(page)
    await backup.open()
    await page.locator('#backup-secret-code').check()
    const code = (await page.locator('[data-test="recovery-code"]').textContent()) ?? ''
    expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}$/)
    expect(await planAxeViolations(page)).toEqual([])
    await page.locator('[data-test="backup-create"]').click()
    expect(await page.locator('#recovery-written-error').textContent()).toBe(
      'Write the code down first, and tick the box.',
    )
    await page.locator('#recovery-written').check()
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-test="backup-create"]').click(),
    ])
    await backup.confirmSaved()
    const bytes = new Uint8Array(await (await import('node:fs/promises')).readFile(await download.path()))
    const made = await openBackupFile(bytes, code)
    expect(made.header.secret).toBe('recovery-code')

    // Another phone: a new profile.
    await session.close()
    session = await openSession({ locale: 'en-GB' })
    const fresh = session.page
    await fresh.goto(baseURL)
    await fresh.locator('[data-step="language"]').waitFor()
    await fresh.locator('[data-locale="en"]').click()
    await fresh.locator('[data-test="onboarding-restore"]').click()
    const restore = new BackupModel(fresh)
    await restore.chooseFile('backup.trin', bytes)
    await fresh
      .locator('[data-test="backup-file-info"]', { hasText: 'It opens with a recovery code.' })
      .waitFor()
    // Typed by hand: small letters, spaces instead of dashes.
    await restore.restore(code.toLowerCase().replaceAll('-', ' '))
    await fresh.locator('[data-test="backup-go-home"]').click()
    await fresh.locator('[data-test="course-link"]').waitFor()
    expect(await fresh.locator('main').textContent()).toContain(worker)
    expect(foreignRequests(session.requests)).toEqual([])
    expect(await cspViolations(fresh)).toEqual([])
    expect(session.warnings.filter((warning) => warning.includes('missing message'))).toEqual([])
    expect(session.errors).toEqual([])
  })
})
