import type { BackupSecretKind } from '@/data/backup/format'

/** A backup file the citizen chose, with what its plaintext header says. */
export interface ChosenBackup {
  readonly bytes: Uint8Array
  /** ISO instant the backup was made. */
  readonly createdAt: string
  /** Whether a passphrase or a recovery code opens it. */
  readonly secret: BackupSecretKind
}

/**
 * Hands a file to the browser as a download. The blob URL lives only long enough for the
 * download to start; nothing is sent anywhere.
 */
export function downloadFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.rel = 'noopener'
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => {
    URL.revokeObjectURL(url)
  }, 60_000)
}

/** Reads a chosen file's bytes, refusing files larger than `maxBytes` before reading them. */
export async function readFileBytes(file: Blob, maxBytes: number): Promise<Uint8Array | 'too-large'> {
  if (file.size > maxBytes) return 'too-large'
  return new Uint8Array(await file.arrayBuffer())
}
