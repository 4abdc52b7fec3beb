import type { Composer } from 'vue-i18n'
import type { MessageSchema } from './index'

/** The dotted path of every message in `T`: `{ a: { b: string } }` gives `'a.b'`. */
type MessagePaths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${MessagePaths<T[K]>}`
}[keyof T & string]

/** A key of a Danish source message (locales/da.json), plurals and `easyRead.<path>` included. */
export type MessageKey = MessagePaths<MessageSchema>

/**
 * `K` when it is a message key, or a union of message keys; `never` (a type error) otherwise.
 * A key built from a variable (`` `stage.${phase}` ``) is checked too: TypeScript gives such a
 * template literal the union of its values, and every one of them must exist. A value typed
 * plain `string` (a key handed down through a prop typed `string`) cannot be checked and is let
 * through; type such props `MessageKey` so the literal is checked where it is written.
 */
export type CheckedKey<K extends string> = string extends K ? K : K extends MessageKey ? K : never

/**
 * The type of a key parameter or prop: `K` is inferred from the value written (`const` type
 * parameters keep literals and template literals exact), and `CheckedKey` turns a wrong one
 * into `never`.
 */
export type KeyParam<K extends string> = K & CheckedKey<K>

/** The key an easy-read version of a message would have; it exists for some messages only. */
type EasyReadCandidate = `easyRead.${MessageKey}`

type Named = Record<string, unknown>
type Options = { locale?: string; plural?: number }

/**
 * vue-i18n's `t` and `te` accept any string (intlify/vue-i18n#771), so a misspelt key passes
 * the typecheck and shows the raw key on screen. These accept only Danish's keys.
 */
interface MessageTranslation {
  /** `t(key)`, `t(key, named)`, `t(key, plural)`, `t(key, named, plural)`, `t(key, named, options)`. */
  <const K extends string>(
    key: KeyParam<K>,
    namedOrPlural?: Named | number,
    pluralOrOptions?: number | Options,
  ): string
}

/** Whether a message exists (in `locale`, else in the current language). */
interface MessageExists {
  <const K extends string>(
    key: K & (K extends EasyReadCandidate ? K : CheckedKey<K>),
    locale?: string,
  ): boolean
}

/** The global composer as Trin uses it: vue-i18n's, with checked message keys. */
type TrinComposer = Omit<Composer, 't' | 'te'> & { t: MessageTranslation; te: MessageExists }

declare module 'vue-i18n' {
  /**
   * `useI18n()` without options (the only form Trin uses: one global scope) returns the
   * checked composer; an overload added here comes before vue-i18n's own.
   */
  export function useI18n(): TrinComposer
}
