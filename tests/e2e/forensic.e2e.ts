/**
 * Issue #9, "Nothing readable left behind": after each protection change, a restore and an
 * erase, the Chromium profile directory is copied (what someone who copies the browser's
 * storage gets) and examined three ways (see support/forensic.ts): every file scanned for the
 * canary and for byte fingerprints of every earlier key generation; the copy reopened in a
 * fresh browser, every stored device key tried on every wrap and record; every earlier
 * passphrase tried on every wrap. Only the current secret may open anything. The first test
 * shows the scans do catch a leak.
 */
import { randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openSession, type Session } from './support/browser'
import {
  canaryNeedles,
  copyProfile,
  generationNeedles,
  passphraseOpens,
  readCopiedProfile,
  removeCopy,
  scanFiles,
  type Needle,
  type ProfileContents,
} from './support/forensic'
import { daysAgo, OnboardingModel } from './support/onboarding'
import { BackupModel } from './support/safety'

const FIRST = 'første lås på telefonen'
const SECOND = 'en helt anden sætning nu'
const RESTORED = 'planen kom tilbage hertil'
const BACKUP = 'tre kopper kaffe i køkkenet'

let session: Session | undefined

afterEach(async () => {
  await session?.close()
  session = undefined
})

function canary(): string {
  return `CANARYKEYS${randomBytes(6).toString('hex')}`
}

/** Home, "no lock", with the canary in the plan (the worker's name). */
async function onboardWithCanary(page: Page, mark: string): Promise<void> {
  const onboarding = new OnboardingModel(page)
  await onboarding.open()
  await onboarding.complete({
    locale: 'da',
    transition: 'homelessness',
    dayOne: daysAgo(20),
    contactStart: daysAgo(40),
    worker: { name: `Sagsbehandler ${mark}` },
  })
}

async function openSecurity(page: Page): Promise<void> {
  await page.locator('[data-nav="settings"]').click()
  await page.locator('[data-test="security-link"]').click()
  await page.locator('[data-test="lock-settings"]').waitFor()
}

async function openPart(page: Page, field: string): Promise<void> {
  await page
    .locator('details', { has: page.locator(field) })
    .locator('summary')
    .click()
}

/** Copies the profile and examines it; the copy is removed afterwards. */
async function examine(
  s: Session,
  needles: readonly Needle[],
): Promise<{ hits: string[]; files: number; contents: ProfileContents }> {
  // Let Chromium finish writing what it reported as committed (strict durability already
  // flushed the transactions; this covers the session and web-storage files).
  await s.page.waitForTimeout(300)
  const copy = copyProfile(s.userDataDir)
  try {
    const scanned = scanFiles(copy, needles)
    return { ...scanned, contents: await readCopiedProfile(copy) }
  } finally {
    removeCopy(copy)
  }
}

/** Which of `secrets` open any passphrase wrap in `contents`. */
async function openingSecrets(contents: ProfileContents, secrets: readonly string[]): Promise<string[]> {
  const opening: string[] = []
  for (const secret of secrets) {
    for (const wrap of contents.wraps) if (await passphraseOpens(wrap, secret)) opening.push(secret)
  }
  return opening
}

