/**
 * Visit mode (issue #14 item 5) as other features use it: the "changed by your worker" mark
 * beside what the worker changed in this visit.
 */
export { default as VisitMark } from './VisitMark.vue'
