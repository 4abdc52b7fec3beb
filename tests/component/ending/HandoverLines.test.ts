/**
 * The handover's lines (src/components/HandoverLines.vue) in interpreter mode: "who takes over"
 * names the owner in each line's own language. Before, "mig selv" was made with `t()` in the
 * first language and put into every line, so the English line read "Takes over: mig selv".
 */
import { afterEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { setLocale } from '@/app/i18n'
import HandoverLines from '@/components/HandoverLines.vue'
import type { SummaryHandoverLine } from '@/domain/handoverSummary'
import { usePreferencesStore } from '@/stores/preferences'
import { mountInApp, unmountAll } from '../support/mount'

const lines: SummaryHandoverLine[] = [
  {
    about: { kind: 'need', text: 'Følges til lægen' },
    owner: { kind: 'self' },
    from: null,
    status: 'agreed',
  },
  { about: { kind: 'need', text: 'Betale husleje' }, owner: null, from: null, status: 'agreed' },
]

afterEach(async () => {
  unmountAll()
  await setLocale('da')
})

describe('HandoverLines in interpreter mode', () => {
  it('names the owner in each language, and her words once', async () => {
    const list = await mountInApp(HandoverLines, { props: { lines } })
    await usePreferencesStore().setInterpreterLocale('en')
    await nextTick()
    const text = list.text()
    expect(text).toContain('Tager over: mig selv')
    expect(text).toContain('Takes over: me')
    expect(text).toContain('Tager over: ingen endnu')
    expect(text).toContain('Takes over: no one yet')
    expect(text).not.toContain('Takes over: mig selv')
    expect(text.split('Følges til lægen')).toHaveLength(2)
  })
})
