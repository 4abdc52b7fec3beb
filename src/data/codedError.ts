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

/**
 * The base of one named kind of coded error, so that a kind is a single line:
 * `export class StorageError extends codedError('StorageError')<StorageErrorCode> {}`.
 * The name is written out (a minified bundle renames classes) and set on every instance, as a
 * field would; `instanceof` works for the kind, {@link CodedError} and `Error`.
 */
export function codedError<const N extends string>(name: N) {
  abstract class NamedCodedError<C extends string> extends CodedError<C> {
    override readonly name: N = name
  }
  return NamedCodedError
}

/** zod's issues about a rejected record (at most a few), for display and debugging. */
export type RecordIssues = readonly { readonly path: readonly PropertyKey[]; readonly message: string }[]

/** The base of a named coded error about a rejected record: which one (when it has an id) and zod's issues. */
export function recordIssuesError<const N extends string>(name: N) {
  abstract class RecordIssuesError<C extends string> extends codedError(name)<C> {
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
  return RecordIssuesError
}
