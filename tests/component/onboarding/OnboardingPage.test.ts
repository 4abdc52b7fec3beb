import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { deleteDatabase } from '@/data/db'
import { useRecordsStore } from '@/stores/records'
import { useVaultStore } from '@/stores/vault'
import { mountApp, settled, type MountedApp } from '../support/mount'

const NOW = new Date('2026-11-23T12:00:00Z')

let app: MountedApp | undefined

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
  await deleteDatabase()
})

afterEach(() => {
  app?.wrapper.unmount()
  app = undefined
  useVaultStore().close()
  vi.useRealTimers()
})

/** vi.waitFor with room for a busy machine: the first mount loads the lazy onboarding screens. */
function waitLong<T>(callback: () => T | Promise<T>): Promise<T> {
  return vi.waitFor(callback, { timeout: 10_000 })
}

function step(wrapper: VueWrapper): string | undefined {
  return wrapper.find('[data-step]').attributes('data-step')
}

async function next(wrapper: VueWrapper): Promise<void> {
  await wrapper.get('[data-test="onboarding-next"]').trigger('submit')
  await flushPromises()
}

/** The protection step (safety feature): chooses "no lock", which is always one tap away. */
async function chooseNoLock(wrapper: VueWrapper): Promise<void> {
  expect(step(wrapper)).toBe('lock')
  await wrapper.get('#lock-choice-none').setValue(true)
  await next(wrapper)
}

/** Mounts Home on an empty store and waits for the redirect to onboarding's first screen. */
async function startOnboarding(locale: 'da' | 'en' = 'da'): Promise<MountedApp> {
  const mounted = await mountApp({ locale })
  await waitLong(async () => {
    await flushPromises()
    expect(step(mounted.wrapper)).toBe('language')
  })
  return mounted
}

async function chooseDanishAndReadAbout(wrapper: VueWrapper): Promise<void> {
  await wrapper.get('[data-locale="da"]').trigger('click')
  await waitLong(() => {
    expect(step(wrapper)).toBe('about')
  })
  await next(wrapper)
  expect(step(wrapper)).toBe('transition')
}

