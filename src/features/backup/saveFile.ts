import type { BackupSecretKind } from '@/data/backup/format'
import { BACKUP_FILE_EXTENSION } from '@/data/backup/backup'

/** A backup file the citizen chose, with what its plaintext header says. */
export interface ChosenBackup {
  readonly bytes: Uint8Array
  /** ISO instant the backup was made. */
  readonly createdAt: string
  /** Whether a passphrase or a recovery code opens it. */
  readonly secret: BackupSecretKind
}

/** Reads a chosen file's bytes, refusing files larger than `maxBytes` before reading them. */
export async function readFileBytes(file: Blob, maxBytes: number): Promise<Uint8Array | 'too-large'> {
  if (file.size > maxBytes) return 'too-large'
  return new Uint8Array(await file.arrayBuffer())
}

/** Where a backup is written when the browser lets the app choose a file (File System Access API). */
export interface SaveTarget {
  /** The file's name as the citizen left it in the picker (she may have renamed it). */
  readonly name: string
  /** Writes the bytes, closes the file, then reads them back from the file itself. */
  readonly writeAndReadBack: (bytes: Uint8Array<ArrayBuffer>) => Promise<Uint8Array>
}

interface WritableFile {
  write(data: Blob): Promise<void>
  close(): Promise<void>
}

interface SaveFileHandle {
  readonly name?: string
  createWritable(): Promise<WritableFile>
  getFile(): Promise<Blob>
}

type ShowSaveFilePicker = (options: {
  suggestedName: string
  types: { description: string; accept: Record<string, string[]> }[]
}) => Promise<SaveFileHandle>

function savePicker(): ShowSaveFilePicker | undefined {
  const picker = (globalThis as { showSaveFilePicker?: ShowSaveFilePicker }).showSaveFilePicker
  return typeof picker === 'function' ? picker.bind(globalThis) : undefined
}

/**
 * Whether the app can write the file itself and read it back (Chromium on desktop); elsewhere
 * the file goes to the browser's downloads and the app cannot know whether it was saved.
 */
export function canWriteFiles(): boolean {
  return savePicker() !== undefined
}

/**
 * Asks the citizen where to save (call it straight from the click: the picker needs the gesture,
 * which has expired once the key derivation is done). Null when they cancelled.
 */
export async function pickSaveTarget(filename: string, description: string): Promise<SaveTarget | null> {
  const picker = savePicker()
  if (picker === undefined) return null
  let handle: SaveFileHandle
  try {
    handle = await picker({
      suggestedName: filename,
      // Neutral: nothing in the type says what the file holds.
      types: [{ description, accept: { 'application/octet-stream': [BACKUP_FILE_EXTENSION] } }],
    })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return null
    throw error
  }
  return {
    name: handle.name ?? filename,
    writeAndReadBack: async (bytes) => {
      const writable = await handle.createWritable()
      await writable.write(new Blob([bytes], { type: 'application/octet-stream' }))
      await writable.close()
      const file = await handle.getFile()
      return new Uint8Array(await file.arrayBuffer())
    },
  }
}
