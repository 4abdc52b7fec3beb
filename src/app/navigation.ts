/**
 * The primary navigation: one entry per main screen, in reading order (first item at the
 * inline start: left in Danish, right in Arabic). Icons are names from components/AppIcon.vue.
 */
export interface NavItem {
  readonly route: string
  /** Message key of the label. */
  readonly label: string
  readonly icon: 'home' | 'plan' | 'calendar' | 'settings'
}

export const primaryNavigation: readonly NavItem[] = [
  { route: 'start', label: 'nav.home', icon: 'home' },
  { route: 'plan', label: 'nav.plan', icon: 'plan' },
  { route: 'activities', label: 'nav.activities', icon: 'calendar' },
  { route: 'settings', label: 'nav.settings', icon: 'settings' },
]
