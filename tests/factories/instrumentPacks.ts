/**
 * Instrument packs for tests, shaped like the questionnaires municipalities use but with
 * placeholder text only: the real wording belongs to the instruments' authors (issue #13).
 * Each returns plain JSON-like input, to be parsed by `instrumentPackSchema`.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** Reads a fixture under tests/fixtures/instruments/ as text. */
export function packFixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../fixtures/instruments/${name}`, import.meta.url)), 'utf8')
}

/** Item ids `prefix1` … `prefixN`. */
export function itemIds(count: number, prefix = 'item'): string[] {
  return Array.from({ length: count }, (_, index) => `${prefix}${index + 1}`)
}

interface PackInput {
  readonly id: string
  readonly items: readonly string[]
  readonly values: readonly number[]
  readonly scores: readonly unknown[]
}

/** A pack with one option set for every item and placeholder texts in Danish and English. */
export function placeholderPack({ id, items, values, scores }: PackInput): Record<string, unknown> {
  const texts = (language: string) => ({
    title: `Placeholder ${id} (${language})`,
    recallPeriod: `Placeholder recall period (${language})`,
    items: Object.fromEntries(items.map((item) => [item, `Placeholder question ${item} (${language})`])),
    options: { scale: values.map((value) => `Placeholder option ${value} (${language})`) },
  })
  return {
    format: 1,
    id,
    version: '1.0.0',
    defaultLanguage: 'da',
    items: items.map((item) => ({ id: item, options: 'scale' })),
    optionSets: { scale: [...values] },
    recallDays: 14,
    texts: { da: texts('da'), en: texts('en') },
    scores: [...scores],
    licence: { holder: 'Placeholder rights holder', note: { da: 'Pladsholder.', en: 'Placeholder.' } },
  }
}

/** Whole numbers from `from` to `to`. */
export function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index)
}

/** Shaped like WHO-5: five items 0–5, raw 0–25 × 4 → 0–100, higher is better, none missing. */
export function who5Like(): Record<string, unknown> {
  return placeholderPack({
    id: 'whoLike',
    items: itemIds(5),
    values: range(0, 5),
    scores: [
      {
        id: 'percentage',
        items: itemIds(5),
        method: { type: 'scaledSum', factor: 4 },
        missing: { rule: 'refuse' },
        direction: 'higherIsBetter',
      },
    ],
  })
}

/**
 * A synthetic conversion table for raw 7–35, not the published SWEMWBS table (whose middle
 * values could not be checked against a stored source): the ends map to themselves as the brief
 * states, every raw in between to raw + 0.5.
 */
export function syntheticTable(): { raw: number; score: number }[] {
  return range(7, 35).map((raw) => ({ raw, score: raw === 7 || raw === 35 ? raw : raw + 0.5 }))
}

/** Shaped like SWEMWBS: seven items 1–5, raw 7–35 through a lookup table, one answer may be missing. */
export function swemwbsLike(table = syntheticTable()): Record<string, unknown> {
  return placeholderPack({
    id: 'swemLike',
    items: itemIds(7),
    values: range(1, 5),
    scores: [
      {
        id: 'metric',
        items: itemIds(7),
        method: { type: 'lookup', table },
        missing: { rule: 'prorate', maxMissing: 1 },
        direction: 'higherIsBetter',
      },
    ],
  })
}

/** Shaped like the Sheehan Disability Scale: three items 0–10, each its own score, and their sum. */
export function sheehanLike(): Record<string, unknown> {
  const items = ['work', 'social', 'family']
  return placeholderPack({
    id: 'sheehanLike',
    items,
    values: range(0, 10),
    scores: [
      {
        id: 'domains',
        items,
        method: { type: 'perItem' },
        missing: { rule: 'refuse' },
        direction: 'higherIsWorse',
      },
      {
        id: 'total',
        items,
        method: { type: 'sum' },
        missing: { rule: 'refuse' },
        direction: 'higherIsWorse',
      },
    ],
  })
}

/** Stands for "delete this field" in `edited`. */
export const REMOVE = Symbol('remove')

type Container = Record<string | number, unknown>

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null
}

/** `input` with the value at `path` replaced (or removed with `REMOVE`); changes `input` in place. */
export function edited(
  input: Record<string, unknown>,
  path: readonly (string | number)[],
  value: unknown,
): Record<string, unknown> {
  const last = path.at(-1)
  let node: unknown = input
  for (const key of path.slice(0, -1)) node = isContainer(node) ? node[key] : undefined
  if (!isContainer(node) || last === undefined) throw new Error(`No field at ${path.join('.')}`)
  if (value === REMOVE) {
    // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- a test edit of plain JSON
    delete node[last]
  } else node[last] = value
  return input
}
