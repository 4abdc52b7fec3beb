/**
 * The first screen makes no `Intl` object (issue #11): the first one a page makes loads the
 * locale data, about 150 ms of a cheap phone's main thread (×4), which the bare stack never pays.
 * A first visit's onboarding screen and a returning citizen's lock screen need none: today's
 * date comes from the device clock's own fields, "step 1 of 7" is written without Intl in
 * Danish, and plural rules are made on the first count.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { openSession, type Session } from './support/browser'
import { baseURL } from './support/env'
import { startCourse } from './support/plan'

let session: Session | undefined

afterEach(async () => {
  await session?.close()
  session = undefined
})

declare global {
  interface Window {
    __intlMade: string[]
  }
}

/** Wraps every Intl constructor (and the locale-aware methods that use one) to list its uses. */
function countIntl(): void {
  const made: string[] = []
  Object.defineProperty(window, '__intlMade', { value: made })
  const names = [
    'Collator',
    'DateTimeFormat',
    'DisplayNames',
    'ListFormat',
    'Locale',
    'NumberFormat',
    'PluralRules',
    'RelativeTimeFormat',
    'Segmenter',
  ] as const
  const intl = Intl as unknown as Record<string, unknown>
  for (const name of names) {
    const original = intl[name]
    if (typeof original !== 'function') continue
    const wrapped = new Proxy(original, {
      construct(target, args, newTarget) {
        made.push(`Intl.${name}`)
        return Reflect.construct(target, args, newTarget) as object
      },
      apply(target, self, args) {
        made.push(`Intl.${name}`)
        return Reflect.apply(target, self, args) as unknown
      },
    })
    intl[name] = wrapped
  }
  const methods: [object, string][] = [
    [String.prototype, 'localeCompare'],
    [Number.prototype, 'toLocaleString'],
    [Date.prototype, 'toLocaleString'],
    [Date.prototype, 'toLocaleDateString'],
    [Date.prototype, 'toLocaleTimeString'],
  ]
  for (const [owner, name] of methods) {
    const original = (owner as Record<string, unknown>)[name]
    if (typeof original !== 'function') continue
    Object.defineProperty(owner, name, {
      configurable: true,
      writable: true,
      value(this: unknown, ...args: unknown[]) {
        made.push(name)
        return Reflect.apply(original, this, args) as unknown
      },
    })
  }
}

describe('the first screen makes no Intl object', () => {
  it("on a first visit's language screen, and on a returning citizen's lock screen", async () => {
    session = await openSession()
    const { context, page } = session
    await context.addInitScript(countIntl)
    await page.goto(baseURL)
    await page.locator('[data-step="language"]').waitFor()
    await page.waitForLoadState('networkidle')
    expect(await page.evaluate(() => window.__intlMade)).toEqual([])

    // The wrapper sees what it should: the next onboarding screens write dates.
    await startCourse(page, { passphrase: 'en lang hest på et batteri' })
    expect((await page.evaluate(() => window.__intlMade)).length).toBeGreaterThan(0)

    await page.reload()
    await page.locator('#unlock-passphrase').waitFor()
    await page.waitForLoadState('networkidle')
    expect(await page.evaluate(() => window.__intlMade)).toEqual([])
  })
})
