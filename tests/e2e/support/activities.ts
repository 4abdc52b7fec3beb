import { readFile } from 'node:fs/promises'
import type { Page } from 'playwright-core'

/** What the activity form is filled with; fields left out stay as they are. */
export interface ActivityInput {
  title: string
  date?: string
  time?: string
  repeat?: 'none' | 'daily' | 'weekly' | 'monthly'
  place?: string
  helper?: string
  priority?: 'now' | 'later'
}

/** A downloaded file: the name the browser suggested and its bytes. */
export interface DownloadedFile {
  name: string
  bytes: Uint8Array
}

/** Page model of the activity plan and the activity screen. */
export class ActivitiesModel {
  constructor(readonly page: Page) {}

  /** Opens the activity plan through the main navigation. */
  async open(): Promise<void> {
    await this.page.locator('[data-nav="activities"]').click()
    await this.page.locator('[data-test="activity-new"]').waitFor()
  }

  items() {
    return this.page.locator('[data-test="activity-item"]')
  }

  async startNew(): Promise<void> {
    await this.page.locator('[data-test="activity-new"]').click()
    await this.page.locator('[data-test="activity-form"]').waitFor()
  }

  /** Opens the form for a new activity from a goal's screen (the goal is chosen already). */
  async startFromGoal(): Promise<void> {
    await this.page.locator('[data-test="goal-activity"]').click()
    await this.page.locator('[data-test="activity-form"]').waitFor()
  }

  async fill(input: ActivityInput): Promise<void> {
    await this.page.locator('#activity-title').fill(input.title)
    if (input.date !== undefined) await this.page.locator('#activity-date').fill(input.date)
    if (input.time !== undefined) await this.page.locator('#activity-time').fill(input.time)
    if (input.repeat !== undefined) await this.page.locator('#activity-repeat').selectOption(input.repeat)
    if (input.place !== undefined) await this.page.locator('#activity-place').fill(input.place)
    if (input.helper !== undefined) await this.page.locator('#activity-helper').fill(input.helper)
    if (input.priority !== undefined)
      await this.page.locator(`[data-test="priority-${input.priority}"]`).check()
  }

  /** Saves a new activity and waits for its own screen (with "add to calendar"). */
  async create(): Promise<void> {
    await this.page.locator('[data-test="activity-save"]').click()
    await this.page.locator('[data-test="calendar"]').waitFor()
  }

  /** "Add to calendar": clicks and returns the downloaded file, caught through Playwright's download event. */
  async downloadCalendar(options: { showDetails?: boolean } = {}): Promise<DownloadedFile> {
    const details = this.page.locator('[data-test="calendar-details"]')
    if ((await details.isChecked()) !== (options.showDetails ?? false)) await details.click()
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.locator('[data-test="calendar-download"]').click(),
    ])
    const path = await download.path()
    return { name: download.suggestedFilename(), bytes: new Uint8Array(await readFile(path)) }
  }
}
