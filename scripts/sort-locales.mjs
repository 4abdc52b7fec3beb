// Rewrites every locale file with its keys sorted (the order `npm run check:locales` requires).
//   node scripts/sort-locales.mjs [dir]   (default locales/)
// Run it after merging branches that added messages; it changes only the order of keys.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { sortKeys } from './lib/sort-keys.mjs'

const dir = process.argv[2] ?? 'locales'
for (const file of readdirSync(dir).filter((name) => name.endsWith('.json'))) {
  const path = join(dir, file)
  const before = readFileSync(path, 'utf8')
  const after = `${JSON.stringify(sortKeys(JSON.parse(before)), null, 2)}\n`
  if (after !== before) {
    writeFileSync(path, after)
    console.log(`sorted ${path}`)
  }
}
