/**
 * Every form that takes a date answers every input with a message, never an exception: a day
 * one in the year 9999 once made `validateCourse` throw a CivilDateError (issue #10, item 16).
 * Fuzzed over arbitrary strings and over real calendar dates from 0000 to 9999.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkActivityForm, emptyActivityDraft } from '@/domain/activityForm'
import { isCivilDate, parseCivilDate } from '@/domain/civilDate'
import { checkDates, checkPauseEnd, checkPauseStart } from '@/domain/courseEdits'
import { courseOn, validateCourse, type CourseInput } from '@/domain/phases'
import { checkSubGoalForm } from '@/domain/planForms'
import { nextOccurrence, occurrencesBetween } from '@/domain/recurrence'
import { activityRepeats } from '@/schemas'
import { makePlan } from '../../factories/records'

const RUNS = 1500
const TODAY = parseCivilDate('2026-12-05')

/** `YYYY-MM-DD` of any real day in the years 0000–9999, or an almost-date. */
const dayText = fc.oneof(
  fc
    .date({
      min: new Date('0000-01-01T00:00:00Z'),
      max: new Date('9999-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((date) => date.toISOString().slice(0, 10)),
  fc.constantFrom(
    '9999-12-31',
    '9999-01-01',
    '0000-01-01',
    '2199-12-31',
    '2200-01-01',
    '1899-12-31',
    '2027-02-30',
    '',
  ),
  fc.string({ maxLength: 12 }),
)
const realDay = dayText.filter((text) => isCivilDate(text))

function neverThrows(run: () => unknown): void {
  expect(run).not.toThrow()
}

describe('date fields never throw', () => {
  it('a day one in the year 9999 gets a message', () => {
    const input: CourseInput = {
      contactStart: parseCivilDate('9999-01-01'),
      transitionDate: parseCivilDate('9999-01-01'),
      pauses: [],
    }
    expect(validateCourse(input)?.code).toBe('date-out-of-range')
    expect(checkDates('', '9999-01-01', TODAY)).toMatchObject({
      ok: false,
      field: 'transitionDate',
      problem: 'date-out-of-range',
    })
    expect(checkDates('0001-01-01', '2027-01-01', TODAY)).toMatchObject({
      ok: false,
      field: 'contactStart',
      problem: 'date-out-of-range',
    })
  })

  it('validateCourse, and a course it accepts can be computed on any day in range', () => {
    fc.assert(
      fc.property(
        realDay,
        realDay,
        fc.array(fc.tuple(realDay, fc.option(realDay)), { maxLength: 3 }),
        fc.array(realDay, { maxLength: 2 }),
        realDay,
        (contact, transition, pauses, restarts, on) => {
          const input: CourseInput = {
            contactStart: contact,
            transitionDate: transition,
            pauses: pauses.map(([start, end]) => ({
              start: start,
              end: end,
            })),
            restarts: restarts,
          }
          let error: unknown = 'not run'
          neverThrows(() => {
            error = validateCourse(input)
          })
          if (error === null && on >= '1900-01-01' && on <= '2199-12-31')
            neverThrows(() => courseOn(input, on))
        },
      ),
      { numRuns: RUNS },
    )
  })

  it('the course dates form, the pause forms', () => {
    fc.assert(
      fc.property(dayText, dayText, dayText, dayText, (contact, transition, start, end) => {
        neverThrows(() => checkDates(contact, transition, TODAY))
        const plan = makePlan({ transitionDate: realDayOr(transition), contactStart: realDayOr(contact) })
        neverThrows(() => checkDates(contact, transition, TODAY, plan))
        neverThrows(() =>
          checkPauseStart(plan, {
            id: crypto.randomUUID(),
            startText: start,
            reason: 'hospital',
            noteText: '',
          }),
        )
        const paused = makePlan({
          pauses: [
            { id: crypto.randomUUID(), start: parseCivilDate('2026-09-01'), end: null, reason: 'hospital' },
          ],
        })
        const pauseId = paused.pauses[0]?.id ?? ''
        neverThrows(() => checkPauseEnd(paused, pauseId, end))
      }),
      { numRuns: RUNS },
    )
  })

  it('the activity and sub-goal forms, and what an accepted activity date is used for', () => {
    fc.assert(
      fc.property(dayText, fc.constantFrom(...activityRepeats), (date, repeat) => {
        neverThrows(() => checkSubGoalForm({ title: 'Et trin', due: date }))
        let checked: ReturnType<typeof checkActivityForm> | undefined
        neverThrows(() => {
          checked = checkActivityForm({ ...emptyActivityDraft(), title: 'Møde', date, repeat }, new Set())
        })
        if (checked?.ok === true && checked.value.date !== undefined) {
          const recurring = { date: checked.value.date, repeat }
          neverThrows(() =>
            nextOccurrence(
              recurring,
              checked?.ok === true && checked.value.date !== undefined ? checked.value.date : TODAY,
            ),
          )
          neverThrows(() => occurrencesBetween(recurring, recurring.date, parseCivilDate('2199-12-31'), 400))
        }
      }),
      { numRuns: RUNS },
    )
  })
})

function realDayOr(text: string) {
  return isCivilDate(text) ? parseCivilDate(text) : parseCivilDate('2026-08-24')
}
