// What other features may use of the course forms (the layer fences allow only this entry file).
export { default as CourseTransitionChoice } from './CourseTransitionChoice.vue'
export { checkDates } from './planEdits'
export { dayOneLabel } from './labels'
export { checkWorker, telHref } from './workerFields'
