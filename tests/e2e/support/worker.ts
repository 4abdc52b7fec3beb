/**
 * Page models for the worker's phone and for her phone's side of sharing with it (issue #14 and
 * #15), the steps the worker-*.e2e.ts, proposals-*.e2e.ts, sharing-two-phones and pairing-citizen
 * files repeat: set up a worker's device, pair by short code, carry a package by file, propose,
 * send proposals, log a visit; on her phone share a goal, pair, send a file, decide on proposals.
 * The names and labels are the Danish ones of src/features/worker/README.md ("Flows").
 */
import type { Download, Page } from 'playwright-core'
import { encodeSharePackage } from '@/data/sharing/package'
import { asHlc, type Hlc } from '@/domain/clock'
import type { CivilDate } from '@/domain/civilDate'
import { shortCodeOf } from '@/domain/pairing'
import type { ProposalDecision } from '@/domain/proposals'
import type { ShareableRecord } from '@/domain/sharing'
import { baseURL } from './env'
import { saveScreen, switchLanguage } from './layout'
import { LockModel } from './lock'
import { problemsInEveryLocale, type ScreenStep } from './locales'
import { mainOverflows, PlanModel, planAxeViolations } from './plan'

/** The worker's passphrase in every worker test. */
export const PASSPHRASE = 'blå hest på bakken'
/** The pairing id and key of the tests that make her packages here with the app's own encoder. */
export const PAIRING = '0123456789abcdef0123456789abcdef'
export const STAMP = asHlc('2026-12-07T10:00:00.000Z-0000-00000000000000b2')

/** A file for `setInputFiles`. */
export interface PackageFile {
  readonly name: string
  readonly mimeType: string
  readonly buffer: Buffer
}

/** Her share package as her phone would make it, sealed with `key`. */
export async function sharePackageFile(options: {
  readonly key: string
  readonly seq: number
  readonly records: readonly ShareableRecord[]
  /** The ids the worker's copy must drop. */
  readonly tombstones?: readonly string[]
  readonly pairingId?: string
  readonly decisions?: readonly ProposalDecision[]
  readonly createdAt?: Hlc
  readonly endsOn?: CivilDate
  readonly name?: string
}): Promise<PackageFile> {
  const bytes = await encodeSharePackage(
    {
      pairingId: options.pairingId ?? PAIRING,
      seq: options.seq,
      createdAt: options.createdAt ?? STAMP,
      ...(options.endsOn === undefined ? {} : { endsOn: options.endsOn }),
    },
    {
      records: options.records,
      tombstones: options.tombstones ?? [],
      ...(options.decisions === undefined ? {} : { decisions: options.decisions }),
    },
    options.key,
  )
  return {
    name: options.name ?? `trin-${String(options.seq)}.trin`,
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(bytes),
  }
}

/**
 * axe and the 360 px reflow on the screen as it is, in Danish and Arabic, each saved as a picture
 * `<picture>-<code>.png`; problems are added to `problems` as "<code> <name>: …". Back in Danish after.
 */
export async function checkInDaAndAr(
  page: Page,
  picture: string,
  problems: string[],
  name: string = picture,
): Promise<void> {
  for (const code of ['da', 'ar']) {
    await switchLanguage(page, code)
    for (const violation of await planAxeViolations(page)) problems.push(`${code} ${name}: ${violation}`)
    if (await mainOverflows(page)) problems.push(`${code} ${name}: main overflows at 360 px`)
    await saveScreen(page, `${picture}-${code}`, { fullPage: true })
  }
  await switchLanguage(page, 'da')
}

/**
 * axe and the 360 px reflow in every language on the screen as it stands (what a form holds stays
 * across a switch), and pictures `<picture>-da.png` and `-ar.png`. Back in Danish after.
 */
export async function checkInEveryLocale(
  page: Page,
  picture: string,
  problems: string[],
  name: string = picture,
): Promise<void> {
  const stay: ScreenStep = { name, open: () => Promise.resolve() }
  problems.push(...(await problemsInEveryLocale(page, [stay])))
  for (const code of ['da', 'ar']) {
    await switchLanguage(page, code)
    await saveScreen(page, `${picture}-${code}`, { fullPage: true })
  }
  await switchLanguage(page, 'da')
}

