/** Bytes that have their own ArrayBuffer (what WebCrypto's `BufferSource` accepts). */
export type Bytes = Uint8Array<ArrayBuffer>
