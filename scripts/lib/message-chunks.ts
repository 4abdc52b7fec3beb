/**
 * Each language's messages as one chunk per namespace (src/app/i18n/namespaces.ts), made at
 * build time from the unchanged `locales/<code>.json`.
 *
 * `virtual:trin-messages` exports `messageParts`: per language and namespace, a dynamic import
 * of `locales/<code>.<namespace>.json`. No such file exists: this plugin makes each one up from
 * `locales/<code>.json`, and as it sits in locales/ and ends in .json, the vue-i18n plugin
 * precompiles it like the whole file (no message compiler at run time, nothing for the CSP).
 * Rollup names each chunk after it (`uk.plan-<hash>.js`), which is how the budget check and the
 * first locale's preload find them.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Plugin } from 'vite'
import {
  messageNamespaces,
  splitMessages,
  type MessageNamespace,
  type MessageTree,
} from '../../src/app/i18n/namespaces.ts'

const virtualId = 'virtual:trin-messages'
const resolvedVirtualId = `\0${virtualId}`

/** `<code>.<namespace>.json` at the end of an id or URL, as the index and the dev server write it. */
const partPattern = /(?:^|\/)locales\/([a-z]{2,3})\.([a-z]+)\.json$/

/** The made-up file name of one language's namespace. */
export function messagePartFile(code: string, namespace: string): string {
  return `${code}.${namespace}.json`
}

export function messageChunks(options: {
  readonly localesDir: string
  readonly codes: readonly string[]
}): Plugin {
  const { localesDir, codes } = options
  const isNamespace = (name: string): name is MessageNamespace =>
    messageNamespaces.some((namespace) => namespace === name)
  const partOf = (id: string) => {
    const match = partPattern.exec(id)
    if (!match) return null
    const [, code = '', namespace = ''] = match
    if (!codes.includes(code) || !isNamespace(namespace)) return null
    return { code, namespace }
  }
  return {
    name: 'trin-message-chunks',
    enforce: 'pre',
    resolveId(id) {
      if (id === virtualId) return resolvedVirtualId
      const part = partOf(id)
      return part ? join(localesDir, messagePartFile(part.code, part.namespace)) : null
    },
    load(id) {
      if (id === resolvedVirtualId) {
        const loaders = codes.map((code) => {
          const parts = messageNamespaces.map(
            (namespace) =>
              `${JSON.stringify(namespace)}: () => import(${JSON.stringify(join(localesDir, messagePartFile(code, namespace)))})`,
          )
          return `${JSON.stringify(code)}: { ${parts.join(', ')} }`
        })
        return `export const messageParts = { ${loaders.join(',\n')} }\n`
      }
      const part = id.startsWith(localesDir) ? partOf(id) : null
      if (!part) return null
      const source = join(localesDir, `${part.code}.json`)
      this.addWatchFile(source)
      const messages = JSON.parse(readFileSync(source, 'utf8')) as MessageTree
      return JSON.stringify(splitMessages(messages)[part.namespace] ?? {})
    },
  }
}
