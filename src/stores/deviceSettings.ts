/**
 * The few settings that must work before unlock, in ONE localStorage entry with a neutral name
 * and short neutral field names, parsed with zod on every read. Before, each lived under a
 * readable key (`trin.safety` with `lockedAfterExit` and `exitTarget`, `trin.backup` with
 * `lastBackup`, `trin.preferences`), so anyone glancing at the browser's storage could read that
 * the last visit ended with a quick exit, or when a backup was made. The values are still in the
 * clear (they must be readable without a key); what they are is no longer spelled out.
 *
 * | field | meaning                                                          | owner                |
 * | ----- | ---------------------------------------------------------------- | -------------------- |
 * | `a`   | auto-lock minutes                                                | safetySettings.ts    |
 * | `h`   | lock when hidden: the citizen's choice, absent = the default     | safetySettings.ts    |
 * | `x`   | quick-exit address (https) or null                               | safetySettings.ts    |
 * | `e`   | the last visit ended with a quick exit                           | safetySettings.ts    |
 * | `b`   | local date of the last backup that was saved and checked         | backup/backupHistory |
 * | `r`   | easy read                                                        | stores/preferences   |
 * | `c`   | the calendar reminder chosen last (kept for the next file)       | features/activities  |
 * | `n`   | a one-time notice (calls show in the phone's logs) was shown     | features/network     |
 * | `w`   | this is a worker's device (set once, at set-up, on an empty one) | stores/worker        |
 * | `k`   | the caseload size at which its reminder was hidden, or null      | stores/fidelity      |
 * | `g`   | a new generation (fresh data key) is owed at the next unlock     | stores/vault         |
 *
 * `n` says only that some notice was acknowledged on this device, not what it was about: a
 * letter in a settings entry that every installed Trin has, never a record of a call.
 *
 * `c` need not work before unlock; it is here because this is the one place for settings of the
 * device, and a reminder choice says nothing about the plan.
 *
 * `w` must be known before unlock: a worker's device gets its own Home and navigation, and it
 * says only that this phone belongs to a CTI worker, nothing about any citizen.
 *
 * `k` need not work before unlock either; it names only how many citizens the worker had when
 * she hid the reminder about the caseload's size (issue #15 item 5), never who they are — a fact
 * of the worker's phone, not of any citizen's plan.
 *
 * `g` says only that this phone's storage is to be re-keyed at the next unlock with the
 * passphrase (after an erasure the session could not re-key at once, issue #15 item 6): it is
 * set and cleared by the vault store, and names nothing that was erased.
 *
 * Old keys are migrated once: read, written here, deleted.
 */
import { z } from '@/schemas/zod'
import { civilDate } from '@/schemas/base'
import { AUTO_LOCK_MINUTES, autoLockMinutes } from '@/domain/autoLock'
import { checkExitTarget } from '@/domain/quickExit'
import { calendarReminders } from '@/domain/calendarReminder'

/** The one localStorage key. Neutral on purpose. */
export const DEVICE_SETTINGS_KEY = 'settings'

/** Keys written by earlier versions; read once by the migration, then deleted. */
export const LEGACY_KEYS = {
  safety: 'trin.safety',
  backup: 'trin.backup',
  preferences: 'trin.preferences',
} as const

const exitTarget = z._default(
  z.catch(
    z.pipe(
      z.nullable(z.string()),
      z.transform((value: string | null) => {
        if (value === null) return null
        const checked = checkExitTarget(value)
        return checked.ok ? checked.url : null
      }),
    ),
    null,
  ),
  null,
)

// Every field falls back on its own: one damaged value must not reset the others.
const deviceSettingsSchema = z.object({
  a: z._default(z.pipe(z.unknown(), z.transform(autoLockMinutes)), AUTO_LOCK_MINUTES.default),
  h: z._default(z.catch(z.nullable(z.boolean()), null), null),
  x: exitTarget,
  e: z._default(z.catch(z.boolean(), false), false),
  b: z._default(z.catch(z.nullable(civilDate), null), null),
  r: z._default(z.catch(z.boolean(), false), false),
  c: z._default(z.catch(z.enum(calendarReminders), 'none'), 'none'),
  n: z._default(z.catch(z.boolean(), false), false),
  w: z._default(z.catch(z.boolean(), false), false),
  k: z._default(z.catch(z.nullable(z.int()), null), null),
  g: z._default(z.catch(z.boolean(), false), false),
})

