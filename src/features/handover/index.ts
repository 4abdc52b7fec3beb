// What other screens may use of the handover plan (the layer fences allow only this entry file).
export { default as HandoverEditor } from './HandoverEditor.vue'
export { default as HandoverLongTerm } from './HandoverLongTerm.vue'
export { default as HandoverPlanLink } from './HandoverPlanLink.vue'
export { default as HandoverHomeNudge } from './HandoverHomeNudge.vue'
