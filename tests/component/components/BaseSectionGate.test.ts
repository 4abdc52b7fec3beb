import { afterEach, describe, expect, it } from 'vitest'
import { h } from 'vue'
import BaseSectionGate from '@/components/BaseSectionGate.vue'
import type { VaultStatus } from '@/stores/vault'
import da from '../../../locales/da.json'
import { Host, mountInApp, unmountAll } from '../support/mount'
import type { MessageKey } from '@/app/i18n/keys'

afterEach(unmountAll)

function mountGate(status: VaultStatus, hasPlan: boolean, heading?: MessageKey) {
  return mountInApp(Host, {
    route: '/',
    props: {
      content: () =>
        h(BaseSectionGate, { status, hasPlan, heading }, () => h('p', { id: 'screen' }, 'the screen')),
    },
  })
}

describe('BaseSectionGate', () => {
  it('shows the screen only once the plan is open and exists', async () => {
    const wrapper = await mountGate('open', true, 'plan.title')
    expect(wrapper.find('#screen').exists()).toBe(true)
    // The screen brings its own heading.
    expect(wrapper.find('h1').exists()).toBe(false)
  })

  it('says the plan is opening, politely, with the screen heading', async () => {
    const wrapper = await mountGate('opening', true, 'plan.title')
    expect(wrapper.get('[role="status"]').text()).toBe(da.plan.loading)
    expect(wrapper.get('h1').text()).toBe(da.plan.title)
    expect(wrapper.find('#screen').exists()).toBe(false)
  })

  it('announces a failed open', async () => {
    const wrapper = await mountGate('error', false)
    expect(wrapper.get('[role="alert"]').text()).toBe(da.plan.openFailed)
  })

  it('shows the way to the start page when there is no plan yet', async () => {
    const wrapper = await mountGate('open', false)
    expect(wrapper.get('#no-plan-heading').text()).toBe(da.plan.noPlan.title)
    expect(wrapper.get('a').text()).toBe(da.plan.noPlan.start)
    expect(wrapper.find('#screen').exists()).toBe(false)
  })
})
