import { z } from 'zod'

// As in Trin (src/schemas/zod.ts): no JIT, so no `Function` probe under the CSP.
z.config({ jitless: true })

export const noteSchema = z.strictObject({
  id: z.uuid(),
  text: z.string().min(1).max(500),
  createdAt: z.iso.datetime(),
})
export type Note = z.infer<typeof noteSchema>
