// Gives every unit and component test a fresh in-memory IndexedDB and Node's WebCrypto.
import 'fake-indexeddb/auto'
import { webcrypto } from 'node:crypto'

// happy-dom's window may shadow Node's crypto without SubtleCrypto.
if (!(globalThis.crypto as Crypto | undefined)?.subtle) {
  Object.defineProperty(globalThis, 'crypto', { value: webcrypto, configurable: true })
}
