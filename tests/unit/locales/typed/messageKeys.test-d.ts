/*
 * Message keys are typed (src/app/i18n/keys.ts): checked by `npm run typecheck`, which covers
 * this file and TxKeys.vue beside it. Each `@ts-expect-error` must meet an error; if keys became
 * plain strings again, the directive would be unused and the typecheck would fail (TS2578).
 */
import { useI18n } from 'vue-i18n'
import type { CheckedKey, MessageKey } from '@/app/i18n/keys'
import type { Stage } from '@/domain/phases'

export function typedMessageKeys(stage: Stage, phase: 'phase1' | 'phase2' | 'phase3'): string[] {
  const { t, te } = useI18n()
  const ok: MessageKey[] = ['stage.phase1', 'easyRead.stageInfo.phase1', 'home.next.inDays']
  return [
    ...ok,
    t('stage.phase1'),
    t('home.next.inDays', { n: 2 }, 2),
    t(`stage.${stage}`),
    // @ts-expect-error a misspelt key
    t('stage.phase1x'),
    // @ts-expect-error a namespace is not a message
    t('stage'),
    // @ts-expect-error a dynamic key with one value that has no message (contactLevel.before)
    t(`contactLevel.${stage}`),
    t(`contactLevel.${phase}`),
    String(te('easyRead.stage.phase1')),
    // @ts-expect-error a misspelt key to test
    String(te('stage.phaseOne')),
  ]
}

// A key handed down typed plain `string` is let through (it cannot be checked); literals are not.
export const passedDown: CheckedKey<string> = 'anything'
// @ts-expect-error a misspelt literal
export const misspelt: CheckedKey<'course.titel'> = 'course.titel'
