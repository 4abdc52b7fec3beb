// What the pages may use of her worker's proposals (the layer fences allow only this entry file).
export { default as ProposalReceive } from './ProposalReceive.vue'
export { default as ProposalsReview } from './ProposalsReview.vue'
