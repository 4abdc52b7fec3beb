import { describe, expect, it } from 'vitest'
import { useSaving } from '@/composables/useSaving'

// A form's save as its BaseFormActions shows it: busy while it runs, the problem when it failed
// (what she typed stays), the form's own message once it is stored.
describe('useSaving', () => {
  const problemOf = () => 'errors.unknown' as const

  it('is busy while the work runs, then says it is done', async () => {
    const { saving, actions, saved } = useSaving(problemOf, { busy: 'lock.set.busy', done: 'plan.saved' })
    expect(actions.value).toEqual({ busy: false, problem: null, status: null })
    let finish = (): void => undefined
    const running = saving(() => new Promise<void>((resolve) => (finish = resolve)))
    expect(actions.value).toEqual({ busy: true, problem: null, status: 'lock.set.busy' })
    finish()
    expect(await running).toBe(true)
    expect(saved.value).toBe(true)
    expect(actions.value).toEqual({ busy: false, problem: null, status: 'plan.saved' })
  })

  it('says why it failed, and no longer that the last one was saved', async () => {
    const { saving, actions } = useSaving(problemOf, { done: 'plan.saved' })
    await saving(() => Promise.resolve())
    expect(await saving(() => Promise.reject(new Error('full')))).toBe(false)
    expect(actions.value).toEqual({ busy: false, problem: 'errors.unknown', status: null })
  })

  it('announces nothing without messages', async () => {
    const { saving, actions } = useSaving(problemOf)
    await saving(() => Promise.resolve())
    expect(actions.value.status).toBeNull()
  })
})
