import { afterEach, describe, expect, it } from 'vitest'
import { h, ref, type Ref } from 'vue'
import type { VueWrapper } from '@vue/test-utils'
import CourseDateFields from '@/features/course/CourseDateFields.vue'
import CourseWorkerFields from '@/features/course/CourseWorkerFields.vue'
import type { CourseDateFieldsHandle } from '@/features/course/planEdits'
import type { CourseWorkerFieldsHandle } from '@/features/course/workerFields'
import type { Pause, TargetGroup } from '@/schemas'
import { day, newId } from '../../factories/records'
import da from '../../../locales/da.json'
import { Host, mountInApp, unmountAll } from '../support/mount'

afterEach(unmountAll)

const today = day('2026-12-05')

/** A form around the fields, as the course screen and onboarding have it; `submit` runs `checked()`. */
async function datesForm(
  targetGroup: TargetGroup | null,
  plan?: Parameters<CourseDateFieldsHandle['checked']>[1],
) {
  const transitionDate = ref('')
  const contactStart = ref('')
  const fields = ref<CourseDateFieldsHandle | null>(null)
  const result: Ref<ReturnType<CourseDateFieldsHandle['checked']> | undefined> = ref(undefined)
  const wrapper = await mountInApp(Host, {
    props: {
      content: () =>
        h(
          'form',
          {
            onSubmit: (event: Event) => (
              event.preventDefault(),
              (result.value = fields.value?.checked(today, plan))
            ),
          },
          [
            h(CourseDateFields, {
              ref: fields,
              idPrefix: 'test',
              targetGroup,
              transitionDate: transitionDate.value,
              'onUpdate:transitionDate': (value: string) => (transitionDate.value = value),
              contactStart: contactStart.value,
              'onUpdate:contactStart': (value: string) => (contactStart.value = value),
            }),
          ],
        ),
    },
  })
  return { wrapper, result }
}

function labelOf(wrapper: VueWrapper, id: string): string {
  return wrapper.get(`label[for="${id}"]`).text()
}

describe('CourseDateFields', () => {
  it.each<[TargetGroup | null, string]>([
    ['shelter', da.onboarding.dates.dayOne.move],
    ['employment', da.onboarding.dates.dayOne.work],
    [null, da.onboarding.dates.dayOne.other],
  ])('names day 1 for the citizen’s own change (%s), with help for both dates', async (group, label) => {
    const { wrapper } = await datesForm(group)
    expect(labelOf(wrapper, 'test-transition-date')).toBe(label)
    expect(labelOf(wrapper, 'test-contact-start')).toBe(da.onboarding.dates.contactStart)
    expect(wrapper.get('#test-transition-date').attributes('type')).toBe('date')
    expect(wrapper.get('#test-transition-date-help').text()).toBe(da.onboarding.dates.dayOneHelp)
  })

  it('takes two dates that keep the rules, and none when she does not know them yet', async () => {
    const { wrapper, result } = await datesForm('shelter')
    await wrapper.get('form').trigger('submit')
    // Nothing known: day 1 stays open and the contact period starts today.
    expect(result.value).toEqual({ ok: true, contactStart: today, transitionDate: null })

    await wrapper.get('#test-transition-date').setValue('2027-01-10')
    await wrapper.get('#test-contact-start').setValue('2026-12-01')
    await wrapper.get('form').trigger('submit')
    expect(result.value).toEqual({ ok: true, contactStart: '2026-12-01', transitionDate: '2027-01-10' })
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
  })

  it('says what is wrong beside the field at fault and puts her there', async () => {
    const { wrapper, result } = await datesForm('shelter')
    await wrapper.get('#test-transition-date').setValue('2027-01-10')
    await wrapper.get('#test-contact-start').setValue('2027-02-01')
    await wrapper.get('form').trigger('submit')
    expect(result.value).toBeNull()
    expect(wrapper.get('#test-contact-start-error').text()).toBe(da.course.error.contactAfterTransition)
    expect(wrapper.get('#test-contact-start').attributes('aria-invalid')).toBe('true')
    expect(document.activeElement).toBe(wrapper.get('#test-contact-start').element)
    expect(wrapper.find('#test-transition-date-error').exists()).toBe(false)

    // Mended, the message goes.
    await wrapper.get('#test-contact-start').setValue('2027-01-02')
    await wrapper.get('form').trigger('submit')
    expect(result.value).toMatchObject({ ok: true })
    expect(wrapper.find('#test-contact-start-error').exists()).toBe(false)
  })

  it('asks for day 1 once the course has had a pause', async () => {
    const pause: Pause = { id: newId(), start: day('2027-02-01'), end: day('2027-02-10'), reason: 'hospital' }
    const { wrapper, result } = await datesForm('shelter', { pauses: [pause], restarts: [] })
    await wrapper.get('form').trigger('submit')
    expect(result.value).toBeNull()
    expect(wrapper.get('#test-transition-date-error').text()).toBe(da.course.error.dayOneNeeded)
    expect(document.activeElement).toBe(wrapper.get('#test-transition-date').element)
  })
})

