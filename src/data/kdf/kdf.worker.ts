/**
 * The KDF worker: Argon2id (64 MiB) would freeze the page for a second or more on a phone, and
 * its WebAssembly memory cannot shrink once grown. Running it here keeps the UI responsive (the
 * lock screen can still switch language or quick-exit), and terminating the worker after each
 * derivation returns the memory — and every intermediate value — to the system.
 *
 * One request per worker; the main thread terminates it after the answer.
 */
import { deriveKeyInProcess } from './derive'
import { KdfError } from './kdfError'
import type { KdfRequest, KdfResponse } from './protocol'
import { canCompileWebAssembly } from './secret'

/** The parts of the dedicated-worker global used here (the project compiles against DOM types). */
interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<KdfRequest>) => void): void
  postMessage(message: KdfResponse): void
}

const scope = self as unknown as WorkerScope

async function answer(request: KdfRequest): Promise<KdfResponse> {
  if (request.type === 'probe') return { type: 'probe', webAssembly: await canCompileWebAssembly() }
  try {
    const key = await deriveKeyInProcess(request.secret, request.header, request.use)
    return { type: 'key', key }
  } catch (error) {
    const code = error instanceof KdfError ? error.code : 'failed'
    return { type: 'error', code, message: error instanceof Error ? error.message : 'derivation failed' }
  } finally {
    request.secret.fill(0)
  }
}

scope.addEventListener('message', (event) => {
  void answer(event.data).then((response) => {
    scope.postMessage(response)
  })
})
