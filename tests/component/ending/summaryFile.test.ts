import { describe, expect, it } from 'vitest'
import { summaryFileHtml, summaryFilename } from '@/features/ending/summaryFile'

describe('summaryFilename', () => {
  it('is neutral and dated by the local day', () => {
    expect(summaryFilename(new Date(2026, 10, 3, 23, 59))).toBe('text-2026-11-03.html')
  })
})

describe('summaryFileHtml', () => {
  it('keeps text and plain structure, drops scripts, links, controls and attributes', () => {
    const element = document.createElement('article')
    element.innerHTML = [
      '<h2 data-test="x" class="title" onclick="alert(1)">Overblik</h2>',
      '<!--v-if-->',
      '<p lang="ar" dir="rtl" style="color:red">مرحبا &lt;script&gt;</p>',
      '<script>alert(1)</script><button>Udskriv</button><a href="https://example.org">link</a>',
      '<img src="x" onerror="alert(1)">',
    ].join('')
    const html = summaryFileHtml(element, { lang: 'da', dir: 'ltr', title: 'Overblik <fra> "min" plan' })
    expect(html.startsWith('<!doctype html>\n<html lang="da" dir="ltr">')).toBe(true)
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    )
    expect(html).toContain('<title>Overblik &lt;fra&gt; &quot;min&quot; plan</title>')
    expect(html).toContain(
      '<article><h2 class="title">Overblik</h2><p lang="ar" dir="rtl">مرحبا &lt;script&gt;</p></article>',
    )
    for (const absent of [
      '<script',
      'onclick',
      'onerror',
      'href',
      'data-test',
      '<button',
      '<img',
      'v-if',
      'style="',
    ])
      expect(html).not.toContain(absent)
    // The original on the screen is untouched.
    expect(element.querySelector('button')).not.toBeNull()
  })
})
