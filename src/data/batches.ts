/**
 * Work over many rows without one long task: an unlock reads every record (decrypt, unpad, JSON,
 * zod), and 2,000 of them in one go kept the main thread busy for far longer than the 50 ms a
 * tap may wait (issue #11). `pipeInBatches` runs `size` items at a time — their WebCrypto calls in
 * flight together — and gives the event loop a turn between batches, so input and rendering get
 * in. The results come back in the order of the items, whatever order they finish in.
 */

/** Items per batch when the caller names none: about one 50 ms slice at ×4 CPU (README, Speed). */
export const DEFAULT_BATCH_SIZE = 64

/** Gives the event loop a turn: a new task, without the 4 ms a nested `setTimeout(0)` waits. */
export function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler
  if (typeof scheduler?.yield === 'function') return scheduler.yield()
  return new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      resolve()
    }
    channel.port2.postMessage(null)
  })
}

export interface BatchOptions {
  /** Items in flight at once (a positive integer); {@link DEFAULT_BATCH_SIZE} if absent. */
  readonly size?: number
  /** What runs between two batches; {@link yieldToEventLoop} if absent (tests count the calls). */
  readonly between?: () => Promise<void>
}

function batchSize(options: BatchOptions): number {
  const size = options.size ?? DEFAULT_BATCH_SIZE
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError('A batch holds a positive whole number of items')
  return size
}

/**
 * Two stages over every item, `size` at a time, the next batch's first stage set going before the
 * current batch's second stage runs: `start` waits on work off the main thread (an unlock's
 * WebCrypto decrypts), `finish` is work on it (parsing), and the two overlap instead of taking
 * turns: one stage after the other, the main thread sat idle while each batch decrypted (issue
 * #11). Yields between batches, not before the first or after the last, so no task holds more
 * than one batch's `finish` and the next batch's `start` callbacks. Results in the items' order.
 * A rejection in either stage rejects the whole and no further batch starts; a batch already
 * started is left to settle, its rejection handled.
 */
export async function pipeInBatches<T, M, R>(
  items: readonly T[],
  start: (item: T) => Promise<M>,
  finish: (started: M, item: T) => R | Promise<R>,
  options: BatchOptions = {},
): Promise<R[]> {
  const size = batchSize(options)
  const between = options.between ?? yieldToEventLoop
  const batches: (readonly T[])[] = []
  for (let from = 0; from < items.length; from += size) batches.push(items.slice(from, from + size))
  const begin = (batch: readonly T[]): Promise<M[]> => {
    const started = Promise.all(batch.map(start))
    // Awaited when its turn comes; until then a rejection must not count as unhandled.
    started.catch(() => undefined)
    return started
  }
  const results: R[] = []
  let next: Promise<M[]> | null = null
  for (const [index, batch] of batches.entries()) {
    const started = await (next ?? begin(batch))
    const following = batches[index + 1]
    next = following === undefined ? null : begin(following)
    results.push(...(await Promise.all(started.map((value, at) => finish(value, batch[at] as T)))))
    if (next !== null) await between()
  }
  return results
}
