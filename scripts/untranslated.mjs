// Lists the messages a locale still lacks, with the Danish source and the English text beside
// each, for translators:   node scripts/untranslated.mjs ar > /tmp/ar-todo.json
// Output: { "<dotted.key>": { "da": "…", "en": "…" }, … } — keys missing from locales/<code>.json
// or whose Danish source changed since (not tracked: review those by hand).
import { existsSync, readFileSync } from 'node:fs'

const code = process.argv[2]
if (!code) {
  console.error('usage: node scripts/untranslated.mjs <locale>')
  process.exit(2)
}
const read = (c) =>
  existsSync(`locales/${c}.json`) ? JSON.parse(readFileSync(`locales/${c}.json`, 'utf8')) : {}
const flat = (object, prefix = '') =>
  Object.entries(object).flatMap(([key, value]) =>
    value && typeof value === 'object' ? flat(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value]],
  )
const da = flat(read('da'))
const en = new Map(flat(read('en')))
const target = new Map(flat(read(code)))
const todo = Object.fromEntries(
  da
    .filter(([key]) => typeof target.get(key) !== 'string' || target.get(key) === '')
    .map(([key, value]) => [key, { da: value, en: en.get(key) ?? null }]),
)
console.log(JSON.stringify(todo, null, 2))
console.error(`${Object.keys(todo).length} of ${da.length} messages missing in ${code}`)
