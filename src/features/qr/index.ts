/** Showing and scanning QR codes (issue #14): what other features may use. */
export { default as AnimatedQr } from './AnimatedQr.vue'
export { default as QrScanner } from './QrScanner.vue'
export { default as StaticQr } from './StaticQr.vue'
