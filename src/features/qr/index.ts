/** Showing and scanning QR codes (issue #14): what other features may use (the layer fences allow only this entry file). */
export { default as AnimatedQr } from './AnimatedQr.vue'
export { default as QrScanner } from './QrScanner.vue'
export { default as StaticQr } from './StaticQr.vue'
export { default as SendWays } from './SendWays.vue'
export type { SendReady, SendWaysMessages } from './sendWays'
export { warmQrDecoder } from './qrDetector'
export { usePackageReceiver } from './usePackageReceiver'
