/**
 * Building blocks shared by every record schema: identifiers, timestamps, dates, capped text,
 * authorship and the fields every record carries (DESIGN.md, "Data model").
 *
 * Length caps count UTF-16 code units (what `String.length` counts). They exist so that an
 * untrusted import cannot bloat storage or the UI, not to police what people write.
 */
import { z } from './zod'
import { isHlc, type Hlc } from '@/domain/clock'
import { isCivilDate, type CivilDate } from '@/domain/civilDate'

/**
 * A record id: a UUID, lowercase as `crypto.randomUUID()` makes it. Upper case is refused
 * because ids are compared as strings: `A…` and `a…` would otherwise be two records.
 */
export const uuid = z.uuid().check(z.lowercase())

/** A hybrid-logical-clock stamp (see `@/domain/clock`); sortable as a plain string. */
export const hlc = z.custom<Hlc>(isHlc, { message: 'Invalid HLC timestamp' })

/** A calendar date without time or zone, `YYYY-MM-DD`, that exists (no 2025-02-30). */
export const civilDate = z.custom<CivilDate>(isCivilDate, { message: 'Invalid calendar date' })

/** A clock time of day, `HH:MM` in 24-hour form. */
export const timeOfDay = z
  .string()
  .check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Invalid time, expected HH:MM' }))

/** Short user text such as a title: trimmed, 1–200 characters. */
export const shortText = z.string().check(z.trim(), z.minLength(1), z.maxLength(200))

/**
 * Long user text such as a note: 1–4000 characters. Not trimmed: line breaks and indentation
 * are the writer's, and a read-back must equal what was written.
 */
export const longText = z.string().check(z.minLength(1), z.maxLength(4000))

/** A person's or organisation's name: trimmed, 1–120 characters. */
export const personName = z.string().check(z.trim(), z.minLength(1), z.maxLength(120))

/**
 * A phone number as people write it: digits and the usual separators, up to 40 characters.
 * Letters are refused so the value is always safe to put in a `tel:` link.
 */
export const phone = z.string().check(
  z.trim(),
  z.minLength(1),
  z.maxLength(40),
  z.regex(/^[0-9+()\-./#* ]+$/, {
    message: 'Phone numbers may contain digits, spaces and + ( ) - . / # *',
  }),
)

/**
 * A short identifier-like key chosen by the app, never by a person (icon names, questionnaire
 * item keys, field names). Starting with a letter keeps keys such as `__proto__` out.
 */
export const appKey = z.string().check(z.regex(/^[a-z][a-zA-Z0-9]{0,39}$/, { message: 'Invalid key' }))

/** Display order among siblings. */
export const order = z.int().check(z.minimum(0))

/** Who wrote a record: the citizen, or a worker identified by the worker device's id. */
export type Author = 'citizen' | `worker:${string}`

const AUTHOR_PATTERN = /^(citizen|worker:[0-9a-f]{16})$/

/** Whether `value` names an author: `citizen` or `worker:` followed by 16 lowercase hex digits. */
export function isAuthor(value: unknown): value is Author {
  return typeof value === 'string' && AUTHOR_PATTERN.test(value)
}

/** The author of a record. The worker id is the worker device's id, as in its HLC stamps. */
export const author = z.custom<Author>(isAuthor, { message: 'Invalid author' })

/** Stages of a CTI course at which things are measured or logged (CTI-BRIEF.md, "The course"). */
export const courseStages = ['contact', 'phase1', 'phase2', 'phase3'] as const
/** A stage of the course: the contact period or one of the three phases. */
export const courseStage = z.enum(courseStages)
/** A stage of the course: the contact period or one of the three phases. */
export type CourseStage = z.infer<typeof courseStage>

/** Measuring instruments the app supports (CTI-BRIEF.md, "Measuring progress"). */
export const instrumentKeys = ['changeCompass', 'recoveryStar', 'swemwbs', 'who5', 'sheehan'] as const
/** One of the supported measuring instruments. */
export const instrumentKey = z.enum(instrumentKeys)
/** One of the supported measuring instruments. */
export type InstrumentKey = z.infer<typeof instrumentKey>

/**
 * Someone who does or takes over something: a contact from the support network, or just a name
 * for a person the citizen does not want in the network list.
 */
export const personRef = z.union([z.strictObject({ contactId: uuid }), z.strictObject({ name: personName })])
/** A reference to a contact, or a free name. */
export type PersonRef = z.infer<typeof personRef>

/**
 * Fields every record carries. Spread into each kind's `z.strictObject` next to its `kind`
 * literal, so each kind stays a plain object schema that a discriminated union accepts.
 */
export const baseRecordShape = {
  id: uuid,
  createdAt: hlc,
  updatedAt: hlc,
  author,
  /** Tombstone: a deleted record is kept so a merge never brings it back. */
  deleted: z.boolean(),
  /** The citizen's choice, per record; private unless said otherwise. */
  shared: z._default(z.boolean(), false),
}

/** The shared record fields alone (useful for code that handles any kind generically). */
export const baseRecord = z.strictObject(baseRecordShape)

/** Whether the array holds no value twice (for small arrays of primitives). */
export function hasNoDuplicates(values: readonly unknown[]): boolean {
  return new Set(values).size === values.length
}
