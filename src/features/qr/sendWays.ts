/** What `SendWays` is given. */
import type { MessageKey } from '@/app/i18n/keys'

/** Bytes ready to go, with the package's number. */
export interface SendReady {
  readonly bytes: Uint8Array
  readonly seq: number
}

/** Message keys: the two buttons, the hint above the code and its "done", what became of the file. */
export interface SendWaysMessages {
  readonly file: MessageKey
  readonly qr: MessageKey
  readonly qrHint: MessageKey
  readonly qrDone: MessageKey
  readonly fileTitle: MessageKey
  readonly shared: MessageKey
  readonly downloaded: MessageKey
}
