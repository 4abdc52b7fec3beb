// What other features may use of the QR transport (the layer fences allow only this entry file).
export { default as AnimatedQr } from './AnimatedQr.vue'
export { default as QrScanner } from './QrScanner.vue'
export { warmQrDecoder } from './qrDetector'
