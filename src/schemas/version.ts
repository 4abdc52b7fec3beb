/**
 * Version of the record payload format, bound into each record's encryption AAD. Raise it
 * (with a migration) whenever a stored record could fail to parse under the new schemas.
 *
 * Its own module, re-exported by `index.ts`: the first screen reads it (`src/data/schemaInfo.ts`,
 * `generations.ts`) without importing the record union (`storedRecord.ts`, README, Speed).
 */
export const SCHEMA_VERSION = 3
