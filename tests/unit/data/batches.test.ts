import { describe, expect, it } from 'vitest'
import { DEFAULT_BATCH_SIZE, mapInBatches, yieldToEventLoop } from '@/data/batches'

/** Resolves after `ms`, so later items can finish before earlier ones. */
const after = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** A `between` that counts its calls and records how many items had started by then. */
function counting() {
  const started: number[] = []
  const seenAtYield: number[] = []
  return {
    started,
    seenAtYield,
    between: () => {
      seenAtYield.push(started.length)
      return Promise.resolve()
    },
  }
}

describe('mapInBatches', () => {
  it('keeps the items’ order whatever order they finish in', async () => {
    const items = Array.from({ length: 23 }, (_, i) => i)
    const result = await mapInBatches(
      items,
      async (n) => {
        await after((23 - n) % 5)
        return n * 2
      },
      { size: 5, between: () => Promise.resolve() },
    )
    expect(result).toEqual(items.map((n) => n * 2))
  })

  it('runs `size` items at a time and yields between batches only', async () => {
    const probe = counting()
    await mapInBatches(
      Array.from({ length: 10 }, (_, i) => i),
      (n) => {
        probe.started.push(n)
        return Promise.resolve(n)
      },
      { size: 4, between: probe.between },
    )
    // Batches [0–3] [4–7] [8–9]: a yield after the first and the second, none before or after.
    expect(probe.seenAtYield).toEqual([4, 8])
  })

  it.each([
    [0, 4, 0],
    [1, 4, 0],
    [4, 4, 0],
    [5, 4, 1],
    [8, 4, 1],
    [9, 4, 2],
  ])('%i items in batches of %i yield %i times', async (count, size, yields) => {
    const probe = counting()
    const items = Array.from({ length: count }, (_, i) => i)
    expect(
      await mapInBatches(items, (n) => Promise.resolve(n + 1), { size, between: probe.between }),
    ).toEqual(items.map((n) => n + 1))
    expect(probe.seenAtYield).toHaveLength(yields)
  })

  it('leaves per-item failures to the mapper: a result per item, errors in place', async () => {
    const result = await mapInBatches(
      [1, 2, 3, 4, 5],
      async (n) => {
        await Promise.resolve()
        if (n % 2 === 0) return { ok: false as const, error: new Error(`item ${n}`) }
        return { ok: true as const, value: n }
      },
      { size: 2, between: () => Promise.resolve() },
    )
    expect(result.map((r) => (r.ok ? r.value : r.error.message))).toEqual([1, 'item 2', 3, 'item 4', 5])
  })

  it('rejects with an unexpected error and starts no further batch', async () => {
    const started: number[] = []
    const failure = new Error('bug')
    await expect(
      mapInBatches(
        [1, 2, 3, 4, 5],
        (n) => {
          started.push(n)
          return n === 2 ? Promise.reject(failure) : Promise.resolve(n)
        },
        { size: 2, between: () => Promise.resolve() },
      ),
    ).rejects.toBe(failure)
    expect(started).toEqual([1, 2])
  })

  it('refuses a batch size that is not a positive whole number', async () => {
    for (const size of [0, -1, 1.5, Number.NaN])
      await expect(mapInBatches([1], (n) => Promise.resolve(n), { size })).rejects.toBeInstanceOf(RangeError)
  })

  it('uses the default size and the real yield when given none', async () => {
    const count = DEFAULT_BATCH_SIZE * 2 + 1
    const items = Array.from({ length: count }, (_, i) => i)
    expect(await mapInBatches(items, (n) => Promise.resolve(n))).toEqual(items)
  })
})

describe('yieldToEventLoop', () => {
  it('lets a task queued before it run first', async () => {
    const order: string[] = []
    setTimeout(() => order.push('timer'), 0)
    await after(1)
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      order.push('message')
      channel.port1.close()
    }
    channel.port2.postMessage(null)
    await yieldToEventLoop()
    order.push('after yield')
    expect(order).toEqual(['timer', 'message', 'after yield'])
  })
})
