// What other features may use of the course forms (the layer fences allow only this entry file).
export { default as CourseDateFields } from './CourseDateFields.vue'
export { default as CourseTransitionChoice } from './CourseTransitionChoice.vue'
export { default as CourseWorkerFields } from './CourseWorkerFields.vue'
export { telHref } from './workerFields'
export type { CourseDateFieldsHandle } from './planEdits'
export type { CourseWorkerFieldsHandle } from './workerFields'