/**
 * A screen for `problemsInEveryLocale` on the worker's phone: her screen, reached from "Mine
 * borgere" in any language, then `link` (a selector) followed if given; ready once `ready` shows.
 */
export function herScreen(name: string, ready: string, link?: string): ScreenStep {
  return {
    name,
    open: async (page) => {
      await page.locator('[data-nav="workerHome"]').click()
      await page.locator('[data-test="worker-citizen-open"]').first().click()
      if (link !== undefined) await page.locator(link).first().click()
      await page.locator(ready).first().waitFor()
    },
  }
}

/** The visit log's table after visits of 240, 120 and 45 minutes in phases 1, 2 and 3 (phase 3 under way). */
export const THREE_PHASES_TABLE: readonly (readonly string[])[] = [
  ['Kontaktperiode', '0 min', ''],
  ['Fase 1', '4 t', '4 t'],
  ['Fase 2', '2 t', '2 t'],
  ['Fase 3 (i gang)', '45 min', '1 t'],
  ['I alt', '6 t 45 min', ''],
]

/** The 4:2:1 chart's bars once each of the three phases has a visit: time used and the guide. */
export const THREE_PHASES_BARS: readonly string[] = [
  '1-guide:bar',
  '1-used:bar',
  '2-guide:bar',
  '2-used:bar',
  '3-guide:bar',
  '3-used:bar',
]

/** A visit as the worker writes it in (the mode and the stage are the Danish words on the form). */
export interface Visit {
  readonly date: string
  readonly minutes: string
  readonly mode: string
  readonly place?: string
  /** Her stage that day as the form says it, checked before saving. */
  readonly stage: string
}

