import type { Page } from 'playwright-core'
import { axeWholePage } from './axe'

/** axe's violations on the whole screen (see `axeWholePage`). */
export const axeViolations = axeWholePage

/** Whether the page scrolls sideways (it must not: one column that reflows at any width). */
export async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth)
}

/**
 * Elements of the screen's content (inside <main>, so not the app's header and navigation)
 * that stick out of the viewport sideways, described as "tag.class: text".
 */
export async function overflowInMain(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth
    return [...document.querySelectorAll('main *')]
      .filter((element) => {
        // Text for screen readers only sits in a clipped 1 px box; its runs may reach anywhere.
        if (element.closest('.visually-hidden') !== null) return false
        const box = element.getBoundingClientRect()
        return box.width > 0 && (box.right > width + 1 || box.left < -1)
      })
      .map(
        (element) =>
          `${element.tagName.toLowerCase()}.${element.className}: ${element.textContent.trim().slice(0, 30)}`,
      )
  })
}

/** Page model of Home, "Where am I" (route 'start'). */
export class HomeModel {
  constructor(readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { level: 1 })
  }

  stage() {
    return this.page.locator('#course-status-heading')
  }

  daysLeftInPhase() {
    return this.page.locator('[data-test="days-left-phase"]')
  }

  courseEnd() {
    return this.page.locator('[data-test="course-end"]')
  }

  /** The course's last day as YYYY-MM-DD. */
  async courseEndDate(): Promise<string | null> {
    return this.courseEnd().getAttribute('data-date')
  }

  nextChange() {
    return this.page.locator('[data-test="next-change"]')
  }

  currentTimelineStep() {
    return this.page.locator('[data-test="timeline"] [aria-current="step"]')
  }

  timelinePauses() {
    return this.page.locator('[data-test="timeline-pause"]')
  }

  /**
   * Where the timeline bar's parts are drawn, as distances from the bar's inline start (left in
   * a left-to-right language, right in a right-to-left one), in pixels.
   */
  async timelineBar(): Promise<{ firstStage: [number, number]; today: number }> {
    return this.page.evaluate(() => {
      const track = document.querySelector('.bar__track')
      const first = document.querySelector('.bar__stage')
      const today = document.querySelector('.bar__today')
      if (!track || !first || !today) throw new Error('no timeline bar')
      const rtl = getComputedStyle(track).direction === 'rtl'
      const box = track.getBoundingClientRect()
      const fromStart = (x: number): number => Math.round(rtl ? box.right - x : x - box.left)
      const stage = first.getBoundingClientRect()
      const marker = today.getBoundingClientRect()
      const [a, b] = [fromStart(stage.left), fromStart(stage.right)].sort((x, y) => x - y)
      return { firstStage: [a ?? 0, b ?? 0], today: fromStart(marker.left + marker.width / 2) }
    })
  }

  async openCourse(): Promise<CourseModel> {
    await this.page.locator('[data-test="course-link"]').click()
    const course = new CourseModel(this.page)
    await course.page.locator('#course-dates-heading').waitFor()
    return course
  }

  /** Goes Home through the main navigation. */
  async open(): Promise<void> {
    await this.page.locator('[data-nav="start"]').click()
    await this.stage().waitFor()
  }
}

/** Page model of the course details: pause and resume, dates, worker, history (route 'course'). */
export class CourseModel {
  constructor(readonly page: Page) {}

  async pause(
    start: string,
    reason: 'hospital' | 'prison' | 'treatment' | 'other',
    note?: string,
  ): Promise<void> {
    await this.page.locator('#pause-start').fill(start)
    await this.page.locator(`#pause-reason-${reason}`).check()
    if (note !== undefined) await this.page.locator('#pause-note').fill(note)
    await this.page.locator('[data-test="pause-course"]').click()
    await this.page.locator('#resume-date').waitFor()
  }

  async resume(on: string): Promise<void> {
    await this.page.locator('#resume-date').fill(on)
    await this.page.locator('[data-test="resume-course"]').click()
    await this.page.locator('#pause-start').waitFor()
  }

  history() {
    return this.page.locator('[data-test="pause-history"]')
  }
}
