// What other features may use of the support network (the layer fences allow only this entry file).
export { default as NetworkList } from './NetworkList.vue'
export { default as NetworkContactView } from './NetworkContactView.vue'
export { default as NetworkSafetyNotes } from './NetworkSafetyNotes.vue'
export { default as NetworkContactLinks } from './NetworkContactLinks.vue'
export { default as NetworkHelperChoice } from './NetworkHelperChoice.vue'
export { useNetworkMapPeople } from './useNetworkMapPeople'
export { default as NetworkPlanLink } from './NetworkPlanLink.vue'
export { useNetworkThenNow, type NamedPerson, type PhaseNetwork } from './useNetworkThenNow'