describe('Onboarding', () => {
  it('takes a woman leaving a shelter through every step in Danish and saves her plan', async () => {
    app = await startOnboarding()
    const { wrapper } = app
    expect(wrapper.find('h1').text()).toBe('Vælg sprog')
    expect(wrapper.get('[data-locale="da"]').text()).toContain('Dansk')
    expect(wrapper.get('[data-locale="en"]').attributes('lang')).toBe('en')

    await wrapper.get('[data-locale="da"]').trigger('click')
    await waitLong(() => {
      expect(step(wrapper)).toBe('about')
    })
    expect(wrapper.get('[data-test="onboarding-progress"]').text()).toBe('Skridt 2 af 7')
    expect(wrapper.text()).toContain('Så kommer tre faser. Hver fase varer tre måneder.')
    expect(wrapper.text()).toContain('Forløbet slutter efter ni måneder.')
    expect(wrapper.text()).toContain('Planen er din.')
    // Focus follows the step, so a screen reader starts at the new question.
    expect(document.activeElement).toBe(wrapper.get('h1').element)
    await next(wrapper)

    expect(wrapper.find('h1').text()).toBe('Din overgang')
    await wrapper.get('#onboarding-group-shelter').setValue(true)
    expect(wrapper.get('label[for="onboarding-group-shelter"]').text()).toBe('Fra krisecenter til egen bolig')
    await next(wrapper)

    // Women leaving a shelter are told honestly what quick exit and the browser do and do not hide.
    expect(step(wrapper)).toBe('safety')
    await next(wrapper)

    expect(step(wrapper)).toBe('dates')
    expect(wrapper.get('label[for="onboarding-transition-date"]').text()).toBe(
      'Dag 1: den dag du flytter i egen bolig',
    )
    await wrapper.get('#onboarding-transition-date').setValue('2026-10-14')
    await wrapper.get('#onboarding-contact-start').setValue('2026-09-23')
    await next(wrapper)

    expect(step(wrapper)).toBe('worker')
    expect(wrapper.get('#onboarding-worker-phone').attributes('type')).toBe('tel')
    await wrapper.get('#onboarding-worker-name').setValue('Mette Hansen')
    await wrapper.get('#onboarding-worker-phone').setValue('+45 12 34 56 78')
    await next(wrapper)

    await chooseNoLock(wrapper)
    expect(step(wrapper)).toBe('ready')
    const summary = wrapper.get('[data-test="onboarding-summary"]').text()
    expect(summary).toContain('Fra krisecenter til egen bolig')
    expect(summary).toContain('14. oktober 2026')
    expect(summary).toContain('23. september 2026')
    expect(summary).toContain('Mette Hansen')
    expect(wrapper.text()).toContain('Du kan altid ændre det senere under Indstillinger.')
    // Nothing is stored before the last step.
    expect(useRecordsStore().byKind('plan')).toEqual([])
    await next(wrapper)

    await settled(wrapper, 'Fase 1: Planlægning og opstart')
    expect(app.router.currentRoute.value.name).toBe('start')
    expect(wrapper.text()).toContain('Dag 41 i forløbet')
    expect(wrapper.text()).toContain('52 dage tilbage af fasen')

    // The plan is stored encrypted and reads back after a lock.
    useVaultStore().close()
    await useVaultStore().open()
    const [plan, ...others] = useRecordsStore().byKind('plan')
    expect(others).toEqual([])
    expect(plan).toMatchObject({
      targetGroup: 'shelter',
      contactStart: '2026-09-23',
      transitionDate: '2026-10-14',
      pauses: [],
      worker: { name: 'Mette Hansen', phone: '+45 12 34 56 78' },
      author: 'citizen',
      shared: false,
    })
    expect(plan?.targetGroupOther).toBeUndefined()
  })

  it('switches the whole app to the language chosen on the first screen', async () => {
    app = await startOnboarding()
    await app.wrapper.get('[data-locale="en"]').trigger('click')
    await waitLong(() => {
      expect(step(app?.wrapper as VueWrapper)).toBe('about')
    })
    expect(document.documentElement.lang).toBe('en')
    expect(app.wrapper.find('h1').text()).toBe('What is a CTI course?')
    expect(app.wrapper.get('[data-test="onboarding-progress"]').text()).toBe('Step 2 of 7')
  })

  it('asks for a transition before going on, and keeps the free text for "something else"', async () => {
    app = await startOnboarding()
    const { wrapper } = app
    await chooseDanishAndReadAbout(wrapper)

    await next(wrapper)
    expect(step(wrapper)).toBe('transition')
    const alert = wrapper.get('[role="alert"]')
    expect(alert.text()).toBe('Vælg det, der passer bedst.')
    expect(wrapper.get('fieldset').attributes('aria-describedby')).toBe(alert.attributes('id'))
    expect(document.activeElement).toBe(wrapper.get('#onboarding-group-homelessness').element)

    await wrapper.get('#onboarding-group-other').setValue(true)
    await wrapper.get('#onboarding-group-other-text').setValue('  Ud af et misbrugsbehandlingssted ')
    await next(wrapper)
    expect(step(wrapper)).toBe('dates')
    expect(wrapper.get('label[for="onboarding-transition-date"]').text()).toBe(
      'Dag 1: den dag forandringen sker',
    )
    await next(wrapper)
    await wrapper.get('[data-test="onboarding-skip"]').trigger('click')
    await chooseNoLock(wrapper)
    expect(step(wrapper)).toBe('ready')
    expect(wrapper.get('[data-test="onboarding-summary"]').text()).toContain(
      'Ud af et misbrugsbehandlingssted',
    )
    await next(wrapper)
    await waitLong(() => {
      expect(useRecordsStore().byKind('plan')).toHaveLength(1)
    })
    expect(useRecordsStore().byKind('plan')[0]).toMatchObject({
      targetGroup: 'other',
      targetGroupOther: 'Ud af et misbrugsbehandlingssted',
    })
  })

  it('refuses a contact period that starts after day 1, beside the field, and keeps what was typed', async () => {
    app = await startOnboarding()
    const { wrapper } = app
    await chooseDanishAndReadAbout(wrapper)
    await wrapper.get('#onboarding-group-homelessness').setValue(true)
    await next(wrapper)

    await wrapper.get('#onboarding-transition-date').setValue('2026-10-14')
    await wrapper.get('#onboarding-contact-start').setValue('2026-10-20')
    await next(wrapper)
    expect(step(wrapper)).toBe('dates')
    const contact = wrapper.get('#onboarding-contact-start')
    expect(contact.attributes('aria-invalid')).toBe('true')
    expect(contact.attributes('aria-describedby')).toContain('onboarding-contact-start-error')
    expect(wrapper.get('#onboarding-contact-start-error').text()).toBe(
      'Kontaktperioden skal begynde på dag 1 eller før.',
    )
    expect(document.activeElement).toBe(contact.element)
    expect((contact.element as HTMLInputElement).value).toBe('2026-10-20')

    await contact.setValue('2026-10-01')
    await next(wrapper)
    expect(step(wrapper)).toBe('worker')
  })

  it('saves a plan without day 1 when the date is not known yet; the contact period starts today', async () => {
    app = await startOnboarding()
    const { wrapper } = app
    await chooseDanishAndReadAbout(wrapper)
    await wrapper.get('#onboarding-group-employment').setValue(true)
    await next(wrapper)
    expect(wrapper.get('label[for="onboarding-transition-date"]').text()).toBe(
      'Dag 1: den dag du begynder at arbejde',
    )
    await next(wrapper)
    await wrapper.get('[data-test="onboarding-skip"]').trigger('click')
    await chooseNoLock(wrapper)
    expect(wrapper.get('[data-test="onboarding-summary"]').text()).toContain('Ikke kendt endnu')
    await next(wrapper)

    await settled(wrapper, 'Skriv dag 1')
    const [plan] = useRecordsStore().byKind('plan')
    expect(plan?.contactStart).toBe('2026-11-23')
    expect(plan?.transitionDate).toBeUndefined()
    expect(plan?.worker).toBeUndefined()
  })

  it('checks the phone number, and skipping the worker step forgets what was typed', async () => {
    app = await startOnboarding()
    const { wrapper } = app
    await chooseDanishAndReadAbout(wrapper)
    await wrapper.get('#onboarding-group-psychiatry').setValue(true)
    await next(wrapper)
    await next(wrapper)
    expect(step(wrapper)).toBe('worker')

    await wrapper.get('#onboarding-worker-phone').setValue('call me')
    await next(wrapper)
    expect(wrapper.get('#onboarding-worker-name-error').text()).toBe(
      'Skriv også et navn, eller lad begge felter være tomme.',
    )
    await wrapper.get('#onboarding-worker-name').setValue('Ali')
    await next(wrapper)
    expect(wrapper.get('#onboarding-worker-phone-error').text()).toContain('Et telefonnummer må kun have tal')
    expect(step(wrapper)).toBe('worker')

    await wrapper.get('[data-test="onboarding-skip"]').trigger('click')
    await chooseNoLock(wrapper)
    expect(step(wrapper)).toBe('ready')
    expect(wrapper.get('[data-test="onboarding-summary"]').text()).toContain('Ikke skrevet')
  })

  it('goes back without losing answers', async () => {
    app = await startOnboarding()
    const { wrapper } = app
    await chooseDanishAndReadAbout(wrapper)
    await wrapper.get('#onboarding-group-aftercare').setValue(true)
    await next(wrapper)
    await wrapper.get('#onboarding-transition-date').setValue('2026-12-01')

    await wrapper.get('[data-test="onboarding-back"]').trigger('click')
    expect(step(wrapper)).toBe('transition')
    expect((wrapper.get('#onboarding-group-aftercare').element as HTMLInputElement).checked).toBe(true)
    await next(wrapper)
    expect((wrapper.get('#onboarding-transition-date').element as HTMLInputElement).value).toBe('2026-12-01')
  })
})
