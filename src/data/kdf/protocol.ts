/** Messages between the main thread and the KDF worker (structured clone; CryptoKey clones too). */
import type { Bytes } from '../bytes'
import type { DerivedKeyUse } from './secret'
import type { KdfErrorCode, KdfHeader } from './params'

/** Main thread → worker. */
export type KdfRequest =
  | {
      readonly type: 'derive'
      readonly secret: Bytes
      readonly header: KdfHeader
      readonly use: DerivedKeyUse
    }
  | { readonly type: 'probe' }

/** Worker → main thread. The derived key arrives as a non-extractable CryptoKey, never as bytes. */
export type KdfResponse =
  | { readonly type: 'key'; readonly key: CryptoKey }
  | { readonly type: 'probe'; readonly webAssembly: boolean }
  | { readonly type: 'error'; readonly code: KdfErrorCode; readonly message: string }
