import { afterEach, describe, expect, it, vi } from 'vitest'
import { loadScreenMessages } from '@/app/i18n'
import QrScanner from '@/features/qr/QrScanner.vue'
import * as detector from '@/features/qr/qrDetector'
import { eventually, mountInApp, unmountAll } from '../support/mount'

const srcObject = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'srcObject')

afterEach(() => {
  if (srcObject) Object.defineProperty(HTMLMediaElement.prototype, 'srcObject', srcObject)
  Reflect.deleteProperty(navigator, 'mediaDevices')
  unmountAll()
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

function fakeDetector(): void {
  vi.spyOn(detector, 'loadQrDetector').mockResolvedValue({ kind: 'wasm', detect: () => Promise.resolve([]) })
}

function camera(getUserMedia: (() => Promise<MediaStream>) | undefined): void {
  Object.defineProperty(navigator, 'mediaDevices', {
    configurable: true,
    value: getUserMedia ? { getUserMedia } : undefined,
  })
}

async function mountAndStart() {
  const wrapper = await mountInApp(QrScanner, { before: () => loadScreenMessages(['settings']) })
  await wrapper.find('[data-test="qr-scan-start"]').trigger('click')
  return wrapper
}

describe('QrScanner', () => {
  it.each([
    ['NotAllowedError', 'må ikke bruge kameraet'],
    ['NotFoundError', 'intet kamera'],
    ['AbortError', 'kunne ikke starte'],
  ])('a camera refusal (%s) is explained and points to a file', async (name, text) => {
    fakeDetector()
    camera(() => Promise.reject(new DOMException('no', name)))
    const wrapper = await mountAndStart()
    await eventually(() => {
      expect(wrapper.find('[data-test="qr-scan-problem"]').text()).toContain(text)
    })
    expect(wrapper.find('[data-test="qr-scan-problem"]').text()).toContain('Åbn en pakke fra en fil')
    expect(wrapper.find('[data-test="qr-scan-start"]').exists()).toBe(true)
  })

  it('no camera API at all (not a secure context) is explained', async () => {
    fakeDetector()
    camera(undefined)
    const wrapper = await mountAndStart()
    await eventually(() => {
      expect(wrapper.find('[data-test="qr-scan-problem"]').text()).toContain('intet kamera')
    })
  })

  it('no decoder is explained', async () => {
    vi.spyOn(detector, 'loadQrDetector').mockRejectedValue(new Error('no wasm'))
    camera(() => Promise.reject(new Error('not asked')))
    const wrapper = await mountAndStart()
    await eventually(() => {
      expect(wrapper.find('[data-test="qr-scan-problem"]').text()).toContain('kan ikke læse QR-koder')
    })
  })

  it('stops the camera when the screen is left', async () => {
    fakeDetector()
    const stop = vi.fn()
    const stream = { getTracks: () => [{ stop }] } as unknown as MediaStream
    vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined)
    // happy-dom accepts only its own MediaStream.
    Object.defineProperty(HTMLMediaElement.prototype, 'srcObject', {
      configurable: true,
      set: () => undefined,
    })
    camera(() => Promise.resolve(stream))
    const wrapper = await mountAndStart()
    await eventually(() => {
      expect(wrapper.find('[data-test="qr-scan-stop"]').exists()).toBe(true)
    })
    expect(wrapper.text()).toContain('Venter på den første kode')
    wrapper.unmount()
    expect(stop).toHaveBeenCalled()
  })
})
