/**
 * Test-only page (never part of the shipped build: tests/e2e/qr-transfer.e2e.ts builds it into a
 * temporary folder with the app's own Vite config, CSP and all). `?view=show` shows AnimatedQr
 * with the test message; `?view=scan` shows QrScanner and writes what it received, as hex, into
 * `[data-test="qr-harness-result"]`. `?lang=ar` picks the language.
 */
import { createApp, defineComponent, h, ref } from 'vue'
import { createPinia } from 'pinia'
import { i18n, loadScreenMessages, setLocale } from '@/app/i18n'
import { isLocaleCode } from '../../../locales/index'
import AnimatedQr from '@/features/qr/AnimatedQr.vue'
import QrScanner from '@/features/qr/QrScanner.vue'
import '@/styles/main.css'
import { testMessage, toHex } from './message'

const params = new URLSearchParams(location.search)
const lang = params.get('lang')
const view = params.get('view')

const Harness = defineComponent({
  setup() {
    const received = ref('')
    return () =>
      h('div', { class: 'page' }, [
        h('h1', 'QR'),
        view === 'show'
          ? h(AnimatedQr, { message: testMessage() })
          : h(QrScanner, {
              onReceived: (bytes: Uint8Array) => {
                received.value = toHex(bytes)
              },
            }),
        h('output', { 'data-test': 'qr-harness-result', hidden: true }, received.value),
      ])
  },
})

async function start(): Promise<void> {
  const app = createApp(Harness)
  app.use(createPinia())
  app.use(i18n)
  await setLocale(isLocaleCode(lang) ? lang : 'da')
  await loadScreenMessages(['settings'])
  app.mount('#app')
}

void start()