async function workerForm() {
  const name = ref('')
  const phone = ref('')
  const fields = ref<CourseWorkerFieldsHandle | null>(null)
  const result: Ref<ReturnType<CourseWorkerFieldsHandle['checked']> | undefined> = ref(undefined)
  const wrapper = await mountInApp(Host, {
    props: {
      content: () =>
        h(
          'form',
          { onSubmit: (event: Event) => (event.preventDefault(), (result.value = fields.value?.checked())) },
          [
            h(CourseWorkerFields, {
              ref: fields,
              idPrefix: 'test',
              name: name.value,
              'onUpdate:name': (value: string) => (name.value = value),
              phone: phone.value,
              'onUpdate:phone': (value: string) => (phone.value = value),
            }),
          ],
        ),
    },
  })
  return { wrapper, result, fields }
}

describe('CourseWorkerFields', () => {
  it('asks for a name and a phone number she can call', async () => {
    const { wrapper } = await workerForm()
    expect(labelOf(wrapper, 'test-worker-name')).toBe(da.onboarding.worker.name)
    expect(labelOf(wrapper, 'test-worker-phone')).toBe(da.onboarding.worker.phone)
    expect(wrapper.get('#test-worker-phone').attributes('type')).toBe('tel')
  })

  it('takes a worker, or none when both fields are empty', async () => {
    const { wrapper, result } = await workerForm()
    await wrapper.get('form').trigger('submit')
    expect(result.value).toEqual({ ok: true, worker: null })

    await wrapper.get('#test-worker-name').setValue('Mette')
    await wrapper.get('#test-worker-phone').setValue('+45 12 34 56 78')
    await wrapper.get('form').trigger('submit')
    expect(result.value).toMatchObject({ ok: true, worker: { name: 'Mette', phone: '+45 12 34 56 78' } })
  })

  it('says a phone number without a name needs one, beside the name, and puts her there', async () => {
    const { wrapper, result } = await workerForm()
    await wrapper.get('#test-worker-phone').setValue('12345678')
    await wrapper.get('form').trigger('submit')
    expect(result.value).toBeNull()
    expect(wrapper.get('#test-worker-name-error').text()).toBe(da.onboarding.worker.nameNeeded)
    expect(document.activeElement).toBe(wrapper.get('#test-worker-name').element)
  })

  it('refuses letters in the phone number, and clears its messages when the worker is removed', async () => {
    const { wrapper, result, fields } = await workerForm()
    await wrapper.get('#test-worker-name').setValue('Mette')
    await wrapper.get('#test-worker-phone').setValue('ring mig')
    await wrapper.get('form').trigger('submit')
    expect(result.value).toBeNull()
    expect(wrapper.get('#test-worker-phone-error').text()).toBe(da.onboarding.worker.phoneInvalid)
    expect(document.activeElement).toBe(wrapper.get('#test-worker-phone').element)

    fields.value?.clear()
    await wrapper.vm.$nextTick()
    expect(wrapper.find('#test-worker-phone-error').exists()).toBe(false)
  })
})
