/**
 * The one place that imports zod, as `zod/mini`: the same parser core as zod classic behind a
 * functional API (`z.optional(x)`, `x.check(z.maxLength(n))`) that a bundler can tree-shake, so
 * the first screen carries ≈6 KiB of zod instead of ≈26 (issue #11). Mini also ships no English
 * messages: an issue without its own `message` says "Invalid input". Nothing a person sees comes
 * from zod (the app translates its own error codes, src/app/i18n/errorMessages.ts).
 *
 * Classic zod compiles object parsers with `new Function` and probes for that ability on first
 * parse, which a strict CSP (no 'unsafe-eval') reports as a violation on every load. Mini's
 * objects never compile (tests/e2e/csp.e2e.ts proves no violation); jitless is still set here,
 * before any schema exists, so that no core path that might compile (such as a future
 * classic schema through this instance's shared configuration) can probe under the CSP.
 */
import { z } from 'zod/mini'

z.config({ jitless: true })

export { z }
