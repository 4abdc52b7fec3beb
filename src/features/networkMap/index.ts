// What other features and pages may use of the network map (the layer fences allow only this file).
export { default as NetworkMap } from './NetworkMap.vue'
export { default as NetworkMapList } from './NetworkMapList.vue'
export type { NamedMapPerson, NetworkMapView } from './types'
export { default as NetworkThenNow } from './NetworkThenNow.vue'
