/**
 * The one place that imports zod. zod 4 classic compiles object parsers with `new Function`
 * and probes for that ability on first parse, which a strict CSP (no 'unsafe-eval') reports as
 * a violation on every load. Configuring jitless here, before any schema exists, turns both off;
 * every schema module imports `z` from this file so the configuration always runs first.
 */
import { z } from 'zod'

z.config({ jitless: true })

export { z }
