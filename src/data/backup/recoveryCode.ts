/**
 * Printed recovery codes: 24 random symbols (120 bits) from Crockford's base-32 alphabet — no
 * I, L, O or U, so nothing is mistaken for 1, 0 or V on paper — plus 4 check symbols (20 bits of
 * SHA-256 of the random part), shown in seven groups of four: `7KQ4-M9XD-…`.
 *
 * The check symbols let the screen say "this code has a typo" at once, before a slow derivation
 * and without revealing anything (they are a function of the code, which is the secret anyway).
 * Typing is forgiving: case, spaces and dashes are ignored, and O/I/L are read as 0/1/1.
 */
import { randomBytes } from '../crypto'

/** Crockford's base-32 symbols. */
export const RECOVERY_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
/** Random symbols: 24 × 5 bits = 120 bits. */
export const RECOVERY_RANDOM_SYMBOLS = 24
/** Check symbols appended after the random ones. */
export const RECOVERY_CHECK_SYMBOLS = 4
const GROUP = 4
// RECOVERY_ALPHABET as a character class, for validation.
const TOTAL = RECOVERY_RANDOM_SYMBOLS + RECOVERY_CHECK_SYMBOLS

/** Why a typed recovery code was refused. */
export type RecoveryCodeProblem = 'length' | 'characters' | 'checksum'

/** The result of reading a typed recovery code. */
export type RecoveryCodeCheck =
  | { readonly ok: true; /** Canonical form, grouped: `XXXX-XXXX-…`. */ readonly code: string }
  | { readonly ok: false; readonly problem: RecoveryCodeProblem }

/** 5-bit groups of `bytes`, most significant first, as symbols. */
function toSymbols(bytes: Uint8Array, count: number): string {
  let out = ''
  let buffer = 0
  let bits = 0
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte
    bits += 8
    while (bits >= 5 && out.length < count) {
      bits -= 5
      out += RECOVERY_ALPHABET.charAt((buffer >> bits) & 31)
    }
    buffer &= (1 << bits) - 1
  }
  return out
}

async function checkSymbols(random: string): Promise<string> {
  const digest = new Uint8Array(
    await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(`trin/recovery/v1:${random}`)),
  )
  return toSymbols(digest, RECOVERY_CHECK_SYMBOLS)
}

function group(symbols: string): string {
  return symbols.match(new RegExp(`.{1,${GROUP}}`, 'g'))?.join('-') ?? ''
}

/** A new recovery code (canonical, grouped). Show it once, to be printed or written down. */
export async function generateRecoveryCode(): Promise<string> {
  // 15 bytes are exactly 120 bits: every symbol is uniform, no modulo bias.
  const random = toSymbols(randomBytes((RECOVERY_RANDOM_SYMBOLS * 5) / 8), RECOVERY_RANDOM_SYMBOLS)
  return group(random + (await checkSymbols(random)))
}

/** Reads a typed code: ignores case, spaces and dashes; O→0, I/L→1; verifies the check symbols. */
export async function checkRecoveryCode(input: string): Promise<RecoveryCodeCheck> {
  const symbols = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1')
  if (symbols.length !== TOTAL) return { ok: false, problem: 'length' }
  if (!/^[0-9A-HJKMNP-TV-Z]+$/.test(symbols)) return { ok: false, problem: 'characters' }
  const random = symbols.slice(0, RECOVERY_RANDOM_SYMBOLS)
  if ((await checkSymbols(random)) !== symbols.slice(RECOVERY_RANDOM_SYMBOLS))
    return { ok: false, problem: 'checksum' }
  return { ok: true, code: group(symbols) }
}
