/**
 * How an animated QR code is shown (SHARING-NOTES, "Animated QR"): about 400-byte fragments at
 * 6 frames a second, or "bigger squares, slower" for older cameras: 200 bytes at 3 a second.
 */
export type QrPace = 'normal' | 'slow'

export interface QrPaceSettings {
  /** The longest fragment in bytes (the frame adds 19; Base45 adds half again). */
  readonly fragmentBytes: number
  /** Milliseconds each frame shows. */
  readonly frameMs: number
}

export const qrPaces: Readonly<Record<QrPace, QrPaceSettings>> = {
  normal: { fragmentBytes: 400, frameMs: 167 },
  slow: { fragmentBytes: 200, frameMs: 333 },
}
