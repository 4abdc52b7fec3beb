// What other features may use of goals (the layer fences allow only this entry file).
export { default as GoalList } from './GoalList.vue'
export { default as GoalNewForm } from './GoalNewForm.vue'
export { default as GoalSummary } from './GoalSummary.vue'
