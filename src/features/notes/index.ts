// What other features may use of notes (the layer fences allow only this entry file).
export { default as NoteList } from './NoteList.vue'