/** Chromium flags for a fake camera playing `video` (a .y4m file). */
export function fakeCamera(video: string): string[] {
  return [
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${video}`,
  ]
}

/** Page model of the worker's phone. */
export class WorkerModel {
  constructor(
    readonly page: Page,
    readonly passphrase: string = PASSPHRASE,
  ) {}

  heading(name: string) {
    return this.page.getByRole('heading', { level: 1, name })
  }

  /** From an empty phone's first screen to the set-up ("Medarbejder-telefon"). */
  async openSetup(): Promise<void> {
    await this.page.goto(baseURL)
    await this.page.getByRole('link', { name: /CTI-medarbejder/ }).click()
    await this.heading('Medarbejder-telefon').waitFor()
  }

  /** Locks the set-up with the passphrase and waits for "Mine borgere". */
  async lock(): Promise<void> {
    await this.page.locator('#worker-lock-new').fill(this.passphrase)
    await this.page.locator('#worker-lock-repeat').fill(this.passphrase)
    await this.page.getByRole('button', { name: 'Lås og brug som medarbejder-telefon' }).click()
    await this.heading('Mine borgere').waitFor()
  }

  /** From an empty phone's first screen to "Mine borgere", locked with the passphrase. */
  async setUp(): Promise<void> {
    await this.openSetup()
    await this.lock()
  }

  async openPair(): Promise<void> {
    await this.page.getByRole('link', { name: 'Par med en borger' }).click()
    await this.heading('Par med en borger').waitFor()
  }

  /** Types her short code (as shown, or forgivingly) and presses "Brug koden". */
  async enterCode(code: string): Promise<void> {
    await this.page.locator('#worker-pair-code-input').fill(code)
    await this.page.getByRole('button', { name: 'Brug koden' }).click()
  }

  /** Names the pairing and saves it; her screen opens. */
  async saveLabel(label = 'Sara'): Promise<void> {
    await this.page.locator('#worker-pair-label').fill(label)
    await this.page.getByRole('button', { name: 'Gem parringen' }).click()
    await this.heading(label).waitFor()
  }

  /** From "Mine borgere": pairs by her short code and opens her screen. */
  async pairByCode(code: string, label = 'Sara'): Promise<void> {
    await this.openPair()
    await this.enterCode(code)
    await this.saveLabel(label)
  }

  /**
   * A fresh phone on the fixed day `today`: set up as a worker's phone and paired with her
   * (`label`) by the short code of `key`; her screen opens.
   */
  async pairedOn(today: Date, key: string, label = 'Sara'): Promise<void> {
    await this.page.clock.setFixedTime(today)
    await this.setUp()
    await this.pairByCode(shortCodeOf(key), label)
  }

  /** From her screen: "Modtag en pakke". */
  async openReceive(): Promise<void> {
    await this.page.getByRole('link', { name: 'Modtag en pakke' }).click()
    await this.heading('Modtag en pakke').waitFor()
  }

  receiveFileInput() {
    return this.page.locator('[data-test="worker-receive-file"]')
  }

  /** On "Modtag en pakke": opens a package file (a path or bytes) and waits until it is received. */
  async receiveFile(file: string | PackageFile): Promise<void> {
    await this.receiveFileInput().setInputFiles(file)
    await this.page.locator('[data-test="worker-receive-ok"]').waitFor()
  }

  /** From her screen: receives a package file and goes back to her screen. */
  async receive(file: string | PackageFile, label = 'Sara'): Promise<void> {
    await this.openReceive()
    await this.receiveFile(file)
    await this.backTo(label)
  }

  /** "Tilbage til ‹label›": back on her screen. */
  async backTo(label = 'Sara'): Promise<void> {
    await this.page.getByRole('link', { name: `Tilbage til ${label}` }).click()
    await this.heading(label).waitFor()
  }

  /** Her screen from "Mine borgere" (the bottom navigation). */
  async openCitizen(label = 'Sara'): Promise<void> {
    await this.page.locator('[data-nav="workerHome"]').click()
    await this.page.locator('[data-test="worker-citizen-open"]').first().click()
    await this.heading(label).waitFor()
  }

  /** Reloads: the phone locks; unlocks with the passphrase and waits for "Mine borgere". */
  async reloadAndUnlock(): Promise<void> {
    await this.page.reload()
    await new LockModel(this.page).unlock(this.passphrase)
    await this.heading('Mine borgere').waitFor()
  }

  // Proposals ---------------------------------------------------------------------------------

  /** From her screen: "Foreslå en ændring af „‹title›“", the form prefilled from her copy. */
  async openEdit(title: string): Promise<void> {
    await this.page.getByRole('link', { name: `Foreslå en ændring af „${title}“` }).click()
    await this.heading('Foreslå en ændring').waitFor()
  }

  /** "Gem forslaget" on a filled form; waits for "Forslag til hende". */
  async saveProposal(): Promise<void> {
    await this.page.getByRole('button', { name: 'Gem forslaget' }).click()
    await this.heading('Forslag til hende').waitFor()
  }

  /** From her screen: proposes a new title (and a word to her) for a sub-goal or an activity. */
  async proposeEdit(title: string, changes: { title: string; comment?: string }): Promise<void> {
    await this.openEdit(title)
    await this.page.locator('#worker-propose-title').fill(changes.title)
    if (changes.comment !== undefined)
      await this.page.locator('#worker-propose-comment').fill(changes.comment)
    await this.saveProposal()
  }

  /** From her screen: proposes a new activity for her goal. */
  async proposeActivity(goal: string, title: string, date?: string): Promise<void> {
    await this.page.getByRole('link', { name: `Foreslå en ny aktivitet til „${goal}“` }).click()
    await this.page.locator('#worker-propose-title').fill(title)
    if (date !== undefined) await this.page.locator('#worker-propose-date').fill(date)
    await this.saveProposal()
  }

  /** From her screen: "Skriv en note til hende om „‹goal›“". */
  async openNote(goal: string): Promise<void> {
    await this.page.getByRole('link', { name: `Skriv en note til hende om „${goal}“` }).click()
    await this.page.locator('#worker-propose-text').waitFor()
  }

  /** From her screen: proposes a note about her goal. */
  async proposeNote(goal: string, text: string): Promise<void> {
    await this.openNote(goal)
    await this.page.locator('#worker-propose-text').fill(text)
    await this.saveProposal()
  }

  /**
   * From her screen: proposes the worker's own rating — the first area `score` (with `note`), the
   * stage the form chose ahead; lands on "Forslag til hende".
   */
  async proposeRating(score: number, note: string): Promise<void> {
    await this.page.locator('[data-test="worker-rating-link"]').click()
    await this.page.getByRole('heading', { level: 1, name: 'Din egen vurdering' }).waitFor()
    const first = this.page.locator('[data-test="worker-rating-dimension"]').first()
    const key = (await first.getAttribute('data-dimension')) ?? ''
    await this.page.locator(`#worker-rating-${key}-${String(score)}`).check()
    await this.page.locator(`#worker-rating-note-${key}`).fill(note)
    await this.page.locator('[data-test="worker-rating-save"]').click()
    await this.page.getByRole('heading', { level: 1, name: 'Forslag til hende' }).waitFor()
  }

  /** On "Forslag til hende": sends the pending proposals as a file; the browser's download. */
  async sendProposalsFile(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.locator('[data-test="worker-proposals-file"]').click(),
    ])
    await this.page.locator('[data-test="worker-proposals-done"]').waitFor()
    return download
  }

  /** From her screen: "Forslag til hende". */
  async openProposals(): Promise<void> {
    await this.page.locator('[data-test="worker-proposals-link"]').click()
    await this.heading('Forslag til hende').waitFor()
  }

  /** What "Forslag til hende" says of each proposal (Venter på hende / Hun sagde ja / nej). */
  /**
   * Waits until the worker's screen is no longer busy: an erasure ends in a new key generation,
   * which re-opens the vault (the screen says "loading" a moment, `aria-busy` on its frame).
   */
  async settled(): Promise<void> {
    await this.page
      .locator('[data-test="worker-screen"]:not([aria-busy="true"])')
      .waitFor({ timeout: 30_000 })
  }

  async proposalStates(): Promise<string[]> {
    return this.page.locator('[data-test="worker-proposal-state"]').allTextContents()
  }

  // Visits ------------------------------------------------------------------------------------

  /** From her screen: "Skriv et besøg ind". */
  async openVisitForm(): Promise<void> {
    await this.page.getByRole('link', { name: 'Skriv et besøg ind' }).click()
    await this.heading('Nyt besøg').waitFor()
  }

  /**
   * From her screen: writes a visit in, checks the stage the form says for its day, runs
   * `beforeSave` on the filled form (axe, say) and saves; back on her screen.
   */
  async logVisit(visit: Visit, beforeSave?: () => Promise<void>, label = 'Sara'): Promise<void> {
    await this.openVisitForm()
    await this.page.locator('#worker-visit-date').fill(visit.date)
    await this.page.locator('#worker-visit-minutes').fill(visit.minutes)
    await this.page.getByRole('radio', { name: visit.mode }).check()
    if (visit.place !== undefined) await this.page.locator('#worker-visit-place').fill(visit.place)
    await this.page.locator('[data-test="worker-visit-stage"]').getByText(visit.stage).waitFor()
    if (beforeSave) await beforeSave()
    await this.page.getByRole('button', { name: 'Gem besøget' }).click()
    await this.heading(label).waitFor()
  }

  visits() {
    return this.page.locator('[data-test="worker-visit-list"] > li')
  }

  /** The 4:2:1 table's rows: stage, used, guide. */
  async visitTable(): Promise<string[][]> {
    return this.page.locator('[data-test="worker-visit-table"] tr[data-stage]').evaluateAll((rows) =>
      rows.map((row) =>
        [...row.querySelectorAll('th, td')].map((cell) =>
          cell.textContent
            .replace(/\u00ad/g, '')
            .replace(/\s+/g, ' ')
            .trim(),
        ),
      ),
    )
  }

  /** The chart's bars, as "<phase>-<used|guide>:<bar|none>", sorted. */
  async visitBars(): Promise<string[]> {
    const bars = await this.page
      .locator('[data-test="worker-visit-drawing"] [data-bar]')
      .evaluateAll((groups) =>
        groups.map((g) => `${g.getAttribute('data-bar') ?? ''}:${g.querySelector('rect') ? 'bar' : 'none'}`),
      )
    return bars.sort()
  }
}

