/** What other features use of the course's end: the handover lines as a read-only list (the worker's copy at the end, issue #15 item 6). */
export { default as EndingHandoverList } from './EndingHandoverList.vue'
