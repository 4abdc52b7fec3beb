/**
 * Small settings that must work before unlock, kept in plain localStorage and parsed with zod on
 * every read (a value someone else wrote, or an older version's, falls back to the default).
 * They never hold plan content; what they do reveal is written down where each is defined.
 */
import type { z } from '@/schemas/zod'

/** Reads and parses `key`; the schema's defaults when it is missing, unreadable or invalid. */
export function readLocal<S extends z.ZodType>(key: string, schema: S): z.infer<S> {
  let raw: string | null = null
  try {
    raw = localStorage.getItem(key)
  } catch {
    // Storage disabled (some private modes): defaults for this visit.
  }
  let value: unknown = {}
  if (raw !== null) {
    try {
      value = JSON.parse(raw)
    } catch {
      value = {}
    }
  }
  const parsed = schema.safeParse(value)
  return parsed.success ? parsed.data : schema.parse({})
}

/** Writes `value` at once (synchronously: a quick exit navigates away right after). False if storage refused it. */
export function writeLocal(key: string, value: unknown): boolean {
  try {
    localStorage.setItem(key, JSON.stringify(value))
    return true
  } catch {
    return false
  }
}
