/**
 * Work over many rows without one long task: an unlock reads every record (decrypt, unpad, JSON,
 * zod), and 2,000 of them in one go kept the main thread busy for far longer than the 50 ms a
 * tap may wait (issue #11). `mapInBatches` runs `size` items at a time — their WebCrypto calls in
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

/**
 * `map` over every item, `size` at a time, yielding between batches (not before the first or
 * after the last). Resolves with the results in the items' order; rejects with the first
 * rejection of a batch, after which no further batch starts — so `map` should turn an expected
 * per-item failure into a result, as the records repository does with unreadable rows.
 */
export async function mapInBatches<T, R>(
  items: readonly T[],
  map: (item: T) => Promise<R>,
  options: BatchOptions = {},
): Promise<R[]> {
  const size = options.size ?? DEFAULT_BATCH_SIZE
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError('A batch holds a positive whole number of items')
  const between = options.between ?? yieldToEventLoop
  const results: R[] = []
  for (let start = 0; start < items.length; start += size) {
    if (start > 0) await between()
    results.push(...(await Promise.all(items.slice(start, start + size).map(map))))
  }
  return results
}
