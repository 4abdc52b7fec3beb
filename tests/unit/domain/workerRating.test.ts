import { describe, expect, it } from 'vitest'
import { parseCivilDate as asCivilDate } from '@/domain/civilDate'
import { lifeAreaDimensions } from '@/domain/lifeAreas'
import {
  checkWorkerRating,
  emptyWorkerRating,
  workerRatingDimensions,
  workerRatingStage,
  type WorkerRatingDraft,
} from '@/domain/workerRating'
import { ratingSchema, type FocusAreaCatalogKey } from '@/schemas'
import { makePlan, makeRating } from '../../factories/records'

const today = asCivilDate('2026-12-07')
const keys = (records: Parameters<typeof workerRatingDimensions>[0]) =>
  workerRatingDimensions(records).map((dimension) => dimension.key)

describe('workerRatingDimensions', () => {
  const shelter = lifeAreaDimensions('shelter').map((dimension) => dimension.key)
  it.each([
    ['her shared plan: her transition', [makePlan({ targetGroup: 'shelter' })], shelter],
    [
      'her shared plan: less those she switched off',
      [makePlan({ targetGroup: 'shelter', ratingDimensionsOff: ['children'] })],
      shelter.filter((key) => key !== 'children'),
    ],
    [
      'a deleted plan does not count; her shared ratings say which, in catalogue order',
      [makePlan({ deleted: true }), makeRating()],
      lifeAreaDimensions('other')
        .map((dimension) => dimension.key)
        .filter((key) => ['safety', 'housing', 'children', 'economy'].includes(key)),
    ],
    ['nothing shared: every dimension', [], lifeAreaDimensions('other').map((dimension) => dimension.key)],
    [
      'a declined rating says nothing',
      [makeRating({ content: null })],
      lifeAreaDimensions('other').map((dimension) => dimension.key),
    ],
  ] as const)('%s', (_name, records, expected) => {
    expect(keys(records)).toEqual(expected)
  })
})

describe('workerRatingStage', () => {
  it.each([
    ['no plan shared: the worker picks', [], '2026-12-07', null],
    ['before the contact period: the worker picks', [makePlan()], '2026-07-01', null],
    ['in the contact period: contact', [makePlan()], '2026-08-10', 'contact'],
    ['the last day of the contact window', [makePlan()], '2026-11-09', 'contact'],
    ['phase 1’s window opens (two weeks before its end)', [makePlan()], '2026-11-10', 'phase1'],
    ['today, inside phase 1’s window', [makePlan()], '2026-12-07', 'phase1'],
    ['phase 2’s window', [makePlan()], '2027-02-10', 'phase2'],
    ['after the course: the last one stays open', [makePlan()], '2028-01-01', 'phase3'],
    [
      'no day one: the worker picks',
      [makePlan({ contactStart: undefined, transitionDate: undefined })],
      '2026-12-07',
      null,
    ],
  ] as const)('%s', (_name, records, on, expected) => {
    expect(workerRatingStage(records, asCivilDate(on))).toBe(expected)
  })
})

const dimensions = lifeAreaDimensions('psychiatry')
const [first, second] = dimensions.map((dimension) => dimension.key) as [
  FocusAreaCatalogKey,
  FocusAreaCatalogKey,
]

function draft(change: Partial<WorkerRatingDraft> = {}): WorkerRatingDraft {
  return { ...emptyWorkerRating(dimensions, 'phase1', today), ...change }
}

function answered(
  answers: Partial<
    Record<
      FocusAreaCatalogKey,
      { answer: number | 'skipped' | 'notApplicable' | null; oneStepBetter?: string }
    >
  >,
): WorkerRatingDraft['answers'] {
  const all = { ...draft().answers }
  for (const [key, value] of Object.entries(answers))
    all[key as FocusAreaCatalogKey] = { answer: value.answer, oneStepBetter: value.oneStepBetter ?? '' }
  return all
}

describe('emptyWorkerRating', () => {
  it('starts with the stage given, today and every dimension unanswered', () => {
    const start = emptyWorkerRating(dimensions, null, today)
    expect(start.stage).toBeNull()
    expect(start.date).toBe(today)
    expect(start.comment).toBe('')
    expect(Object.keys(start.answers)).toEqual(dimensions.map((dimension) => dimension.key))
    expect(Object.values(start.answers).every((a) => a.answer === null && a.oneStepBetter === '')).toBe(true)
  })
})

describe('checkWorkerRating', () => {
  it.each([
    ['nothing answered', draft(), { answers: 'noAnswer' }],
    [
      'only skipped and not applicable',
      draft({ answers: answered({ [first]: { answer: 'skipped' }, [second]: { answer: 'notApplicable' } }) }),
      { answers: 'noAnswer' },
    ],
    [
      'no stage',
      draft({ stage: null, answers: answered({ [first]: { answer: 5 } }) }),
      { stage: 'required' },
    ],
    [
      'a note too long',
      draft({ answers: answered({ [first]: { answer: 5, oneStepBetter: 'x'.repeat(4001) } }) }),
      { [`note.${first}`]: 'tooLong' },
    ],
    [
      'a comment too long',
      draft({ answers: answered({ [first]: { answer: 5 } }), comment: 'x'.repeat(4001) }),
      { comment: 'tooLong' },
    ],
    [
      'all at once',
      draft({ stage: null, comment: 'x'.repeat(4001) }),
      { stage: 'required', answers: 'noAnswer', comment: 'tooLong' },
    ],
  ] as const)('refuses %s', (_name, input, problems) => {
    expect(checkWorkerRating(dimensions, input)).toEqual({ ok: false, problems })
  })

  it('makes the fields of a new worker rating: unchosen dimensions skipped, notes trimmed, blank ones left out', () => {
    const input = draft({
      answers: answered({
        [first]: { answer: 7, oneStepBetter: '  A job interview. ' },
        [second]: { answer: 'notApplicable', oneStepBetter: '   ' },
      }),
      comment: '  Lad os tale om det. ',
    })
    const checked = checkWorkerRating(dimensions, input)
    expect(checked.ok).toBe(true)
    if (!checked.ok) return
    expect(checked.value.comment).toBe('Lad os tale om det.')
    const { fields } = checked.value
    expect(fields).toMatchObject({ respondent: 'worker', stage: 'phase1', date: today })
    const values = (fields['content'] as { values: Record<string, unknown> }).values
    expect(values[first]).toEqual({ answer: 7, oneStepBetter: 'A job interview.' })
    expect(values[second]).toEqual({ answer: 'notApplicable' })
    expect(Object.keys(values)).toEqual(dimensions.map((dimension) => dimension.key))
    for (const { key } of dimensions.slice(2)) expect(values[key]).toEqual({ answer: 'skipped' })
  })

  it.each([1, 10])(
    'accepts the scale end %i, and the record it makes parses by the rating schema',
    (value) => {
      const checked = checkWorkerRating(
        dimensions,
        draft({ answers: answered({ [first]: { answer: value } }) }),
      )
      if (!checked.ok) throw new Error('refused')
      expect(checked.value.comment).toBeUndefined()
      const record = ratingSchema.safeParse({
        ...makeRating(),
        ...checked.value.fields,
        author: 'worker:0123456789abcdef',
      })
      expect(record.error?.issues ?? []).toEqual([])
      expect(record.data?.respondent).toBe('worker')
    },
  )
})
