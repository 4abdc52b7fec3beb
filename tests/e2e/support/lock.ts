import type { Page } from 'playwright-core'

/** What the lock screen shows (see LockScreen.vue's `data-lock-view`). */
export type LockView = 'opening' | 'passphrase' | 'pin' | 'closed' | 'error'

/** Page model of the lock screen, which replaces every screen while the plan is not open. */
export class LockModel {
  constructor(readonly page: Page) {}

  screen() {
    return this.page.locator('[data-lock-view]')
  }

  async waitFor(view: LockView): Promise<void> {
    await this.page.locator(`[data-lock-view="${view}"]`).waitFor()
  }

  async view(): Promise<string | null> {
    return this.screen().getAttribute('data-lock-view')
  }

  /** Types the passphrase (and optionally a PIN for this visit) and unlocks; does not wait for the outcome. */
  async submitPassphrase(passphrase: string, pin?: string): Promise<void> {
    await this.page.locator('#unlock-passphrase').fill(passphrase)
    if (pin !== undefined) {
      await this.page.locator('#unlock-with-pin').check()
      await this.page.locator('#unlock-new-pin').fill(pin)
    }
    await this.page.locator('[data-test="unlock"]').click()
  }

  /** Unlocks and waits until the lock screen is gone. */
  async unlock(passphrase: string, pin?: string): Promise<void> {
    await this.submitPassphrase(passphrase, pin)
    await this.screen().waitFor({ state: 'detached' })
  }

  async unlockWithPin(pin: string): Promise<void> {
    await this.page.locator('#unlock-pin').fill(pin)
    await this.page.locator('[data-test="unlock-pin"]').click()
  }

  /** "Open" in "no lock" mode after a lock or a quick exit. */
  async open(): Promise<void> {
    await this.page.locator('[data-test="open-plan"]').click()
    await this.screen().waitFor({ state: 'detached' })
  }

  error() {
    return this.page.locator('#unlock-passphrase-error')
  }
}