/** The settings as stored (defaults for anything missing or invalid). */
export type DeviceSettings = z.infer<typeof deviceSettingsSchema>

function parse(value: unknown): DeviceSettings {
  const parsed = deviceSettingsSchema.safeParse(typeof value === 'object' && value !== null ? value : {})
  return parsed.success ? parsed.data : deviceSettingsSchema.parse({})
}

function getItem(key: string): string | null {
  try {
    return localStorage.getItem(key)
  } catch {
    // Storage disabled (some private modes): defaults for this visit.
    return null
  }
}

function parseJson(raw: string | null): unknown {
  if (raw === null) return undefined
  try {
    return JSON.parse(raw) as unknown
  } catch {
    return undefined
  }
}

const legacySafety = z.object({
  autoLockMinutes: z.optional(z.unknown()),
  lockOnHide: z.optional(z.unknown()),
  exitTarget: z.optional(z.unknown()),
  lockedAfterExit: z.optional(z.unknown()),
})
const legacyBackup = z.object({ lastBackup: z.optional(z.unknown()) })
const legacyPreferences = z.object({ easyRead: z.optional(z.unknown()) })

/**
 * The settings from the old readable keys, or null if there are none. An old `lockOnHide: false`
 * was written as a default as often as chosen, so only `true` is kept as a choice; `false`
 * becomes "not chosen", letting the default for the transition (on for a shelter) apply.
 */
function readLegacy(): DeviceSettings | null {
  const raw = {
    safety: parseJson(getItem(LEGACY_KEYS.safety)),
    backup: parseJson(getItem(LEGACY_KEYS.backup)),
    preferences: parseJson(getItem(LEGACY_KEYS.preferences)),
  }
  if (raw.safety === undefined && raw.backup === undefined && raw.preferences === undefined) return null
  const safety = legacySafety.safeParse(raw.safety ?? {})
  const backup = legacyBackup.safeParse(raw.backup ?? {})
  const preferences = legacyPreferences.safeParse(raw.preferences ?? {})
  const old = safety.success ? safety.data : {}
  return parse({
    a: old.autoLockMinutes,
    h: old.lockOnHide === true ? true : null,
    x: old.exitTarget,
    e: old.lockedAfterExit,
    b: backup.success ? backup.data.lastBackup : undefined,
    r: preferences.success ? preferences.data.easyRead : undefined,
  })
}

function removeLegacy(): void {
  for (const key of Object.values(LEGACY_KEYS)) {
    try {
      localStorage.removeItem(key)
    } catch {
      // Unavailable storage: nothing to remove either.
    }
  }
}

function store(settings: DeviceSettings): boolean {
  try {
    localStorage.setItem(DEVICE_SETTINGS_KEY, JSON.stringify(settings))
    return true
  } catch {
    return false
  }
}

/**
 * Reads and parses the settings. The first read after an update moves the old readable keys
 * into the one entry (write new, then delete old — so a failed write loses nothing).
 */
export function readDeviceSettings(): DeviceSettings {
  const raw = getItem(DEVICE_SETTINGS_KEY)
  const legacy = readLegacy()
  if (legacy !== null) {
    // A new entry already written wins over leftovers of the old ones.
    const settings = raw === null ? legacy : parse(parseJson(raw))
    if (store(settings)) removeLegacy()
    return settings
  }
  return parse(parseJson(raw))
}

/**
 * Changes some fields, written at once (synchronously: a quick exit navigates away right after).
 * False if storage refused it.
 */
export function writeDeviceSettings(patch: Partial<DeviceSettings>): boolean {
  return store(parse({ ...readDeviceSettings(), ...patch }))
}
