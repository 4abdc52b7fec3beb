/**
 * The KDF's error, in a module of its own: the KDF worker needs it, and importing it from
 * params.ts would bundle zod (params.ts's header schemas) into the worker for nothing.
 */
import { codedError } from '../codedError'

export type KdfErrorCode =
  /** The header's parameters are outside the policy (too weak, or absurdly expensive). */
  | 'params-rejected'
  /** This method cannot run here (no WebAssembly, or the CSP forbids compiling it). */
  | 'unavailable'
  /** The derivation itself failed. */
  | 'failed'

/** A derivation was refused or failed. Callers translate it into LockError / ImportError. */
export class KdfError extends codedError('KdfError')<KdfErrorCode> {}
