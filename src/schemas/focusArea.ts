/** A focus area the citizen chose to work on (about three per course). */
import { z } from './zod'
import { appKey, baseRecordShape, hasNoDuplicates, order, shortText } from './base'
import { focusAreaCatalogKeys } from '@/domain/focusAreaKeys'

export { focusAreaCatalogKeys }
/** A key of the focus-area catalogue. */
export const focusAreaCatalogKey = z.enum(focusAreaCatalogKeys)
/** A key of the focus-area catalogue. */
export type FocusAreaCatalogKey = z.infer<typeof focusAreaCatalogKey>

/** A phase of the course (1–3). */
export const phaseNumber = z.literal([1, 2, 3])
/** A phase of the course (1–3). */
export type PhaseNumber = z.infer<typeof phaseNumber>

/** The focus-area record. */
export const focusAreaSchema = z
  .strictObject({
    ...baseRecordShape,
    kind: z.literal('focusArea'),
    /** Set when the area comes from the catalogue. */
    catalogKey: z.optional(focusAreaCatalogKey),
    /** The citizen's own name for the area; required unless it comes from the catalogue. */
    title: z.optional(shortText),
    /** Name of a bundled icon. */
    icon: z.optional(appKey),
    /** Phases in which the citizen works on this area; areas may change between phases. */
    phases: z
      .array(phaseNumber)
      .check(
        z.minLength(1),
        z.maxLength(3),
        z.refine(hasNoDuplicates, { message: 'Each phase may be listed once' }),
      ),
    order,
  })
  .check(
    z.refine((area) => area.catalogKey !== undefined || area.title !== undefined, {
      message: 'A focus area needs a title or a catalogue key',
      path: ['title'],
    }),
  )
/** The focus-area record. */
export type FocusArea = z.infer<typeof focusAreaSchema>
