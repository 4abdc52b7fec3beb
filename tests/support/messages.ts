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

/** A locale's messages as `locales/<code>.json` holds them. */
export interface MessageJson {
  readonly [key: string]: string | MessageJson
}

/** Every dotted key of a locale's JSON (`app.name`, `easyRead.home.todo`). */
export function messageKeys(tree: MessageJson, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : messageKeys(value, `${prefix}${key}.`),
  )
}
