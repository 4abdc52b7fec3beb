import { afterEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openSession, type Session } from './support/browser'
import { OnboardingModel } from './support/onboarding'
import { PlanModel, startCourse } from './support/plan'
import { LockModel } from './support/lock'

let session: Session | undefined

afterEach(async () => {
  await session?.close()
  session = undefined
})

interface FakeVoice {
  lang: string
  localService: boolean
}

interface Spoken {
  text: string
  lang: string
  voice: string
}

/**
 * Replaces the browser's speech synthesis before the app loads: the given voices, and every
 * utterance recorded in `window.__spoken` instead of spoken (headless Chromium has no voices).
 */
async function fakeSpeech(session: Session, voices: FakeVoice[]): Promise<void> {
  await session.context.addInitScript((given: FakeVoice[]) => {
    const spoken: { text: string; lang: string; voice: string }[] = []
    const voiceList = given.map((v) => ({
      ...v,
      name: `Fake ${v.lang}`,
      voiceURI: `fake:${v.lang}`,
      default: false,
    }))
    class Utterance extends EventTarget {
      lang = ''
      voice: { name: string } | null = null
      constructor(readonly text: string) {
        super()
      }
    }
    const synth = Object.assign(new EventTarget(), {
      speaking: false,
      pending: false,
      getVoices: () => voiceList,
      speak(utterance: Utterance) {
        spoken.push({ text: utterance.text, lang: utterance.lang, voice: utterance.voice?.name ?? '' })
        synth.speaking = true
      },
      cancel() {
        synth.speaking = false
      },
    })
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true })
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true })
    Object.defineProperty(window, '__spoken', { value: spoken })
  }, voices)
}

async function lastSpoken(page: Page): Promise<Spoken> {
  const spoken = await page.evaluate(() => (window as unknown as { __spoken: Spoken[] }).__spoken.at(-1))
  if (!spoken) throw new Error('nothing was spoken')
  return spoken
}

const readButton = (page: Page, scope: string, lang: string) =>
  page.locator(`${scope} [data-test="read-aloud"] button[data-lang="${lang}"]`).first()

const local = (lang: string): FakeVoice => ({ lang, localService: true })

describe('read aloud everywhere', () => {
  it('reads every onboarding step, in both languages in interpreter mode', async () => {
    session = await openSession()
    await fakeSpeech(session, [local('da-DK'), local('ar-SA')])
    const { page } = session
    const onboarding = new OnboardingModel(page)
    await onboarding.open()

    await readButton(page, '.onboarding', 'da').click()
    expect(await lastSpoken(page)).toMatchObject({ lang: 'da-DK', voice: 'Fake da-DK' })
    expect((await lastSpoken(page)).text).toContain('Vælg sprog')

    await page.locator('#onboarding-interpreter').selectOption('ar')
    await onboarding.chooseLanguage('da')
    const danishTitle = (await onboarding.heading().locator('.tx__primary').textContent()) ?? ''
    const arabicTitle = (await onboarding.heading().locator('.tx__second').textContent()) ?? ''

    await readButton(page, '.onboarding', 'da').click()
    const danish = await lastSpoken(page)
    expect(danish).toMatchObject({ lang: 'da-DK', voice: 'Fake da-DK' })
    expect(danish.text.split('\n')[0]).toBe(danishTitle.trim())
    expect(danish.text).not.toContain(arabicTitle.trim())

    const arabicButton = readButton(page, '.onboarding', 'ar')
    expect(await arabicButton.getAttribute('lang')).toBe('ar')
    await arabicButton.click()
    const arabic = await lastSpoken(page)
    expect(arabic).toMatchObject({ lang: 'ar-SA', voice: 'Fake ar-SA' })
    expect(arabic.text.split('\n')[0]).toBe(arabicTitle.trim())

    await onboarding.next()
    await onboarding.waitForStep('transition')
    await readButton(page, '.onboarding', 'da').click()
    expect((await lastSpoken(page)).text.split('\n')[0]).toBe(
      ((await onboarding.heading().locator('.tx__primary').textContent()) ?? '').trim(),
    )
  })

  it('reads the lock screen and a goal with its steps, in her own words', async () => {
    session = await openSession()
    await fakeSpeech(session, [local('da-DK')])
    const { page } = session
    await startCourse(page)

    const plan = new PlanModel(page)
    await plan.open()
    await plan.openPicker()
    await plan.chooseAreas(['housing'])
    await plan.finishPicking()
    await plan.areaCards().first().locator('h2 a').click()
    await plan.addGoal('Finde en lejlighed', 'Så jeg kan have mine børn hos mig')
    await plan.openGoal('Finde en lejlighed')
    await plan.addStep('Skrive mig op hos boligforeningen')

    await readButton(page, 'main', 'da').click()
    const goal = await lastSpoken(page)
    expect(goal.lang).toBe('da-DK')
    expect(goal.text.split('\n')[0]).toBe('Finde en lejlighed')
    expect(goal.text).toContain('Så jeg kan have mine børn hos mig')
    expect(goal.text).toContain('Skrive mig op hos boligforeningen')
    expect(await readButton(page, 'main', 'da').getAttribute('aria-label')).toBe(
      'Stop oplæsningen: Finde en lejlighed',
    )

    await page.locator('[data-nav="settings"]').click()
    await page.locator('[data-test="settings-lock-now"]').click()
    const lock = new LockModel(page)
    await lock.screen().waitFor()
    await readButton(page, '[data-lock-view]', 'da').click()
    const lockText = await lastSpoken(page)
    expect(lockText.text.split('\n')[0]).toBe(
      ((await page.locator('#lock-heading').textContent()) ?? '').trim(),
    )
    expect(lockText.text).not.toContain('Finde en lejlighed')
  })

  it('offers nothing for a language without an on-device voice, never a network voice', async () => {
    session = await openSession()
    await fakeSpeech(session, [local('da-DK'), { lang: 'ar-SA', localService: false }])
    const { page } = session
    const onboarding = new OnboardingModel(page)
    await onboarding.open()
    await page.locator('#onboarding-interpreter').selectOption('ar')
    await onboarding.chooseLanguage('da')

    const buttons = page.locator('.onboarding [data-test="read-aloud"] button')
    expect(await buttons.evaluateAll((all) => all.map((b) => b.getAttribute('data-lang')))).toEqual(['da'])

    await page.locator('#language-picker').selectOption('ar')
    await page.waitForFunction(() => document.documentElement.lang === 'ar')
    await page.locator('.onboarding [data-test="read-aloud"]').waitFor({ state: 'detached' })
  })
})
