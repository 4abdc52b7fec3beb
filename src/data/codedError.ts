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

/** A coded error about a rejected record: which one (when it has an id) and zod's issues. */
export abstract class RecordIssuesError<C extends string> extends CodedError<C> {
  readonly recordId: string | undefined
  readonly issues: RecordIssues

  constructor(
    code: C,
    message: string,
    details: { recordId?: string | undefined; issues?: RecordIssues; cause?: unknown } = {},
  ) {
    super(code, message, { cause: details.cause })
    this.recordId = details.recordId
    this.issues = details.issues ?? []
  }
}
