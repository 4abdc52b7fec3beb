/**
 * The neutral page after "erase everything", also offline. Erasing removes the service worker
 * and its precache, so offline the browser could not load `/opskrift.html` any more and would
 * show its own "no connection" page. So the page and its style are read BEFORE erasing, and
 * after it: online, the page is opened as usual; offline, this document becomes that page in
 * place (same text, same style, the address bar says /opskrift.html). Nothing of the app is
 * kept to make it possible — the copy lives only in this tab's memory.
 */
import { NEUTRAL_PAGE } from './quickExit'

const NEUTRAL_STYLE = '/opskrift.css'

/** The neutral page's HTML and CSS, read while the precache still holds them. */
export interface NeutralCopy {
  readonly html: string
  readonly css: string
}

/** Reads the neutral page (service worker, cache or network); null when it cannot be read. */
export async function readNeutralCopy(): Promise<NeutralCopy | null> {
  try {
    const [html = '', css = ''] = await Promise.all(
      [NEUTRAL_PAGE, NEUTRAL_STYLE].map(async (url) => {
        const response = await fetch(url)
        if (!response.ok) throw new Error(`${url}: ${response.status}`)
        return response.text()
      }),
    )
    return { html, css }
  } catch {
    return null
  }
}

/** Whether the neutral page can be loaded now that nothing is cached (i.e. we are online). */
async function reachable(): Promise<boolean> {
  try {
    return (await fetch(NEUTRAL_PAGE, { cache: 'no-store', method: 'HEAD' })).ok
  } catch {
    return false
  }
}

/** Turns this document into the neutral page (the app's DOM and styles are dropped). */
export function becomeNeutralPage(copy: NeutralCopy): void {
  const parsed = new DOMParser().parseFromString(copy.html, 'text/html')
  for (const node of document.querySelectorAll('link[rel="stylesheet"], style')) node.remove()
  const sheet = new CSSStyleSheet()
  sheet.replaceSync(copy.css)
  document.adoptedStyleSheets = [sheet]
  document.title = parsed.title
  document.documentElement.lang = parsed.documentElement.lang
  document.documentElement.removeAttribute('dir')
  document.documentElement.className = ''
  document.body.replaceWith(document.importNode(parsed.body, true))
  history.replaceState(null, '', NEUTRAL_PAGE)
}

/** Leaves for the neutral page: by navigation when it loads, else in place from `copy`. */
export async function leaveToNeutral(copy: NeutralCopy | null, leave: (url: string) => void): Promise<void> {
  if (copy === null || (await reachable())) leave(NEUTRAL_PAGE)
  else becomeNeutralPage(copy)
}
