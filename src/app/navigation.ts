import type { MessageKey } from './i18n/keys'

/**
 * The primary navigation: one entry per main screen, in reading order (first item at the
 * inline start: left in Danish, right in Arabic). Icons are names from components/AppIcon.vue.
 */
export interface NavItem {
  /** The route's name (also `data-nav`, for tests). */
  readonly route: string
  /** Its path: a worker screen's name resolves only once the worker's routes are added. */
  readonly path: string
  /** Message key of the label. */
  readonly label: MessageKey
  readonly icon: 'home' | 'plan' | 'calendar' | 'settings'
}

export const primaryNavigation: readonly NavItem[] = [
  { route: 'start', path: '/', label: 'nav.home', icon: 'home' },
  { route: 'plan', path: '/plan', label: 'nav.plan', icon: 'plan' },
  { route: 'activities', path: '/activities', label: 'nav.activities', icon: 'calendar' },
  { route: 'settings', path: '/settings', label: 'nav.settings', icon: 'settings' },
]

/**
 * A worker's device (issue #14 item 6): its own Home ("Mine borgere") and the settings; never
 * the citizen's plan navigation.
 */
export const workerNavigation: readonly NavItem[] = [
  { route: 'workerHome', path: '/worker', label: 'worker.nav.home', icon: 'home' },
  { route: 'settings', path: '/settings', label: 'nav.settings', icon: 'settings' },
]

/**
 * Whether the screen at `currentPath` belongs to the navigation section at `sectionPath`: the
 * section's own screen and every screen under it (a goal under /plan, security under /settings),
 * so the navigation shows where the person is however deep they went. Home ('/') is only itself.
 */
export function isInSection(currentPath: string, sectionPath: string): boolean {
  if (sectionPath === '/') return currentPath === '/'
  return currentPath === sectionPath || currentPath.startsWith(`${sectionPath}/`)
}