/** Page model of her phone's side of sharing: share a goal, pair, send, take proposals in. */
export class CitizenSharingModel {
  readonly plan: PlanModel

  constructor(readonly page: Page) {
    this.plan = new PlanModel(page)
  }

  /** Shares the record whose screen is open (its "Del med min medarbejder" button). */
  async shareHere(): Promise<void> {
    await this.page.locator('[data-test="share-toggle-button"]').click()
    await this.page.locator('[data-test="share-toggle-button"][aria-pressed="true"]').waitFor()
  }

  /** Shares the plan's first focus area from its own screen. */
  async shareFirstArea(): Promise<void> {
    await this.page.locator('[data-nav="plan"]').click()
    await this.page.locator('[data-test="area-card"] h2 a').first().click()
    await this.shareHere()
  }

  /**
   * From a plan without focus areas: the goal "Egen bolig" under "Bolig", `steps` under it,
   * before `beforeArea` runs on the goal's screen (more to share there); the goal and the area shared.
   */
  async shareGoal(
    title = 'Egen bolig',
    steps: readonly string[] = [],
    beforeArea?: () => Promise<void>,
  ): Promise<void> {
    await this.plan.firstGoal('housing', 'Bolig', title)
    for (const step of steps) await this.plan.addStep(step)
    await this.shareHere()
    if (beforeArea) await beforeArea()
    await this.shareFirstArea()
  }

