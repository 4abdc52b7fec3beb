// @vitest-environment happy-dom
// useFieldProblems moves focus to a field in the document, so this needs a DOM.
import { afterEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { planProblem, useFieldProblems } from '@/composables/useFieldErrors'
import type { FieldProblem } from '@/domain/planForms'

// A plan form's check: each field says its own problem, and focus goes to the first one in the
// form's order (WCAG 3.3.1), not to the first the check happened to find.
describe('useFieldProblems', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('shows the problems, then focuses the first field in order that has one', async () => {
    document.body.innerHTML = '<input id="f-title"><input id="f-date"><input id="f-place">'
    const { problems, error, accept } = useFieldProblems<'title' | 'date' | 'place', FieldProblem>(
      ['title', 'date', 'place'],
      (field) => `f-${field}`,
      planProblem,
    )
    expect(accept({ ok: false, problems: { place: 'tooLong', date: 'invalidDate' } })).toBe(false)
    expect(error('date')).toBe('plan.problem.invalidDate')
    expect(error('title')).toBeUndefined()
    await nextTick()
    expect(document.activeElement?.id).toBe('f-date')

    expect(accept({ ok: true, value: { title: 'Møde' } })).toBe(true)
    expect(problems.value).toEqual({})
    expect(error('date')).toBeUndefined()
  })
})
