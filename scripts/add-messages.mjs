// Merges messages into a locale file safely while several people edit locales at once:
//   node scripts/add-messages.mjs da path/to/messages.json
// The JSON's top-level keys are merged deeply into locales/<code>.json (existing keys are
// overwritten by the new values), and the file is written with its keys sorted, the order
// `npm run check:locales` requires. A lock directory serialises concurrent writers.
import { mkdirSync, readFileSync, renameSync, rmdirSync, writeFileSync } from 'node:fs'
import { sortKeys } from './lib/sort-keys.mjs'

const [code, file] = process.argv.slice(2)
if (!code || !file) {
  console.error('usage: node scripts/add-messages.mjs <locale> <messages.json>')
  process.exit(2)
}
const lock = `locales/.${code}.lock`
const deadline = Date.now() + 30_000
for (;;) {
  try {
    mkdirSync(lock)
    break
  } catch {
    if (Date.now() > deadline) throw new Error(`could not take ${lock}; remove it if no one is writing`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
try {
  const target = `locales/${code}.json`
  const current = JSON.parse(readFileSync(target, 'utf8'))
  const incoming = JSON.parse(readFileSync(file, 'utf8'))
  const merge = (into, from) => {
    for (const [key, value] of Object.entries(from)) {
      if (
        value &&
        typeof value === 'object' &&
        !Array.isArray(value) &&
        into[key] &&
        typeof into[key] === 'object'
      )
        merge(into[key], value)
      else into[key] = value
    }
    return into
  }
  const temp = `${target}.tmp`
  writeFileSync(temp, `${JSON.stringify(sortKeys(merge(current, incoming)), null, 2)}\n`)
  renameSync(temp, target)
  console.log(`merged ${file} into ${target}`)
} finally {
  rmdirSync(lock)
}
