/**
 * Which part of a language each message is loaded with (issue #11: no locale chunk over 16 KB).
 * `locales/<code>.json` stays one file per language; the build splits it into one chunk per
 * (language, namespace) (scripts/lib/message-chunks.ts), the language loads with its `core`, and
 * each route names the other namespaces its screen needs (`meta.messages`, src/app/router.ts),
 * loaded before the screen shows.
 *
 * `core` is what can be on any screen: the first screen (lock, onboarding's first step is in
 * `course`), Home with the ending screen, the header, the navigation, help now, quick exit,
 * undo and every error message. A key no rule names is in `core`, so a new message is never
 * missing; the budget check says when `core` has grown too big.
 *
 * Pure and free of the DOM: vite.config.ts imports it at build time.
 */
export const messageNamespaces = ['core', 'course', 'plan', 'settings'] as const
export type MessageNamespace = (typeof messageNamespaces)[number]

/**
 * Key prefixes (a top-level group, or a path inside one) and their namespace; the longest
 * prefix that matches a key wins. `easyRead.<path>` goes where `<path>` goes.
 */
export const namespaceRules: Readonly<Record<string, MessageNamespace>> = {
  // Onboarding and My course: the transition, the dates, the worker, the safety step.
  course: 'course',
  'course.saveFailed': 'core',
  'course.saveFailedQuota': 'core',
  onboarding: 'course',
  'safety.onboarding': 'course',
  targetGroup: 'course',
  // The plan's screens: areas, goals, steps, activities, network, handover, summary.
  activities: 'plan',
  calendar: 'plan',
  focusAreas: 'plan',
  // Home's next things name the area a step belongs to.
  'focusAreas.catalog': 'core',
  goals: 'plan',
  // The ending screen (Home) lists the goals with their status.
  'goals.status': 'core',
  handover: 'plan',
  // Home's "N things still need someone to take over".
  'handover.nudge': 'core',
  // Instrument packs: loaded on their own settings screen, answered from the plan.
  instruments: 'plan',
  network: 'plan',
  notes: 'plan',
  // Life-area ratings (issue #13); Home's due nudge is core.
  ratings: 'plan',
  // The ending screen (Home) shows a skipped or not applicable rating as such.
  'ratings.chart.answer': 'core',
  'ratings.due': 'core',
  // Visit mode (issue #14 item 5): its screens are the plan's; the banner shown on every
  // screen while the worker is there and Home's next meeting are core.
  visit: 'plan',
  'visit.banner': 'core',
  'visit.home': 'core',
  // Sharing with the worker (issue #14): the preview and the share control on the plan's screens.
  sharing: 'plan',
  subGoals: 'plan',
  summary: 'plan',
  // Settings, security and backup.
  autoLock: 'settings',
  backup: 'settings',
  // The settings screen's way to the instrument packs.
  'instruments.settings': 'settings',
  // Home's backup reminder, and read aloud's heading.
  'backup.heading': 'core',
  'backup.reminder': 'core',
  // The onboarding offers to restore a backup instead.
  'backup.restore.fromOnboarding': 'course',
  'lock.change': 'settings',
  // Pairing with the worker, sending and receiving packages, the worker device (issue #14):
  // only on the sharing screens, which load `settings` (see `qr` below for why not a namespace).
  pairing: 'settings',
  // Her worker's proposals (issue #15 item 3): the proposals screen loads `plan` and `settings`.
  proposals: 'settings',
  send: 'settings',
  worker: 'settings',
  // The quiet choice of a worker's device is on the onboarding's first screen; a worker
  // device's navigation is on every screen.
  'worker.nav': 'core',
  'worker.onboarding': 'course',
  'lock.remove': 'settings',
  'lock.settings': 'settings',
  // Carrying a package by animated QR (issue #14): only on the sharing screens, which load
  // `settings` too. A namespace of their own cost 0.2 KiB on the first screen (each namespace
  // adds a loader per language there), past its budget.
  qr: 'settings',
  'quickExit.history': 'settings',
  'quickExit.target': 'settings',
  'safety.page': 'settings',
  'safety.settings': 'settings',
  settings: 'settings',
  // Interpreter mode's field is on the onboarding's first screen too.
  'settings.display.interpreter': 'core',
  'settings.display.interpreterHelp': 'core',
  'settings.display.interpreterOff': 'core',
  storage: 'settings',
}

const easyReadPrefix = 'easyRead.'

/** The namespace a message key (`network.field.name`, `easyRead.home.todo`) is loaded with. */
export function namespaceOf(key: string): MessageNamespace {
  const path = key.startsWith(easyReadPrefix) ? key.slice(easyReadPrefix.length) : key
  const segments = path.split('.')
  for (let length = segments.length; length > 0; length -= 1) {
    const rule = namespaceRules[segments.slice(0, length).join('.')]
    if (rule !== undefined) return rule
  }
  return 'core'
}

/** A language's messages as `locales/<code>.json` holds them. */
export interface MessageTree {
  readonly [key: string]: string | MessageTree
}

/**
 * One language's messages split by namespace, each part shaped like the whole (nested keys
 * kept), so merging every part gives the messages back. A namespace without a message of this
 * language is absent.
 */
export function splitMessages(messages: MessageTree): Partial<Record<MessageNamespace, MessageTree>> {
  const parts: Partial<Record<MessageNamespace, Record<string, unknown>>> = {}
  const visit = (tree: MessageTree, path: readonly string[]) => {
    for (const [key, value] of Object.entries(tree)) {
      const at = [...path, key]
      if (typeof value !== 'string') {
        visit(value, at)
        continue
      }
      let node = (parts[namespaceOf(at.join('.'))] ??= {})
      for (const segment of path) node = (node[segment] ??= {}) as Record<string, unknown>
      node[key] = value
    }
  }
  visit(messages, [])
  return parts as Partial<Record<MessageNamespace, MessageTree>>
}
