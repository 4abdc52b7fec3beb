import type { Page } from 'playwright-core'
import { axeWholePage } from './axe'
import { baseURL } from './env'
import { OnboardingModel, type OnboardingAnswers } from './onboarding'

/** axe's violations on the whole screen (see `axeWholePage`). */
export const planAxeViolations = axeWholePage

/** Whether the main content is wider than its box (it must reflow into one column instead). */
export async function mainOverflows(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const main = document.querySelector('main')
    return main !== null && main.scrollWidth > main.clientWidth + 1
  })
}

/**
 * Gets a course onto the device by driving the UI, the only way in (the store is encrypted):
 * through the onboarding when the app has it, else the start page's example course. `at` is the
 * app's address (the benchmark measures two builds side by side).
 */
export async function startCourse(
  page: Page,
  answers: OnboardingAnswers = {},
  at: string = baseURL,
): Promise<'onboarding' | 'sample'> {
  await page.goto(at)
  const onboardingStep = page.locator('[data-step="language"]')
  const sample = page.locator('[data-test="sample-course"]')
  await onboardingStep.or(sample).first().waitFor()
  if (await onboardingStep.isVisible()) {
    await new OnboardingModel(page).complete(answers)
    return 'onboarding'
  }
  await sample.click()
  await page.locator('#course-status-heading').waitFor()
  return 'sample'
}

/** Page model of the plan screens: the plan, the focus-area picker, a focus area and a goal. */
export class PlanModel {
  constructor(readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { level: 1 })
  }

  /** Opens the plan through the main navigation. */
  async open(): Promise<void> {
    await this.page.locator('[data-nav="plan"]').click()
    await this.page.locator('[data-test="plan-phase"]').waitFor()
  }

  /**
   * Chooses `areaKeys` for the plan, opens the area named `areaName` and adds `goals` to it;
   * `steps` go under the first goal, whose page is left open.
   */
  async makeGoals(
    areaKeys: readonly string[],
    areaName: string,
    goals: readonly string[],
    steps: readonly string[] = [],
  ): Promise<void> {
    await this.open()
    await this.openPicker()
    await this.chooseAreas(areaKeys)
    await this.finishPicking()
    await this.openArea(areaName)
    for (const goal of goals) await this.addGoal(goal)
    const [first] = goals
    if (first === undefined || steps.length === 0) return
    await this.openGoal(first)
    for (const step of steps) await this.addStep(step)
  }

  async openPicker(): Promise<void> {
    await this.page.locator('[data-test="choose-areas"]').click()
    await this.page.locator('[data-test="area-count"]').waitFor()
  }

  async chooseAreas(keys: readonly string[]): Promise<void> {
    for (const [index, key] of keys.entries()) {
      await this.page.locator(`[data-test="area-${key}"]`).check()
      await this.page.locator(`[data-test="area-${key}"]:checked`).waitFor()
      await this.page.locator('[data-test="area-count"]', { hasText: String(index + 1) }).waitFor()
    }
  }

  chosenCount() {
    return this.page.locator('[data-test="area-count"]')
  }

  async finishPicking(): Promise<void> {
    await this.page.locator('[data-test="areas-done"]').click()
    await this.page.locator('[data-test="area-card"]').first().waitFor()
  }

  areaCards() {
    return this.page.locator('[data-test="area-card"]')
  }

  /** Opens a focus area from the plan by its visible name. */
  async openArea(name: string): Promise<void> {
    await this.areaCards().locator('h2 a', { hasText: name }).click()
    await this.page.locator('[data-test="goal-new"]').waitFor()
  }

  async addGoal(title: string, why = ''): Promise<void> {
    const before = await this.page.locator('[data-test="goal-list"] li').count()
    await this.page.locator('#new-goal-title').fill(title)
    if (why !== '') await this.page.locator('#new-goal-why').fill(why)
    await this.page.locator('[data-test="goal-add"]').click()
    await this.page.locator('[data-test="goal-list"] li').nth(before).waitFor()
  }

  /**
   * From a plan without focus areas: chooses one area (`key`, shown as `name` in Danish), adds a
   * goal to it and opens the goal's screen.
   */
  async firstGoal(key: string, name: string, title: string): Promise<void> {
    await this.open()
    await this.openPicker()
    await this.chooseAreas([key])
    await this.finishPicking()
    await this.openArea(name)
    await this.addGoal(title)
    await this.openGoal(title)
  }

  /** Opens a goal from the focus area's list (or the plan) by its title. */
  async openGoal(title: string): Promise<void> {
    await this.page.locator('.goal-summary__title', { hasText: title }).first().click()
    await this.page.locator('[data-test="step-new"]').waitFor()
  }

  async addStep(title: string, due = ''): Promise<void> {
    const before = await this.steps().count()
    await this.page.locator('#step-new-title').fill(title)
    if (due !== '') await this.page.locator('#step-new-due').fill(due)
    await this.page.locator('[data-test="step-add"]').click()
    await this.steps().nth(before).waitFor()
  }

  steps() {
    return this.page.locator('[data-test="step"]')
  }

  async markStepDone(index: number): Promise<void> {
    await this.page.locator(`[data-test="step-done-${index}"]`).check()
    await this.page.locator('[data-test="undo-bar"]').waitFor()
  }

  progress() {
    return this.page.locator('[data-test="goal-progress"]').first()
  }

  async backToArea(): Promise<void> {
    await this.page.locator('[data-test="back-to-area"]').click()
    await this.page.locator('[data-test="goal-new"]').waitFor()
  }
}
