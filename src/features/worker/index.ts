// What other features and the pages may use of the worker's device (the layer fences allow only this entry file).
export { default as WorkerScreen } from './WorkerScreen.vue'
export { default as WorkerSetup } from './WorkerSetup.vue'
export { default as WorkerHome } from './WorkerHome.vue'
export { default as WorkerPairForm } from './WorkerPairForm.vue'
export { default as WorkerCitizen } from './WorkerCitizen.vue'
export { default as WorkerReceive } from './WorkerReceive.vue'
export { default as WorkerOnboardingChoice } from './WorkerOnboardingChoice.vue'
export { default as WorkerCaseloadFacts } from './WorkerCaseloadFacts.vue'
