// Renders the app icons (public/icons/*.png) from one SVG with Debian's Chromium.
// Run by hand when the icon changes: node scripts/make-icons.mjs. The PNGs are committed.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'

const steps = 'M12 50V41h12v-9h12v-9h16v27z'
// "any" icons: rounded tile. Maskable icons: full-bleed background, motif inside the 80% safe zone.
const any = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="#2f5d62"/><path d="${steps}" fill="#f6f4ef"/></svg>`
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="#2f5d62"/><g transform="translate(9.6 9.6) scale(0.7)"><path d="${steps}" fill="#f6f4ef"/></g></svg>`

const dir = mkdtempSync(join(tmpdir(), 'trin-icons-'))
const context = await chromium.launchPersistentContext(dir, {
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
})
const page = await context.newPage()
for (const [name, svg] of [
  ['icon', any],
  ['maskable', maskable],
]) {
  for (const size of [192, 512]) {
    await page.setViewportSize({ width: size, height: size })
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
    )
    await page.screenshot({ path: `public/icons/${name}-${size}.png`, omitBackground: true })
  }
}
await page.setViewportSize({ width: 180, height: 180 })
await page.setContent(
  `<html><body style="margin:0">${maskable.replace('<svg ', '<svg width="180" height="180" ')}</body></html>`,
)
await page.screenshot({ path: 'public/icons/apple-touch-icon.png' })
await context.close()
rmSync(dir, { recursive: true, force: true })
console.log('icons written to public/icons/')
