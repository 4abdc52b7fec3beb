import { afterEach, describe, expect, it } from 'vitest'
import HelpNowPanel from '@/features/helpNow/HelpNowPanel.vue'
import type { HelpNowContact } from '@/features/helpNow'
import { mountInApp, unmountAll } from '../support/mount'

afterEach(unmountAll)

const sister: HelpNowContact = { id: 'c1', name: 'Min søster Sara', phone: '+45 20 30 40 50' }

function calls(wrapper: Awaited<ReturnType<typeof mountInApp>>): { href: string; text: string }[] {
  return wrapper.findAll('[data-test="help-call"]').map((link) => ({
    href: link.attributes('href') ?? '',
    text: link.text(),
  }))
}

describe('HelpNowPanel', () => {
  it('lists every public line as a tel: link, 112 first, with what it is for', async () => {
    const wrapper = await mountInApp(HelpNowPanel)
    expect(calls(wrapper)).toEqual([
      { href: 'tel:112', text: 'Alarm112' },
      { href: 'tel:114', text: 'Politiet114' },
      { href: 'tel:1888', text: 'Lev Uden Vold: hotline om vold1888' },
      { href: 'tel:70201201', text: 'Livslinien70 201 201' },
      { href: 'tel:116111', text: 'BørneTelefonen116 111' },
    ])
    expect(wrapper.text()).toContain('Når liv eller sikkerhed er i fare lige nu')
    expect(wrapper.find('[data-help-line="livslinien"]').text()).toContain('tænker på selvmord')
  })

  it.each([
    ['shelter', ['alarm', 'levUdenVold', 'police', 'borneTelefonen', 'livslinien']],
    ['psychiatry', ['alarm', 'livslinien', 'police', 'levUdenVold', 'borneTelefonen']],
  ] as const)('orders the lines for the %s target group', async (targetGroup, order) => {
    const wrapper = await mountInApp(HelpNowPanel, { props: { targetGroup } })
    expect(wrapper.findAll('[data-help-line]').map((line) => line.attributes('data-help-line'))).toEqual(
      order,
    )
  })

  it('shows the citizen’s own crisis contacts first once unlocked, dialled without spaces', async () => {
    const wrapper = await mountInApp(HelpNowPanel, { props: { contacts: [sister] } })
    const own = wrapper.get('[data-test="help-now-own"]')
    expect(own.text()).toContain('Min søster Sara')
    expect(own.get('a').attributes('href')).toBe('tel:+4520304050')
    expect(calls(wrapper)[0]?.href).toBe('tel:+4520304050')
    expect(wrapper.find('[data-test="help-now-locked"]').exists()).toBe(false)
  })

  it('never shows own contacts while locked, and says when they will show', async () => {
    const wrapper = await mountInApp(HelpNowPanel, { props: { contacts: [sister], locked: true } })
    expect(wrapper.text()).not.toContain('Min søster Sara')
    expect(wrapper.find('[data-test="help-now-own"]').exists()).toBe(false)
    expect(wrapper.get('[data-test="help-now-locked"]').text()).toContain('når Trin er låst op')
  })

  it('speaks Arabic with the numbers still written left to right', async () => {
    const wrapper = await mountInApp(HelpNowPanel, { locale: 'ar' })
    expect(wrapper.get('h1').text()).toBe('مساعدة الآن')
    const number = wrapper.get('.help-now-call__number')
    expect(number.attributes('dir')).toBe('ltr')
    expect(number.text()).toBe('112')
  })

  it('asks to close with its back button', async () => {
    const wrapper = await mountInApp(HelpNowPanel)
    await wrapper.get('[data-test="help-now-back"]').trigger('click')
    expect(wrapper.emitted('close')).toHaveLength(1)
  })
})