  /** Plan → "Hvad min medarbejder kan se": shares a whole section ("course": her course's dates). */
  async shareSection(section: string): Promise<void> {
    await this.page.locator('[data-nav="plan"]').click()
    await this.page.locator('[data-test="plan-sharing"]').click()
    const switches = this.page.locator(`[data-test="section-switch-${section}"]`)
    await switches.locator('[data-test="section-share-all"]').click()
    await switches.locator('[data-test="section-yes"]').click()
    await this.page.locator('[data-test="undo-bar"]').waitFor()
  }

  /** Plan → "Del med din medarbejder". */
  async openShare(): Promise<void> {
    await this.page.locator('[data-nav="plan"]').click()
    await this.page.locator('[data-test="plan-share"]').click()
    await this.page.locator('[data-test="pairing-card"]').waitFor()
  }

  /** On the sharing screen: starts pairing, shows the short code and returns it (not yet confirmed). */
  async showShortCode(): Promise<string> {
    await this.page.locator('[data-test="pairing-start"]').click()
    await this.page.locator('[data-test="pairing-show-code"]').click()
    return (await this.page.locator('[data-test="pairing-short-code"]').textContent()) ?? ''
  }

  /** "Paired": the worker's phone has her code. */
  async confirmPairing(): Promise<void> {
    await this.page.locator('[data-test="pairing-confirm"]').click()
    await this.page.locator('[data-test="send-card"]').waitFor()
  }

  /** Opens sharing, pairs by the short code and returns the code. */
  async pair(): Promise<string> {
    await this.openShare()
    const code = await this.showShortCode()
    await this.confirmPairing()
    return code
  }

  /** On the sharing screen: sends what she shares as a file; the browser's download. */
  async sendFile(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.locator('[data-test="send-file"]').click(),
    ])
    return download
  }

  /** Plan → sharing → "Forslag fra din medarbejder". */
  async openProposals(): Promise<void> {
    await this.openShare()
    await this.page.locator('[data-test="share-proposals"] a').click()
    await this.page.locator('#proposals-review-heading').waitFor()
  }

  /** On the review: takes a proposal package in (a file) and waits until it is read. */
  async receiveProposals(file: string): Promise<void> {
    await this.page.locator('[data-test="proposals-receive-file"]').setInputFiles(file)
    await this.page.locator('[data-test="proposals-receive-ok"]').waitFor()
  }

  proposals() {
    return this.page.locator('[data-test="proposal"]')
  }

  /** The proposal card that says `text`. */
  proposal(text: string) {
    return this.page.locator('[data-test="proposal"]', { hasText: text })
  }

  /** Says yes (or no) to the proposal that says `text`, and waits for "Du sagde ja" (nej). */
  async decide(text: string, choice: 'accept' | 'reject'): Promise<void> {
    await this.proposal(text).locator(`[data-test="proposal-${choice}"]`).click()
    await this.page
      .locator('[data-test="proposals-said"]', {
        hasText: choice === 'accept' ? 'Du sagde ja' : 'Du sagde nej',
      })
      .waitFor()
  }
}
