/** Pairing with the worker's phone and sending packages, on the citizen's phone (issue #14). */
export { default as WorkerPairing } from './WorkerPairing.vue'
export { default as SendPackage } from './SendPackage.vue'
