import { codedError } from '../codedError'
import { decodeBase45, encodeBase45 } from './base45'
import { crc32 } from '@/domain/crc32'

/**
 * A fountain code for carrying any bytes as a stream of QR frames, after the Blockchain Commons
 * multipart UR design (BCR-2024-001): the message is cut into `n` equal fragments; frames
 * 1..n carry them plainly, every later frame the XOR of a pseudo-random subset of them. The
 * subset is chosen by a PRNG seeded from (seq, message checksum) with integer arithmetic only,
 * so every engine picks the same. The receiver needs about 1.05–1.3 × n distinct frames, in any
 * order. The format is in `README.md` (a relay must carry the same bytes later).
 */

export const FRAME_VERSION = 1
/** version (1) + message length (4) + message CRC-32 (4) + fragment length (2) + seq (4). */
export const FRAME_HEADER_BYTES = 15
/** The frame's own CRC-32 after the fragment. */
export const FRAME_TRAILER_BYTES = 4
/** Largest message the decoder accepts (a header that claims more is refused). */
export const MAX_MESSAGE_BYTES = 16 * 1024 * 1024
const MAX_FRAGMENT_BYTES = 0xffff

export type FountainErrorCode =
  /** The frame is not Base45, too short, of another version, or its own CRC-32 does not match. */
  | 'corrupt-frame'
  /** The header's lengths cannot belong to any message this codec makes. */
  | 'invalid-header'
  /** Arguments to the encoder out of range (empty message, fragment length 0 or too large). */
  | 'invalid-argument'

export class FountainError extends codedError('FountainError')<FountainErrorCode> {}

/** The header every frame of one message shares, and the frame's own number. */
export interface FrameHeader {
  readonly messageLength: number
  readonly checksum: number
  readonly fragmentLength: number
  readonly seq: number
}

export interface Frame extends FrameHeader {
  readonly payload: Uint8Array
}

export function fragmentCount(messageLength: number, fragmentLength: number): number {
  return Math.ceil(messageLength / fragmentLength)
}

/** The fragment length for a largest one: `n` fragments as equal as possible (BCR-2024-001). */
export function fragmentLengthFor(messageLength: number, maxFragmentLength: number): number {
  return Math.ceil(messageLength / fragmentCount(messageLength, maxFragmentLength))
}

// ---- the deterministic choice of fragments -------------------------------------------------

function mix32(value: number): number {
  let x = value >>> 0
  x = Math.imul(x ^ (x >>> 16), 0x21f0aaad)
  x = Math.imul(x ^ (x >>> 15), 0x735a2d97)
  return (x ^ (x >>> 15)) >>> 0
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0
}

/** xoshiro128** seeded from (seq, checksum): 32-bit integer operations only. */
export class FragmentPrng {
  private s0: number
  private s1: number
  private s2: number
  private s3: number

  constructor(seq: number, checksum: number) {
    const base = mix32(checksum ^ 0x5452494e)
    this.s0 = mix32(seq ^ base)
    this.s1 = mix32(this.s0 + 0x9e3779b9)
    this.s2 = mix32(this.s1 + 0x9e3779b9)
    this.s3 = mix32(this.s2 + 0x9e3779b9)
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1
  }

  /** The next unsigned 32-bit value. */
  next(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5) >>> 0, 7), 9) >>> 0
    const t = (this.s1 << 9) >>> 0
    this.s2 = (this.s2 ^ this.s0) >>> 0
    this.s3 = (this.s3 ^ this.s1) >>> 0
    this.s1 = (this.s1 ^ this.s2) >>> 0
    this.s0 = (this.s0 ^ this.s3) >>> 0
    this.s2 = (this.s2 ^ t) >>> 0
    this.s3 = rotl(this.s3, 11)
    return result
  }
}

/**
 * The fragment indices (0-based, ascending) frame `seq` (1-based) carries, XOR-ed together.
 * Frames 1..n carry fragment seq − 1 alone. A later frame takes each fragment with probability
 * 1/2, one PRNG bit per fragment in order (32 fragments a draw, lowest bit first), drawn again
 * while none is taken: a dense random subset, which a Gaussian-elimination decoder completes
 * from about n + 2 distinct frames whatever n is.
 */
export function chooseFragments(seq: number, n: number, checksum: number): number[] {
  if (seq <= n) return [seq - 1]
  const prng = new FragmentPrng(seq, checksum)
  for (;;) {
    const chosen: number[] = []
    for (let base = 0; base < n; base += 32) {
      const word = prng.next()
      for (let bit = 0; bit < 32 && base + bit < n; bit++) {
        if ((word >>> bit) & 1) chosen.push(base + bit)
      }
    }
    if (chosen.length > 0) return chosen
  }
}

// ---- frames ----------------------------------------------------------------------------------

