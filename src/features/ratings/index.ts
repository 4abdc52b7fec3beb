// What other screens may use of the life-area ratings (the layer fences allow only this entry file).
export { default as RatingsHomeNudge } from './RatingsHomeNudge.vue'
export { default as RatingsPlanLink } from './RatingsPlanLink.vue'
export { default as RatingAnswers } from './RatingAnswers.vue'
