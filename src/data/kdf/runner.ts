/**
 * Where a derivation runs. In the browser: a fresh module Worker per derivation (see
 * kdf.worker.ts for why). Where `Worker` does not exist (tests under Node/happy-dom) or the
 * worker script cannot load (an old browser without module workers), the same code runs
 * in-process. Everything that derives takes a {@link KdfRunner} option, so tests inject one.
 */
import type { Bytes } from '../bytes'
import {
  KdfError,
  PRODUCTION_KDF_POLICY,
  assertKdfHeaderAllowed,
  type KdfHeader,
  type KdfMethod,
  type KdfPolicy,
} from './params'
import type { KdfRequest, KdfResponse } from './protocol'
import { canCompileWebAssembly, type DerivedKeyUse } from './secret'

/** Runs derivations. Implementations never see the policy: callers check headers first. */
export interface KdfRunner {
  /** Derives a non-extractable AES-GCM key from `secret` (which the runner never keeps). */
  readonly derive: (secret: Bytes, header: KdfHeader, use: DerivedKeyUse) => Promise<CryptoKey>
  /** Whether Argon2id can run here; if not, new secrets fall back to PBKDF2. */
  readonly supportsArgon2id: () => Promise<boolean>
}

/** What every deriving function accepts: where to run, and which parameters to allow. */
export interface KdfOptions {
  /** Defaults to {@link defaultKdfRunner}. */
  readonly runner?: KdfRunner
  /** Defaults to {@link PRODUCTION_KDF_POLICY}. Only tests pass anything else. */
  readonly policy?: KdfPolicy
  /**
   * Called once the derivation is handed to its runner (in the browser: posted to its worker),
   * so the caller can use the idle page meanwhile: an unlock loads the next screen's code.
   */
  readonly onStarted?: () => void
}

/**
 * Runs on the calling thread. The Argon2id code is imported on first use: the browser normally
 * derives in the worker, so the main bundle need not carry it.
 */
export const inProcessKdfRunner: KdfRunner = Object.freeze({
  derive: async (secret: Bytes, header: KdfHeader, use: DerivedKeyUse) =>
    (await import('./derive')).deriveKeyInProcess(secret, header, use),
  supportsArgon2id: canCompileWebAssembly,
})

function isResponse(value: unknown): value is KdfResponse {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
}

/**
 * A runner that starts a worker with `spawn` for every request and terminates it after the
 * answer. If the worker fails to load (an `error` event before any answer, or `spawn` throws),
 * this and every later request run on `fallback` instead.
 */
export function createWorkerKdfRunner(
  spawn: () => Worker,
  fallback: KdfRunner = inProcessKdfRunner,
): KdfRunner {
  let broken = false

  function ask(request: KdfRequest, transfer: Transferable[]): Promise<KdfResponse | null> {
    if (broken) return Promise.resolve(null)
    let worker: Worker
    try {
      worker = spawn()
    } catch {
      broken = true
      return Promise.resolve(null)
    }
    return new Promise<KdfResponse | null>((resolve) => {
      const finish = (response: KdfResponse | null): void => {
        worker.terminate()
        resolve(response)
      }
      worker.addEventListener('message', (event: MessageEvent<unknown>) => {
        const { data } = event
        finish(
          isResponse(data)
            ? data
            : { type: 'error', code: 'failed', message: 'unexpected answer from the KDF worker' },
        )
      })
      worker.addEventListener('messageerror', () => {
        finish({ type: 'error', code: 'failed', message: 'the KDF worker answer could not be read' })
      })
      worker.addEventListener('error', (event) => {
        // The script did not load or crashed outside the handler: use the in-process path.
        event.preventDefault()
        broken = true
        finish(null)
      })
      worker.postMessage(request, transfer)
    })
  }

  return {
    async derive(secret, header, use) {
      // A copy travels (and is detached from this thread by the transfer); the caller's bytes stay the caller's.
      const copy = new Uint8Array(secret)
      const response = await ask({ type: 'derive', secret: copy, header, use }, [copy.buffer])
      if (response === null) return fallback.derive(secret, header, use)
      if (response.type === 'key') return response.key
      if (response.type === 'error') throw new KdfError(response.code, response.message)
      throw new KdfError('failed', 'unexpected answer from the KDF worker')
    },
    async supportsArgon2id() {
      const response = await ask({ type: 'probe' }, [])
      if (response === null) return fallback.supportsArgon2id()
      return response.type === 'probe' && response.webAssembly
    },
  }
}

/** Starts the KDF worker; the `new URL(…, import.meta.url)` form is what Vite bundles as a worker. */
function spawnKdfWorker(): Worker {
  return new Worker(new URL('./kdf.worker.ts', import.meta.url), { type: 'module' })
}

let sharedDefault: KdfRunner | null = null

/** The worker runner where `Worker` exists, the in-process runner elsewhere. */
export function defaultKdfRunner(): KdfRunner {
  if (typeof Worker !== 'function') return inProcessKdfRunner
  sharedDefault ??= createWorkerKdfRunner(spawnKdfWorker)
  return sharedDefault
}

/**
 * Checks `header` against the policy, then derives.
 * @throws KdfError 'params-rejected' before any work when the header is out of policy
 */
export async function deriveKey(
  secret: Bytes,
  header: KdfHeader,
  use: DerivedKeyUse,
  options: KdfOptions = {},
): Promise<CryptoKey> {
  assertKdfHeaderAllowed(header, options.policy ?? PRODUCTION_KDF_POLICY)
  const runner = options.runner ?? defaultKdfRunner()
  try {
    const derived = runner.derive(secret, header, use)
    try {
      options.onStarted?.()
    } catch {
      // The caller's own work; the derivation goes on.
    }
    return await derived
  } catch (error) {
    if (error instanceof KdfError) throw error
    throw new KdfError('failed', 'Key derivation failed', { cause: error })
  }
}

/** The method for a new secret: Argon2id, or PBKDF2 only where Argon2id cannot run. */
export async function chooseKdfMethod(options: KdfOptions = {}): Promise<KdfMethod> {
  const runner = options.runner ?? defaultKdfRunner()
  return (await runner.supportsArgon2id()) ? 'argon2id' : 'pbkdf2'
}