describe('forensics on a copied browser profile', () => {
  it('the scans catch a planted canary and a planted old key wrap', { timeout: 120_000 }, async () => {
    session = await openSession()
    const { page } = session
    const mark = canary()
    await onboardWithCanary(page, mark)
    await openSecurity(page)
    await page.locator('#lock-set-new').fill(FIRST)
    await page.locator('#lock-set-repeat').fill(FIRST)
    await page.locator('[data-test="lock-set"]').click()
    await page.locator('[data-outcome="set"]').waitFor()
    const old = await generationNeedles(page, 'locked generation')

    // Plant a leak: the canary in clear, and a copy of the current keyring (which the
    // passphrase opens) in a database of the page's own IndexedDB, as a careless app might keep.
    await page.evaluate(async (text) => {
      localStorage.setItem('draft', `note: ${text}`)
      const buckets = (
        navigator as unknown as {
          storageBuckets: { keys(): Promise<string[]>; open(n: string): Promise<{ indexedDB: IDBFactory }> }
        }
      ).storageBuckets
      const [name] = await buckets.keys()
      if (name === undefined) throw new Error('no bucket')
      const source = await new Promise<IDBDatabase>((resolve) => {
        void buckets.open(name).then((bucket) => {
          const request = bucket.indexedDB.open('trin')
          request.onsuccess = () => {
            resolve(request.result)
          }
        })
      })
      const keyring = await new Promise<unknown>((resolve) => {
        const request = source.transaction('meta').objectStore('meta').get('keyring')
        request.onsuccess = () => {
          resolve(request.result)
        }
      })
      source.close()
      await new Promise<void>((resolve) => {
        const request = indexedDB.open('planted', 1)
        request.onupgradeneeded = () => request.result.createObjectStore('meta', { keyPath: 'key' })
        request.onsuccess = () => {
          const tx = request.result.transaction('meta', 'readwrite', { durability: 'strict' })
          tx.objectStore('meta').put(keyring)
          tx.objectStore('meta').put({ key: 'draft', value: `note: ${text}` })
          tx.oncomplete = () => {
            request.result.close()
            resolve()
          }
        }
      })
    }, mark)

    const { hits, files, contents } = await examine(session, [...canaryNeedles(mark), ...old])
    expect(files).toBeGreaterThan(20)
    expect(
      hits.some((hit) => hit.includes(`${mark} (UTF-8)`)),
      hits.join('\n'),
    ).toBe(true)
    expect(hits.some((hit) => hit.includes('IndexedDB') && hit.includes('locked generation'))).toBe(true)
    expect(contents.wraps.filter((wrap) => wrap.where === '/planted')).toHaveLength(1)
    expect(await openingSecrets(contents, [FIRST])).toEqual([FIRST, FIRST])
  })

  it(
    'late lock, passphrase change, removal, restore and erase leave nothing an old secret opens',
    { timeout: 240_000 },
    async () => {
      session = await openSession()
      const { page } = session
      const mark = canary()
      await onboardWithCanary(page, mark)
      const generations: Needle[] = [...(await generationNeedles(page, 'no-lock generation'))]
      const scanFor = () => [...canaryNeedles(mark), ...generations]

      // 1. Late lock: "no lock" → passphrase. The old device key and data key must be gone.
      await openSecurity(page)
      await page.locator('#lock-set-new').fill(FIRST)
      await page.locator('#lock-set-repeat').fill(FIRST)
      await page.locator('[data-test="lock-set"]').click()
      await page.locator('[data-outcome="set"]').waitFor()
      let seen = await examine(session, scanFor())
      expect(seen.hits).toEqual([])
      expect(seen.contents.deviceKeys).toBe(0)
      expect(seen.contents.openedByDeviceKey).toEqual([])
      expect(seen.contents.wraps).toHaveLength(1)
      expect(await openingSecrets(seen.contents, [FIRST])).toEqual([FIRST])
      generations.push(...(await generationNeedles(page, 'first-passphrase generation')))

      // 2. Change: the first passphrase must open nothing in a later copy.
      await openPart(page, '#lock-change-current')
      await page.locator('#lock-change-current').fill(FIRST)
      await page.locator('#lock-change-new').fill(SECOND)
      await page.locator('#lock-change-repeat').fill(SECOND)
      await page.locator('[data-test="lock-change"]').click()
      await page.locator('[data-test="lock-change-form"] [role="status"]', { hasText: 'skiftet' }).waitFor()
      seen = await examine(session, scanFor())
      expect(seen.hits).toEqual([])
      expect(seen.contents.wraps).toHaveLength(1)
      expect(await openingSecrets(seen.contents, [FIRST, SECOND])).toEqual([SECOND])
      generations.push(...(await generationNeedles(page, 'second-passphrase generation')))

      // 3. Removal: back to a device key; only the current one opens, only the current rows.
      await openPart(page, '#lock-remove-current')
      await page.locator('#lock-remove-current').fill(SECOND)
      await page.locator('[data-test="lock-remove"]').click()
      await page.locator('[data-outcome="removed"]').waitFor()
      seen = await examine(session, scanFor())
      expect(seen.hits).toEqual([])
      expect(await openingSecrets(seen.contents, [FIRST, SECOND])).toEqual([])
      expect(seen.contents.wraps).toHaveLength(1)
      expect(seen.contents.deviceKeys).toBe(1)
      const current = seen.contents.wraps[0]?.keyId ?? ''
      expect(seen.contents.openedByDeviceKey.length).toBe(seen.contents.records)
      for (const opened of seen.contents.openedByDeviceKey) expect(opened).toContain(current)
      const deviceGeneration = await generationNeedles(page, 'device generation')

      // 4. Restore over it, under a new passphrase chosen first: the device generation goes.
      const backup = new BackupModel(page)
      await backup.open()
      const file = await backup.createWithPassphrase(BACKUP)
      generations.push(...deviceGeneration)
      await backup.chooseFile(file.name, file.bytes)
      await page.locator('#lock-choice-passphrase').check()
      await page.locator('#restore-lock-new').fill(RESTORED)
      await page.locator('#restore-lock-repeat').fill(RESTORED)
      await backup.restore(BACKUP)
      await page.locator('[data-test="backup-replace"]').waitFor()
      await page.locator('#restore-replace').check()
      await page.locator('[data-test="backup-restore"]').click()
      await page.locator('[data-test="backup-go-home"]').waitFor()
      seen = await examine(session, scanFor())
      expect(seen.hits).toEqual([])
      expect(seen.contents.deviceKeys).toBe(0)
      expect(seen.contents.openedByDeviceKey).toEqual([])
      expect(seen.contents.wraps).toHaveLength(1)
      expect(await openingSecrets(seen.contents, [FIRST, SECOND, RESTORED])).toEqual([RESTORED])
      generations.push(...(await generationNeedles(page, 'restored generation')))
      await page.locator('[data-test="backup-go-home"]').click()
      await page.locator('[data-test="course-link"]').waitFor()
      expect(await page.locator('main').textContent()).toContain(mark)

      // 5. Erase everything: nothing left at all, and the neutral page.
      await page.locator('[data-nav="settings"]').click()
      await page.locator('[data-test="erase-open"]').click()
      await page.locator('#erase-confirm').fill('slet')
      await page.locator('[data-test="erase"]').click()
      await page.waitForURL('**/opskrift.html')
      seen = await examine(session, scanFor())
      expect(seen.hits).toEqual([])
      expect(seen.contents).toMatchObject({ databases: [], wraps: [], deviceKeys: 0, records: 0 })
      expect(session.errors).toEqual([])
    },
  )
})
