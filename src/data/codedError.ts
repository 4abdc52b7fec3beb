/**
 * The one shape of the data layer's typed errors: a `code` a caller switches on (the message is
 * for developers and logs, never shown), an optional cause, and each subclass's own `name`.
 */
export abstract class CodedError<C extends string> extends Error {
  readonly code: C

  constructor(code: C, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
  }
}

/** zod's issues about a rejected record (at most a few), for display and debugging. */
export type RecordIssues = readonly { readonly path: readonly PropertyKey[]; readonly message: string }[]
