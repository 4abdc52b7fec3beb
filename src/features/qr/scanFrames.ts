import { FountainDecoder, type DecoderProgress, type ReceiveOutcome } from '@/data/transport/fountain'

/**
 * The scanner's side of the fountain decoder: frames of the message being received are kept;
 * when only frames of another message arrive for a while (the sender switched to bigger squares,
 * or started another package), it starts over on that one rather than waiting for ever.
 */
export const FOREIGN_FRAMES_BEFORE_RESTART = 12

export class FrameCollector {
  private readonly decoder = new FountainDecoder()
  private foreignInARow = 0

  get progress(): DecoderProgress {
    return this.decoder.progress
  }

  get message(): Uint8Array | undefined {
    return this.decoder.message
  }

  receive(text: string): ReceiveOutcome {
    const outcome = this.decoder.receiveText(text)
    if (outcome !== 'foreign') {
      if (outcome !== 'corrupt') this.foreignInARow = 0
      return outcome
    }
    this.foreignInARow++
    if (this.foreignInARow < FOREIGN_FRAMES_BEFORE_RESTART || this.decoder.message !== undefined)
      return outcome
    this.foreignInARow = 0
    this.decoder.reset()
    return this.decoder.receiveText(text)
  }
}
