// What other features may use of sharing (the layer fences allow only this entry file).
export { default as ShareToggle } from './ShareToggle.vue'
export { default as SharingPreview } from './SharingPreview.vue'
export { default as RecordShareToggle } from './RecordShareToggle.vue'
export { default as ShareSwitch } from './ShareSwitch.vue'
export { default as RecordShareSwitch } from './RecordShareSwitch.vue'
export { default as SharingSectionSwitches } from './SharingSectionSwitches.vue'
export { default as SharedPlanView } from './SharedPlanView.vue'