export function frameBytes(frame: Frame): Uint8Array {
  const out = new Uint8Array(FRAME_HEADER_BYTES + frame.payload.length + FRAME_TRAILER_BYTES)
  const view = new DataView(out.buffer)
  view.setUint8(0, FRAME_VERSION)
  view.setUint32(1, frame.messageLength)
  view.setUint32(5, frame.checksum)
  view.setUint16(9, frame.fragmentLength)
  view.setUint32(11, frame.seq)
  out.set(frame.payload, FRAME_HEADER_BYTES)
  view.setUint32(out.length - FRAME_TRAILER_BYTES, crc32(out.subarray(0, out.length - FRAME_TRAILER_BYTES)))
  return out
}

function corrupt(message: string): FountainError {
  return new FountainError('corrupt-frame', message)
}

/** A frame's bytes parsed and checked; throws a `FountainError`. */
export function parseFrameBytes(bytes: Uint8Array): Frame {
  if (bytes.length < FRAME_HEADER_BYTES + 1 + FRAME_TRAILER_BYTES) throw corrupt('frame too short')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (view.getUint8(0) !== FRAME_VERSION) throw corrupt('unknown frame version')
  const end = bytes.length - FRAME_TRAILER_BYTES
  if (view.getUint32(end) !== crc32(bytes.subarray(0, end))) throw corrupt('frame checksum mismatch')
  const header: FrameHeader = {
    messageLength: view.getUint32(1),
    checksum: view.getUint32(5),
    fragmentLength: view.getUint16(9),
    seq: view.getUint32(11),
  }
  const { messageLength, fragmentLength, seq } = header
  if (
    messageLength < 1 ||
    messageLength > MAX_MESSAGE_BYTES ||
    fragmentLength < 1 ||
    fragmentLength > messageLength ||
    fragmentLength !== fragmentLengthFor(messageLength, fragmentLength) ||
    end - FRAME_HEADER_BYTES !== fragmentLength ||
    seq < 1
  ) {
    throw new FountainError('invalid-header', 'frame header does not describe a message')
  }
  return { ...header, payload: bytes.slice(FRAME_HEADER_BYTES, end) }
}

/** A frame as the text of a QR code (Base45, alphanumeric mode). */
export function parseFrameText(text: string): Frame {
  let bytes: Uint8Array
  try {
    bytes = decodeBase45(text)
  } catch (error) {
    throw new FountainError('corrupt-frame', 'frame is not Base45', { cause: error })
  }
  return parseFrameBytes(bytes)
}

function xorInto(target: Uint8Array, source: Uint8Array): void {
  for (let i = 0; i < target.length; i++) target[i] = (target[i] ?? 0) ^ (source[i] ?? 0)
}

// ---- encoder ---------------------------------------------------------------------------------

export interface FountainEncoder {
  readonly messageLength: number
  readonly checksum: number
  readonly fragmentLength: number
  /** `n`: frames 1..n are the plain fragments; after n, every frame mixes several. */
  readonly fragmentCount: number
  /** Frame `seq` (1, 2, … for ever) as bytes. */
  frameBytes(seq: number): Uint8Array
  /** Frame `seq` as Base45 text for a QR code. */
  frameText(seq: number): string
}

export function createFountainEncoder(message: Uint8Array, maxFragmentLength: number): FountainEncoder {
  if (message.length < 1 || message.length > MAX_MESSAGE_BYTES) {
    throw new FountainError('invalid-argument', 'message must be 1 byte to 16 MiB')
  }
  if (
    !Number.isInteger(maxFragmentLength) ||
    maxFragmentLength < 1 ||
    maxFragmentLength > MAX_FRAGMENT_BYTES
  ) {
    throw new FountainError('invalid-argument', 'fragment length must be 1 to 65535')
  }
  const messageLength = message.length
  const fragmentLength = fragmentLengthFor(messageLength, maxFragmentLength)
  const n = fragmentCount(messageLength, fragmentLength)
  const checksum = crc32(message)
  const fragments = Array.from({ length: n }, (_, i) => {
    const fragment = new Uint8Array(fragmentLength)
    fragment.set(message.subarray(i * fragmentLength, (i + 1) * fragmentLength))
    return fragment
  })
  const bytesOf = (seq: number): Uint8Array => {
    if (!Number.isInteger(seq) || seq < 1 || seq > 0xffffffff) {
      throw new FountainError('invalid-argument', 'seq must be 1 to 2^32 - 1')
    }
    const payload = new Uint8Array(fragmentLength)
    for (const index of chooseFragments(seq, n, checksum)) xorInto(payload, fragments[index] ?? payload)
    return frameBytes({ messageLength, checksum, fragmentLength, seq, payload })
  }
  return {
    messageLength,
    checksum,
    fragmentLength,
    fragmentCount: n,
    frameBytes: bytesOf,
    frameText: (seq) => encodeBase45(bytesOf(seq)),
  }
}

// ---- decoder ---------------------------------------------------------------------------------

