import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  messageNamespaces,
  namespaceOf,
  namespaceRules,
  splitMessages,
  type MessageNamespace,
  type MessageTree,
} from '@/app/i18n/namespaces'
import { keysNamedIn, keysReachable } from '../../../scripts/lib/message-usage'
import { localeList } from '../../../locales'
import { messageKeys } from '../../support/messages'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const readMessages = (code: string) =>
  JSON.parse(readFileSync(`${root}locales/${code}.json`, 'utf8')) as MessageTree

describe('namespaceOf', () => {
  it.each<[string, MessageNamespace]>([
    ['app.name', 'core'],
    ['lock.screen.title', 'core'],
    ['network.field.name', 'plan'],
    ['handover.nudge.heading', 'core'],
    ['handover.meeting.title', 'plan'],
    ['ratings.due.heading', 'core'],
    ['ratings.flow.next', 'plan'],
    ['backup.reminder.title', 'core'],
    ['backup.create.title', 'settings'],
    ['course.saveFailed', 'core'],
    ['course.saveFailedQuota', 'core'],
    ['course.intro', 'course'],
    ['settings.display.interpreterHelp', 'core'],
    ['easyRead.settings.display.interpreterHelp', 'core'],
    ['easyRead.settings.display.easyReadHelp', 'settings'],
    ['onboarding.about.title', 'course'],
    ['easyRead.onboarding.about', 'course'],
    ['easyRead.home.todo', 'core'],
    ['easyRead.backup.create', 'settings'],
    ['somethingNew.title', 'core'],
    ['ratings.progress.title', 'plan'],
    ['ratings.chart.answer.skipped', 'core'],
    ['ending.ratings.heading', 'core'],
    ['focusAreasX.title', 'core'],
    ['qr.scan.progress', 'settings'],
  ])('%s is in %s', (key, namespace) => {
    expect(namespaceOf(key)).toBe(namespace)
  })

  it('names only namespaces that exist', () => {
    for (const namespace of Object.values(namespaceRules)) expect(messageNamespaces).toContain(namespace)
  })
})

describe('splitMessages', () => {
  const tree: MessageTree = {
    app: { name: 'Trin' },
    network: { title: 'Netværk', call: 'Ring' },
    handover: { nudge: { heading: 'H' }, title: 'T' },
    easyRead: { network: { title: 'E' }, home: { todo: 'D' } },
  }

  it('puts each message in its namespace, keeping the nesting', () => {
    expect(splitMessages(tree)).toEqual({
      core: {
        app: { name: 'Trin' },
        handover: { nudge: { heading: 'H' } },
        easyRead: { home: { todo: 'D' } },
      },
      plan: {
        network: { title: 'Netværk', call: 'Ring' },
        handover: { title: 'T' },
        easyRead: { network: { title: 'E' } },
      },
    })
  })

  it('loses nothing and duplicates nothing, in every language', () => {
    for (const { code } of localeList) {
      const messages = readMessages(code)
      const parts = Object.values(splitMessages(messages))
      expect(parts.flatMap((part) => messageKeys(part)).sort()).toEqual(messageKeys(messages).sort())
    }
  })
})

describe('keysNamedIn', () => {
  const keys = ['network.title', 'network.kind.family', 'network.kind.friend', 'plan.undo.done', 'plan.title']
  it('finds exact keys, keys under a template literal and groups of keys', () => {
    expect(keysNamedIn(`t('network.title') \`network.kind.\${kind}\``, keys).sort()).toEqual([
      'network.kind.family',
      'network.kind.friend',
      'network.title',
    ])
    expect(keysNamedIn(`<Tx k="plan.undo" />`, keys)).toEqual(['plan.undo.done'])
    expect(keysNamedIn(`'plan.json' "network" 'other.title'`, keys)).toEqual([])
  })
})

/**
 * Each screen's messages are loaded before it shows: whatever key a module it reaches names is
 * in `core` or in one of its route's `meta.messages`. Reads the source, so a key moved to a new
 * screen (or a rule moved) fails here, not as a raw key on a citizen's phone.
 */
describe('every screen has its messages', async () => {
  // The worker's routes are added when a worker screen first opens (src/app/workerRoutes.ts).
  const routes = [
    ...(await import('@/app/router')).routes,
    ...(await import('@/app/workerRoutes')).workerRoutes,
  ]
  const keys = messageKeys(readMessages('da')).filter((key) => !key.startsWith('easyRead.'))
  const router = ['src/app/router.ts', 'src/app/workerRoutes.ts']
    .map((file) => readFileSync(`${root}${file}`, 'utf8'))
    .join('\n')
  const pages = [...router.matchAll(/'(\w+)',\s*\(\) => import\('@\/(pages\/\w+\.vue)'\)/g)]
  const misplaced = (entry: string, allowed: readonly MessageNamespace[]) =>
    [
      ...keysReachable(entry, keys, {
        root,
        lazyBoundaries: ['src/app/router.ts', 'src/app/workerRoutes.ts'],
      }),
    ].flatMap(([file, named]) =>
      named
        .filter((key) => !allowed.includes(namespaceOf(key)))
        .map((key) => `${file.slice(root.length)}: ${key} (${namespaceOf(key)})`),
    )

  it('finds every lazy page of the router', () => {
    expect(pages.length).toBe(routes.filter((r) => typeof r.component === 'function').length)
  })

  it('the first screen, Home and the shell need only core', () => {
    expect(misplaced('src/main.ts', ['core'])).toEqual([])
  })

  it.each(pages.map(([, name = '', page = '']) => [name, page]))('%s (%s)', (name, page) => {
    const meta = routes.find((route) => route.name === name)?.meta?.messages ?? []
    expect(misplaced(`src/${page}`, ['core', ...meta])).toEqual([])
  })
})
