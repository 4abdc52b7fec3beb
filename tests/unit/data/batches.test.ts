import { describe, expect, it } from 'vitest'
import { DEFAULT_BATCH_SIZE, pipeInBatches, yieldToEventLoop } from '@/data/batches'

/** Resolves after `ms`, so later items can finish before earlier ones. */
const after = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Two stages and a `between` that write what happens, in order, to one log. */
function logging() {
  const log: string[] = []
  return {
    log,
    start: (n: number) => {
      log.push(`start ${n}`)
      return Promise.resolve(n * 10)
    },
    finish: (started: number, n: number) => {
      log.push(`finish ${n}`)
      return started + 1
    },
    between: () => {
      log.push('yield')
      return Promise.resolve()
    },
  }
}

describe('pipeInBatches', () => {
  it('keeps the items’ order whatever order either stage finishes in', async () => {
    const items = Array.from({ length: 23 }, (_, i) => i)
    const result = await pipeInBatches(
      items,
      async (n) => {
        await after((23 - n) % 5)
        return n * 2
      },
      async (doubled, n) => {
        await after(n % 3)
        return doubled + 1
      },
      { size: 5, between: () => Promise.resolve() },
    )
    expect(result).toEqual(items.map((n) => n * 2 + 1))
  })

  it('starts the next batch before it finishes this one, and yields between batches only', async () => {
    const probe = logging()
    const result = await pipeInBatches(
      Array.from({ length: 10 }, (_, i) => i),
      probe.start,
      probe.finish,
      { size: 4, between: probe.between },
    )
    expect(result).toEqual(Array.from({ length: 10 }, (_, i) => i * 10 + 1))
    const run = (stage: string, from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, i) => `${stage} ${from + i}`)
    expect(probe.log).toEqual([
      ...run('start', 0, 3),
      ...run('start', 4, 7),
      ...run('finish', 0, 3),
      'yield',
      ...run('start', 8, 9),
      ...run('finish', 4, 7),
      'yield',
      ...run('finish', 8, 9),
    ])
  })

  it.each([
    [0, 4, 0],
    [1, 4, 0],
    [4, 4, 0],
    [5, 4, 1],
    [8, 4, 1],
    [9, 4, 2],
  ])('%i items in batches of %i yield %i times', async (count, size, yields) => {
    const probe = logging()
    const items = Array.from({ length: count }, (_, i) => i)
    expect(await pipeInBatches(items, probe.start, probe.finish, { size, between: probe.between })).toEqual(
      items.map((n) => n * 10 + 1),
    )
    expect(probe.log.filter((entry) => entry === 'yield')).toHaveLength(yields)
  })

  it('leaves per-item failures to the stages: a result per item, errors in place', async () => {
    const result = await pipeInBatches(
      [1, 2, 3, 4, 5],
      async (n) => {
        await Promise.resolve()
        return n % 2 === 0 ? { ok: false as const, error: new Error(`item ${n}`) } : { ok: true as const, n }
      },
      (started) => (started.ok ? started.n : started.error.message),
      { size: 2, between: () => Promise.resolve() },
    )
    expect(result).toEqual([1, 'item 2', 3, 'item 4', 5])
  })

  it('rejects with an unexpected error of the first stage and starts no further batch', async () => {
    const started: number[] = []
    const failure = new Error('bug')
    await expect(
      pipeInBatches(
        [1, 2, 3, 4, 5],
        (n) => {
          started.push(n)
          return n === 2 ? Promise.reject(failure) : Promise.resolve(n)
        },
        (n) => n,
        { size: 2, between: () => Promise.resolve() },
      ),
    ).rejects.toBe(failure)
    expect(started).toEqual([1, 2])
  })

  it('rejects with an error of the second stage; the batch already started fails quietly', async () => {
    const started: number[] = []
    const failure = new Error('bug in the check')
    await expect(
      pipeInBatches(
        [1, 2, 3, 4, 5],
        (n) => {
          started.push(n)
          // The batch set going while the first is checked fails too: that must not be unhandled.
          return n === 3 ? Promise.reject(new Error('second batch')) : Promise.resolve(n)
        },
        (n) => {
          if (n === 1) throw failure
          return n
        },
        { size: 2, between: () => Promise.resolve() },
      ),
    ).rejects.toBe(failure)
    expect(started).toEqual([1, 2, 3, 4])
    await after(5)
  })

  it('refuses a batch size that is not a positive whole number', async () => {
    for (const size of [0, -1, 1.5, Number.NaN])
      await expect(
        pipeInBatches(
          [1],
          (n) => Promise.resolve(n),
          (n) => n,
          { size },
        ),
      ).rejects.toBeInstanceOf(RangeError)
  })

  it('uses the default size and the real yield when given none', async () => {
    const count = DEFAULT_BATCH_SIZE * 2 + 1
    const items = Array.from({ length: count }, (_, i) => i)
    expect(
      await pipeInBatches(
        items,
        (n) => Promise.resolve(n),
        (n) => n,
      ),
    ).toEqual(items)
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
