// What both instrument test files share: the fixture packs as text, read from the repository root
// (happy-dom's module URLs are not files), and a fresh database at a fixed day for every test
// (`freshAppEachTest`, shared by the component tests).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** A fixture under tests/fixtures/instruments/ as text. */
export function packFixture(name: string): string {
  return readFileSync(join(process.cwd(), 'tests/fixtures/instruments', name), 'utf8')
}

export { freshAppEachTest } from '../support/fixtures'
