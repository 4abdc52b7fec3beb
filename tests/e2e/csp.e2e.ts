import { afterEach, describe, expect, it } from 'vitest'
import { cspViolations, foreignRequests, openSession, type Session } from './support/browser'
import { baseURL } from './support/env'

let session: Session | undefined

afterEach(async () => {
  await session?.close()
  session = undefined
})

describe('Content-Security-Policy', () => {
  it('is sent as a header by `npm start` and set as a meta tag, without unsafe-eval', async () => {
    session = await openSession()
    const { page } = session
    const response = await page.goto(baseURL)
    await page.getByRole('heading', { level: 1 }).waitFor()
    const header = response?.headers()['content-security-policy'] ?? ''
    const meta =
      (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? ''
    for (const policy of [header, meta]) {
      expect(policy).toContain("default-src 'self'")
      expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'")
      expect(policy).not.toMatch(/'unsafe-eval'|'unsafe-inline'/)
    }
    // Only a header can forbid framing.
    expect(header).toContain("frame-ancestors 'none'")
    expect(response?.headers()['referrer-policy']).toBe('no-referrer')
    expect(await cspViolations(page)).toEqual([])
    expect(foreignRequests(session.requests)).toEqual([])
    expect(session.errors).toEqual([])
  })

  it('is really enforced: an injected inline script does not run and is reported', async () => {
    session = await openSession()
    const { page } = session
    await page.goto(baseURL)
    await page.getByRole('heading', { level: 1 }).waitFor()
    expect(await cspViolations(page)).toEqual([])
    await page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'window.__inlineRan = true'
      document.body.append(script)
    })
    expect(
      await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan),
    ).toBeUndefined()
    // Reported once per policy (header and meta tag).
    await expect.poll(() => cspViolations(page)).toContain('script-src-elem inline')
    expect(new Set(await cspViolations(page))).toEqual(new Set(['script-src-elem inline']))
  })
})
