import type { Page } from 'playwright-core'
import { baseURL } from './env'

/** Transitions as the onboarding offers them (the plan's target groups). */
export type Transition =
  'homelessness' | 'shelter' | 'psychiatry' | 'greenlanders' | 'employment' | 'aftercare' | 'other'

export interface OnboardingAnswers {
  /** The language chosen on the first screen. Default Danish. */
  locale?: 'da' | 'en'
  transition?: Transition
  /** YYYY-MM-DD, or omitted for "not known yet". */
  dayOne?: string
  contactStart?: string
  worker?: { name: string; phone?: string }
  /** Lock the plan with this passphrase at the lock step; omitted: "no lock" (one tap). */
  passphrase?: string
}

/**
 * Today's date (YYYY-MM-DD) `days` days ago on the wall clock of the browser's zone
 * (openSession uses Europe/Copenhagen), for tests that run on the real clock.
 */
export function daysAgo(days: number, timeZone = 'Europe/Copenhagen'): string {
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date())
  const [year, month, day] = today.split('-').map(Number)
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, (day ?? 1) - days)).toISOString().slice(0, 10)
}

/** Page model of the first-run onboarding (route 'onboarding'). */
export class OnboardingModel {
  constructor(readonly page: Page) {}

  /** Opens the app on an empty store: Home sends a first visit to the language screen. */
  async open(): Promise<void> {
    await this.page.goto(baseURL)
    await this.waitForStep('language')
  }

  heading() {
    return this.page.getByRole('heading', { level: 1 })
  }

  progress() {
    return this.page.locator('[data-test="onboarding-progress"]')
  }

  async waitForStep(id: string): Promise<void> {
    await this.page.locator(`[data-step="${id}"]`).waitFor()
  }

  async step(): Promise<string | null> {
    return this.page.locator('[data-step]').getAttribute('data-step')
  }

  async chooseLanguage(code: 'da' | 'en'): Promise<void> {
    await this.page.locator(`[data-locale="${code}"]`).click()
    await this.page.waitForFunction((lang) => document.documentElement.lang === lang, code)
    await this.waitForStep('about')
  }

  async next(): Promise<void> {
    await this.page.locator('[data-test="onboarding-next"]').click()
  }

  async skip(): Promise<void> {
    await this.page.locator('[data-test="onboarding-skip"]').click()
  }

  async chooseTransition(transition: Transition): Promise<void> {
    await this.page.locator(`#onboarding-group-${transition}`).check()
  }

  async fillDates(dayOne: string | undefined, contactStart: string | undefined): Promise<void> {
    if (dayOne !== undefined) await this.page.locator('#onboarding-transition-date').fill(dayOne)
    if (contactStart !== undefined) await this.page.locator('#onboarding-contact-start').fill(contactStart)
  }

  async fillWorker(name: string, phone?: string): Promise<void> {
    await this.page.locator('#onboarding-worker-name').fill(name)
    if (phone !== undefined) await this.page.locator('#onboarding-worker-phone').fill(phone)
  }

  /**
   * The lock step (everyone, before the plan is saved): "no lock" in one tap, or a passphrase
   * typed twice (then the key is derived, about half a second).
   */
  async chooseLock(passphrase?: string): Promise<void> {
    await this.waitForStep('lock')
    if (passphrase === undefined) {
      await this.page.locator('#lock-choice-none').check()
      await this.next()
    } else {
      await this.page.locator('#lock-choice-passphrase').check()
      await this.page.locator('#onboarding-lock-new').fill(passphrase)
      await this.page.locator('#onboarding-lock-repeat').fill(passphrase)
      await this.page.locator('[data-test="lock-set"]').click()
    }
    await this.waitForStep('ready')
  }

  /** Saves on the last screen and waits for Home. */
  async finish(): Promise<void> {
    await this.next()
    await this.page.locator('[data-test="course-link"]').waitFor()
  }

  /** The whole onboarding, from the language screen to Home. */
  async complete(answers: OnboardingAnswers = {}): Promise<void> {
    await this.waitForStep('language')
    await this.chooseLanguage(answers.locale ?? 'da')
    await this.next()
    await this.waitForStep('transition')
    await this.chooseTransition(answers.transition ?? 'homelessness')
    await this.next()
    if ((answers.transition ?? 'homelessness') === 'shelter') {
      // Women leaving a shelter read about quick exit and privacy first.
      await this.waitForStep('safety')
      await this.next()
    }
    await this.waitForStep('dates')
    await this.fillDates(answers.dayOne, answers.contactStart)
    await this.next()
    await this.waitForStep('worker')
    if (answers.worker) {
      await this.fillWorker(answers.worker.name, answers.worker.phone)
      await this.next()
    } else {
      await this.skip()
    }
    await this.chooseLock(answers.passphrase)
    await this.finish()
  }
}
