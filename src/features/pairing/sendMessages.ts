import type { SendWaysMessages } from '@/features/qr'

/** What her send card and her ending package say around `SendWays` (the same words for both). */
export const sendMessages: SendWaysMessages = {
  file: 'send.file',
  qr: 'send.qr',
  qrHint: 'send.qrHint',
  qrDone: 'send.qrDone',
  fileTitle: 'send.fileTitle',
  shared: 'send.shared',
  downloaded: 'send.downloaded',
}
