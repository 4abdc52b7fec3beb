// What the app shell (and later the network screens) may use of help now.
export { default as HelpNowButton } from './HelpNowButton.vue'
export { default as HelpNowPanel } from './HelpNowPanel.vue'
export { HELP_NOW_PANEL_ID, useHelpNow, useHelpNowGroup } from './useHelpNow'
export type { HelpNowContact } from './types'
export { useCrisisContacts, type CrisisContact } from './useCrisisContacts'
