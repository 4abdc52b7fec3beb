import { afterEach, describe, expect, it, vi } from 'vitest'
import { loadScreenMessages } from '@/app/i18n'
import AnimatedQr from '@/features/qr/AnimatedQr.vue'
import { eventually, mountInApp, unmountAll } from '../support/mount'

const message = new Uint8Array(3000).map((_, i) => (i * 7) & 0xff)

function reducedMotion(reduce: boolean): void {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: reduce && query.includes('reduce'),
    media: query,
  }))
}

/** Mounts AnimatedQr with the test message and waits for its first frame. */
async function mountShown(options: { reduceMotion: boolean }) {
  reducedMotion(options.reduceMotion)
  const wrapper = await mountInApp(AnimatedQr, {
    props: { message },
    before: () => loadScreenMessages(['settings']),
  })
  await eventually(() => {
    expect(wrapper.find('[data-test="qr-symbol"]').exists()).toBe(true)
  })
  return wrapper
}

afterEach(() => {
  unmountAll()
  vi.unstubAllGlobals()
})

describe('AnimatedQr', () => {
  it('shows frame after frame, pauses on request and says so once', async () => {
    const wrapper = await mountShown({ reduceMotion: false })
    expect(wrapper.text()).toContain('Skru lysstyrken helt op')
    expect(wrapper.find('[data-test="qr-symbol"]').attributes('aria-label')).toBe(
      'Animeret QR-kode med pakken',
    )
    await eventually(() => {
      expect(wrapper.find('[data-test="qr-counter"]').text()).toContain('billede 3')
    })
    expect(wrapper.find('[data-test="qr-counter"]').text()).toContain('8 dele')
    expect(wrapper.find('[role="status"]').text()).toBe('')
    await wrapper.find('[data-test="qr-toggle"]').trigger('click')
    expect(wrapper.find('[role="status"]').text()).toBe('Koden står stille.')
    const shown = wrapper.find('[data-test="qr-counter"]').text()
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(wrapper.find('[data-test="qr-counter"]').text()).toBe(shown)
    expect(wrapper.find('[data-test="qr-toggle"]').text()).toBe('Start')
  })

  it('"bigger squares, slower" makes smaller frames, more of them', async () => {
    const wrapper = await mountShown({ reduceMotion: false })
    const normalSize = wrapper.find('[data-test="qr-symbol"]').attributes('viewBox')
    await wrapper.find('[data-test="qr-slow"]').setValue(true)
    await eventually(() => {
      expect(wrapper.find('[data-test="qr-counter"]').text()).toContain('15 dele')
    })
    await eventually(() => {
      expect(wrapper.find('[data-test="qr-symbol"]').attributes('viewBox')).not.toBe(normalSize)
    })
  })

  it('with reduced motion starts still, behind a clear Start', async () => {
    const wrapper = await mountShown({ reduceMotion: true })
    expect(wrapper.find('[data-test="qr-reduced-motion"]').text()).toContain('mindre bevægelse')
    expect(wrapper.find('[data-test="qr-toggle"]').text()).toBe('Start')
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(wrapper.find('[data-test="qr-counter"]').text()).toContain('billede 1.')
    await wrapper.find('[data-test="qr-toggle"]').trigger('click')
    await eventually(() => {
      expect(wrapper.find('[data-test="qr-counter"]').text()).toContain('billede 2.')
    })
  })
})
