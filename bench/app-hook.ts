/**
 * The benchmark's way into the app's real encrypted store. Only a bench build contains it
 * (`vite build --mode bench`, see vite.config.ts): the mode's plugin appends a dynamic import
 * of this file to src/main.ts, so the shipped build never carries it (scripts/check-dist.mjs
 * checks the shipped bundle for the hook's name).
 *
 * Everything goes through the app's own stores, as a user's writes do: validated, encrypted,
 * read back.
 */
import { getActivePinia } from 'pinia'
import { useRecordsStore } from '@/stores/records'
import { useVaultStore } from '@/stores/vault'
import { newKdfHeader } from '@/data/kdf/params'
import { deriveKey } from '@/data/kdf/runner'
import { makeSeededPlan } from './factory/seededPlan'

/** What `window.__trinBench` offers the benchmark script. */
export interface TrinBenchHook {
  /** Adds a seeded plan of `size` records to the open course; resolves with the live record count. */
  seed(size: number, seed?: number): Promise<number>
  /** Live records in memory (0 while locked). */
  recordCount(): number
  /**
   * Times one derivation of `passphrase` with the production Argon2id parameters, the way an
   * unlock derives (the KDF worker): what an unlock costs before it reads a single record.
   */
  kdfMs(passphrase: string): Promise<number>
  /** Makes a backup with `passphrase`, then restores it over the plan; times each half. */
  backupRoundTrip(passphrase: string): Promise<{ exportMs: number; importMs: number; bytes: number }>
}

declare global {
  interface Window {
    __trinBench?: TrinBenchHook
  }
}

function stores() {
  if (!getActivePinia()) throw new Error('The app has not installed Pinia yet')
  return { records: useRecordsStore(), vault: useVaultStore() }
}

// One transaction per chunk: 10,000 records in one write would hold a single huge transaction.
const chunkSize = 500

/**
 * What a person's touch would do for auto-lock (features/safety/useAutoLock.ts): the benchmark
 * works through this hook for minutes without any input — seeding 10,000 records or five
 * backup round trips at CPU ×4 — and the app rightly locks after the chosen idle minutes,
 * which left the vault locked halfway through `npm run bench`.
 */
function stayActive(): void {
  window.dispatchEvent(new Event('wheel'))
}

/** Throws unless the vault is open: a locked vault must fail the run, not skew its timings. */
function requireOpen(step: string): void {
  const { vault } = stores()
  if (vault.status !== 'open') throw new Error(`The vault is ${vault.status} after ${step}`)
}

window.__trinBench = {
  async seed(size, seed = 1) {
    const { records } = stores()
    const plan = makeSeededPlan({ size, seed })
    for (let start = 0; start < plan.length; start += chunkSize) {
      stayActive()
      await records.saveMany(plan.slice(start, start + chunkSize))
    }
    requireOpen('seeding')
    return records.live.length
  },
  recordCount() {
    return stores().records.live.length
  },
  async kdfMs(passphrase) {
    const header = newKdfHeader('argon2id')
    const start = performance.now()
    await deriveKey(new TextEncoder().encode(passphrase), header, 'wrap')
    return performance.now() - start
  },
  async backupRoundTrip(passphrase) {
    const { vault } = stores()
    const secret = { kind: 'passphrase', passphrase } as const
    stayActive()
    requireOpen('the previous step')
    const exportStart = performance.now()
    const backup = await vault.backup(secret)
    const exportMs = performance.now() - exportStart
    stayActive()
    const importStart = performance.now()
    await vault.restore(backup.bytes, secret, { passphrase }, { replace: true })
    const importMs = performance.now() - importStart
    stayActive()
    requireOpen('the restore')
    return { exportMs, importMs, bytes: backup.bytes.byteLength }
  },
}