export type ReceiveOutcome =
  /** A new frame that was kept (it may or may not have recovered a fragment yet). */
  | 'accepted'
  /** A frame already seen, or one that adds nothing; nothing changed. */
  | 'duplicate'
  /** A valid frame of another message than the one being received; ignored. */
  | 'foreign'
  /** Not a frame of this codec, or damaged; ignored. */
  | 'corrupt'
  /** This frame completed the message: `message` is set and checked. */
  | 'complete'

export interface DecoderProgress {
  /** Independent frames held: the message is complete when this reaches `total`. */
  readonly received: number
  /** Fragments in the message (0 before the first valid frame). */
  readonly total: number
}

/** One equation over GF(2): the XOR of the fragments whose bits are set equals `data`. */
interface Row {
  readonly coefficients: Uint32Array
  readonly data: Uint8Array
}

function hasBit(words: Uint32Array, index: number): boolean {
  return (((words[index >>> 5] ?? 0) >>> (index & 31)) & 1) === 1
}

function lowestBit(words: Uint32Array): number {
  for (let w = 0; w < words.length; w++) {
    const word = words[w] ?? 0
    if (word !== 0) return w * 32 + (31 - Math.clz32(word & -word))
  }
  return -1
}

function xorRow(target: Row, source: Row): void {
  for (let w = 0; w < target.coefficients.length; w++) {
    target.coefficients[w] = (target.coefficients[w] ?? 0) ^ (source.coefficients[w] ?? 0)
  }
  xorInto(target.data, source.data)
}

/**
 * Rebuilds one message from frames in any order: duplicates, frames of another message and
 * damaged frames are ignored. Frames are kept as equations over GF(2) in reduced row echelon
 * form (Gaussian elimination, a superset of the peeling in BCR-2024-001), so every frame that is
 * not a combination of those already held brings the message one step closer. Locks onto the
 * message of the first valid frame; `reset()` starts over.
 */
export class FountainDecoder {
  private header: FrameHeader | undefined
  private total = 0
  private rows = new Map<number, Row>()
  private seen = new Set<number>()
  private done: Uint8Array | undefined

  get message(): Uint8Array | undefined {
    return this.done
  }

  get progress(): DecoderProgress {
    return { received: this.done ? this.total : this.rows.size, total: this.total }
  }

  reset(): void {
    this.header = undefined
    this.total = 0
    this.rows = new Map()
    this.seen = new Set()
    this.done = undefined
  }

  /** One scanned QR text. */
  receiveText(text: string): ReceiveOutcome {
    return this.receiveParsed(() => parseFrameText(text))
  }

  /** One frame's bytes. */
  receiveBytes(bytes: Uint8Array): ReceiveOutcome {
    return this.receiveParsed(() => parseFrameBytes(bytes))
  }

  private receiveParsed(parse: () => Frame): ReceiveOutcome {
    let frame: Frame
    try {
      frame = parse()
    } catch {
      return 'corrupt'
    }
    return this.receive(frame)
  }

  private receive(frame: Frame): ReceiveOutcome {
    const header = this.header
    if (header === undefined) {
      this.header = {
        messageLength: frame.messageLength,
        checksum: frame.checksum,
        fragmentLength: frame.fragmentLength,
        seq: 0,
      }
      this.total = fragmentCount(frame.messageLength, frame.fragmentLength)
    } else if (
      header.messageLength !== frame.messageLength ||
      header.checksum !== frame.checksum ||
      header.fragmentLength !== frame.fragmentLength
    ) {
      return 'foreign'
    }
    if (this.done !== undefined || this.seen.has(frame.seq)) return 'duplicate'
    this.seen.add(frame.seq)
    const indices = chooseFragments(frame.seq, this.total, frame.checksum)
    const row: Row = { coefficients: new Uint32Array(Math.ceil(this.total / 32)), data: frame.payload }
    for (const index of indices)
      row.coefficients[index >>> 5] = (row.coefficients[index >>> 5] ?? 0) | (1 << (index & 31))
    // Reduce by the rows held: their pivots are the only columns they share with the new row.
    for (const index of indices) {
      const held = this.rows.get(index)
      if (held) xorRow(row, held)
    }
    const pivot = lowestBit(row.coefficients)
    if (pivot < 0) return 'duplicate'
    for (const held of this.rows.values()) {
      if (hasBit(held.coefficients, pivot)) xorRow(held, row)
    }
    this.rows.set(pivot, row)
    return this.rows.size === this.total ? this.finish() : 'accepted'
  }

  private finish(): ReceiveOutcome {
    const header = this.header
    if (header === undefined) return 'accepted'
    const { messageLength, fragmentLength } = header
    const message = new Uint8Array(messageLength)
    for (const [index, row] of this.rows) {
      message.set(row.data.subarray(0, messageLength - index * fragmentLength), index * fragmentLength)
    }
    if (crc32(message) !== header.checksum) {
      // Cannot happen with undamaged frames; start over rather than give a wrong message.
      this.reset()
      return 'corrupt'
    }
    this.done = message
    this.rows = new Map()
    return 'complete'
  }
}
