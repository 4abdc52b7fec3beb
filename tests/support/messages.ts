/** The message at a dotted key (`errors.backup.verifyFailed`) in a locale's JSON, or undefined. */
export function messageAt(messages: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined,
      messages,
    )
}
