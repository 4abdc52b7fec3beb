/**
 * Where the end-to-end tests find the built app. Defaults match `npm start`; TRIN_DIST and
 * TRIN_PORT let several builds be tested side by side on one machine.
 */
export const distDir = process.env.TRIN_DIST ?? 'dist'
export const port = Number(process.env.TRIN_PORT ?? '4173')
export const baseURL = `http://127.0.0.1:${port}/`
