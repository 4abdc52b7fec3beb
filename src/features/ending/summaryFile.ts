/**
 * The handover summary as a file to share: the summary exactly as the screen shows it, in her
 * language and direction, as one self-contained HTML page — no script, no link, no request,
 * and a Content-Security-Policy that forbids any should one slip in. Named neutrally, like a
 * backup (`src/data/backup/backup.ts`): the name says neither the app nor what it holds.
 */

/** `text-YYYY-MM-DD.html` for the local calendar date of `date`. */
export function summaryFilename(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0')
  return `text-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.html`
}

const STYLE = `body{font-family:system-ui,sans-serif;line-height:1.5;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#111}
h3{border-bottom:1px solid #999;margin-top:1.5rem}ul{padding-inline-start:1.25rem}dt{font-weight:600}dd{margin-inline-start:0}
.summary-document__text{white-space:pre-wrap}.summary-document__meta,.summary-document__made{color:#444;margin:0}
.handover-lines{list-style:none;padding:0}.handover-lines__line{display:flex;flex-direction:column;margin-bottom:.5rem}
.handover-lines__what{font-weight:600}table{border-collapse:collapse;width:100%}
th,td{text-align:start;vertical-align:top;padding:.25rem;border-bottom:1px solid #ccc}@page{size:A4;margin:16mm}`

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
}

/**
 * The page around the summary's markup. `element` is the rendered summary; it is copied, and the
 * copy keeps only text and plain structure: every attribute but `class`, `dir` and `lang` goes,
 * and any element that is not plain text structure is removed.
 */
export function summaryFileHtml(
  element: Element,
  page: { readonly lang: string; readonly dir: 'ltr' | 'rtl'; readonly title: string },
): string {
  const copy = element.cloneNode(true) as Element
  for (const node of copy.querySelectorAll(
    'script, style, button, input, select, textarea, a, img, svg, iframe, object, embed, form, link, meta',
  ))
    node.remove()
  for (const node of [copy, ...copy.querySelectorAll('*')]) {
    for (const attribute of [...node.attributes]) {
      if (!['class', 'dir', 'lang'].includes(attribute.name)) node.removeAttribute(attribute.name)
    }
  }
  return [
    '<!doctype html>',
    `<html lang="${escapeAttribute(page.lang)}" dir="${page.dir}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeAttribute(page.title).replace(/>/g, '&gt;')}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    // Vue leaves comments where a v-if was false; text never holds a raw "<!--" (it is escaped).
    `<body>${copy.outerHTML.replace(/<!--[\s\S]*?-->/g, '')}</body>`,
    '</html>',
    '',
  ].join('\n')
}
