/** The support network and the handover plan, driven through their screens (issue #12). */
import type { Page } from 'playwright-core'
import { PlanModel } from './plan'

/** A contact as the editor takes it; only name and kind are required. */
export interface NewContact {
  readonly name: string
  /** One of `networkKinds` (family, friend, neighbour, civilSociety, professional, …). */
  readonly kind: string
  readonly phone?: string
  readonly email?: string
  readonly closeness?: 'close' | 'some' | 'distant'
  readonly private?: boolean
  /** A crisis contact: shown under help now. */
  readonly crisis?: boolean
  /** Tick the first goal she has as one they help with. */
  readonly helpsWithFirstGoal?: boolean
}

/** Opens the network from the plan. */
export async function openNetwork(page: Page): Promise<void> {
  await page.locator('[data-nav="plan"]').click()
  await page.locator('[data-test="plan-network"]').click()
  await page.locator('[data-test="contact-new"]').waitFor()
}

/** Adds a contact from the network screen and waits until the list is back. */
export async function addContact(page: Page, contact: NewContact): Promise<void> {
  await page.locator('[data-test="contact-new"]').click()
  await page.locator('#contact-name').fill(contact.name)
  await page.locator('#contact-kind').selectOption(contact.kind)
  if (contact.phone !== undefined) await page.locator('#contact-phone').fill(contact.phone)
  if (contact.email !== undefined) await page.locator('#contact-email').fill(contact.email)
  if (contact.closeness !== undefined)
    await page.locator(`[data-test="closeness-${contact.closeness}"]`).check()
  if (contact.helpsWithFirstGoal === true)
    await page.locator('[data-test="contact-goals"] input[type="checkbox"]').first().check()
  if (contact.crisis === true) await page.locator('[data-test="contact-crisis"]').check()
  if (contact.private === true) await page.locator('[data-test="contact-private"]').check()
  await page.locator('[data-test="contact-save"]').click()
  await page.locator('[data-test="contact-new"]').waitFor()
}

/** Opens the handover plan from the plan. */
export async function openHandover(page: Page): Promise<void> {
  await page.locator('[data-nav="plan"]').click()
  await page.locator('[data-test="plan-handover"]').click()
  await page.locator('[data-test="handover-unowned"]').waitFor()
}

/** A line of the handover plan, by the goal's or step's title. */
export const handoverLine = (page: Page, title: string) =>
  page.locator(`[data-test="handover-line"][data-subject="${title}"]`)

/** Who takes over, as the line form asks it. */
export type NewOwner = { readonly contact: string } | { readonly service: string } | 'self'

/** Gives a goal or step of the handover plan an owner, "agreed", and saves the line. */
export async function giveOwner(page: Page, title: string, owner: NewOwner): Promise<void> {
  const row = handoverLine(page, title)
  await row.locator('[data-test="handover-line-open"]').click()
  if (owner === 'self') await row.locator('[data-test="owner-self"]').check()
  else if ('contact' in owner) {
    await row.locator('[data-test="owner-contact"]').check()
    await row.locator('select[data-test="owner-contact-choice"]').selectOption({ label: owner.contact })
  } else {
    await row.locator('[data-test="owner-service"]').check()
    await row.locator('input[data-test="owner-service-name"]').fill(owner.service)
  }
  await row.locator('[data-test="status-agreed"]').check()
  await row.locator('[data-test="handover-save"]').click()
  await row.locator('[data-test="handover-line-open"]').waitFor()
}

export const GOALS = ['Min egen lejlighed', 'Styr på økonomien'] as const
export const STEPS = ['Søg boligstøtte', 'Betal husleje', 'Køb en seng'] as const
export const NEED = 'En at tale med om aftenen'

/**
 * A realistic plan for the issue #12 screens, made through them in Danish (the course must be
 * started): two goals, three steps (one done); contacts of six kinds (Mor a crisis contact who
 * helps with the first goal, Sanne private) and Jonas in her safety notes; handover lines to a
 * contact, a service and herself, a support need and the long-term plan.
 */
export async function makeHandoverPlan(page: Page): Promise<void> {
  const plan = new PlanModel(page)
  await plan.makeGoals(['housing', 'economy'], 'Bolig', GOALS, STEPS)
  await plan.markStepDone(0)

  await openNetwork(page)
  await page.locator('[data-test="safety-notes-toggle"]').click()
  await page.locator('[data-test="kept-safe-from-name"]').fill('Jonas')
  await page.locator('[data-test="kept-safe-from-add"]').click()
  await addContact(page, {
    name: 'Mor',
    kind: 'family',
    phone: '+45 20 30 40 50',
    closeness: 'close',
    crisis: true,
    helpsWithFirstGoal: true,
  })
  await addContact(page, {
    name: 'Lene',
    kind: 'professional',
    phone: '70 12 34 56',
    email: 'lene@kommune.dk',
    closeness: 'some',
  })
  await addContact(page, { name: 'Joan', kind: 'civilSociety', closeness: 'distant' })
  await addContact(page, { name: 'Ali', kind: 'neighbour', closeness: 'some' })
  await addContact(page, { name: 'Jobcentret', kind: 'authority', closeness: 'distant' })
  await addContact(page, { name: 'Sanne', kind: 'friend', closeness: 'close', private: true })

  await openHandover(page)
  await giveOwner(page, STEPS[1], { contact: 'Mor' })
  await giveOwner(page, STEPS[2], { service: '§85 bostøtte' })
  await giveOwner(page, GOALS[1], 'self')
  await page.locator('#handover-need-new').fill(NEED)
  await page.locator('[data-test="handover-need-add"]').click()
  await handoverLine(page, NEED).waitFor()
  await page.locator('#handover-longTerm').fill('Blive boende og holde fast i min hverdag')
  await page.locator('[data-test="handover-plan-save"]').click()
}
