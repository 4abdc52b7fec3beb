import { afterEach, describe, expect, it } from 'vitest'
import { openSession, type Session } from './support/browser'
import { OnboardingModel } from './support/onboarding'
import { planAxeViolations } from './support/plan'
import { BackupModel } from './support/safety'

const PASSPHRASE = 'tre kopper kaffe i køkkenet'
const NEW_PASSPHRASE = 'en gul cykel ved havnen'
// The plan and its backup are made on 23 November; it is brought back ten days later,
// after the reminders' grace week, so a "no backup yet" reminder would show if one were due.
const MADE = new Date('2026-11-23T12:00:00+01:00')
const BROUGHT_BACK = new Date('2026-12-03T12:00:00+01:00')

let session: Session | undefined

afterEach(async () => {
  await session?.close()
  session = undefined
})

describe('restore from the onboarding', () => {
  it('erase says it worked; restore opens on restoring; Home does not say "no backup yet" after', async () => {
    session = await openSession()
    const { page } = session
    await page.setViewportSize({ width: 360, height: 780 })
    await page.clock.setFixedTime(MADE)
    const onboarding = new OnboardingModel(page)
    await onboarding.open()
    await onboarding.complete({
      transition: 'homelessness',
      dayOne: '2026-10-14',
      contactStart: '2026-09-23',
    })
    const backup = new BackupModel(page)
    await backup.open()
    const made = await backup.createWithPassphrase(PASSPHRASE)

    // Erasing says that it worked before the neutral page replaces the app.
    await page.locator('[data-nav="settings"]').click()
    await page.locator('[data-test="erase-open"]').click()
    await page.locator('#erase-confirm').fill('slet')
    await page.locator('[data-test="erase"]').click()
    const done = page.locator('[data-test="erase-done"]', { hasText: 'Alt er slettet.' })
    await done.waitFor()
    expect(await done.isVisible()).toBe(true)
    expect(new URL(page.url()).pathname).toBe('/')
    await page.waitForURL('**/opskrift.html')

    // A fresh start ten days later: "restore" opens on restoring, the file field on screen.
    await page.clock.setFixedTime(BROUGHT_BACK)
    await onboarding.open()
    await page.locator('[data-test="onboarding-restore"]').click()
    await page.locator('[data-test="restore-steps"]').waitFor()
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Hent planen tilbage')
    expect(await page.locator('[data-test="backup-create-form"]').count()).toBe(0)
    const field = await page.locator('label[for="backup-file"]').boundingBox()
    expect((field?.y ?? 9999) + (field?.height ?? 0)).toBeLessThanOrEqual(780)
    expect(await planAxeViolations(page)).toEqual([])

    // The plan is protected before anything is written, and the end says how.
    await backup.chooseFile(made.name, made.bytes)
    await page.locator('[data-test="backup-file-info"]').waitFor()
    await page.locator('#lock-choice-passphrase').check()
    await page.locator('#restore-lock-new').fill(NEW_PASSPHRASE)
    await page.locator('#restore-lock-repeat').fill(NEW_PASSPHRASE)
    await backup.restore(PASSPHRASE)
    const restored = page.locator('[data-test="restore-done"]')
    await restored.waitFor()
    expect(await restored.getByRole('heading').textContent()).toContain('Din plan er tilbage')
    expect(await page.locator('[data-test="restore-protected"]').textContent()).toBe(
      'Planen er låst med den adgangssætning, du lige har valgt. Husk den.',
    )
    expect(await planAxeViolations(page)).toEqual([])

    // Home: the restored backup counts as a backup on its day, so no "no backup yet".
    await page.locator('[data-test="backup-go-home"]').click()
    await page.locator('[data-test="course-link"]').waitFor()
    expect(await page.locator('[data-test="backup-reminder"]').count()).toBe(0)
    expect(session.warnings.filter((warning) => warning.includes('missing message'))).toEqual([])
    expect(session.errors).toEqual([])
  })
})
