// What other features may use of safety (the layer fences allow only this entry file).
export { default as LockChoiceOptions } from './LockChoiceOptions.vue'
export { default as LockSetForm } from './LockSetForm.vue'
export { default as NewPassphraseFields } from './NewPassphraseFields.vue'
export { default as PassphraseInput } from './PassphraseInput.vue'
