import type { Page } from 'playwright-core'
import { baseURL } from './env'
import { daysAgo, OnboardingModel } from './onboarding'

/** Page model of the start page ("Where am I"), as the foundation tests use it. */
export class StartPageModel {
  constructor(readonly page: Page) {}

  /** Opens the app and waits for its first screen: onboarding on a first visit, else Home. */
  async open(): Promise<void> {
    await this.page.goto(baseURL)
    await this.page.locator('[data-step], [data-test="course-link"]').first().waitFor()
  }

  heading() {
    return this.page.getByRole('heading', { level: 1 })
  }

  stage() {
    return this.page.locator('#course-status-heading')
  }

  async chooseLanguage(code: string): Promise<void> {
    await this.page.locator('#language-picker').selectOption(code)
    await this.page.waitForFunction((lang) => document.documentElement.lang === lang, code)
  }

  /**
   * Gets a course the way a person does, through onboarding: moved in 40 days ago after three
   * weeks of contact, so phase 1 is under way (day 41). Keeps the language already chosen.
   */
  async startCourse(): Promise<void> {
    const lang = await this.page.evaluate(() => document.documentElement.lang)
    await new OnboardingModel(this.page).complete({
      locale: lang === 'en' ? 'en' : 'da',
      dayOne: daysAgo(40),
      contactStart: daysAgo(61),
    })
    await this.stage().waitFor()
  }
}
