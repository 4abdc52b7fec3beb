import type { Page } from 'playwright-core'
import { baseURL } from './env'

/** Page model of the start page ("Where am I"). */
export class StartPageModel {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto(baseURL)
    await this.heading().waitFor()
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

  async startSampleCourse(): Promise<void> {
    await this.page.locator('[data-test="sample-course"]').click()
    await this.stage().waitFor()
  }
}
