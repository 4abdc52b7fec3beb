import { useI18n } from 'vue-i18n'
import { civilDate, inlineValue, type MessageValue } from '@/app/i18n/message'
import type { ChoosableRating } from '@/domain/ratingProgress'

/**
 * A rating's name — stage, who, date — as `<Tx k="ratings.chart.rating" :args>` shows it (`args`)
 * and as plain text for a select's option (`name`).
 */
export function useRatingName(): {
  args: (rating: ChoosableRating) => Record<string, MessageValue>
  name: (rating: ChoosableRating) => string
} {
  const { t, locale } = useI18n()
  const args = (rating: ChoosableRating): Record<string, MessageValue> => ({
    stage: t(`ratings.chart.stage.${rating.stage}`),
    respondent: t(`ratings.chart.respondent.${rating.respondent}`),
    date: civilDate(rating.date, 'medium'),
  })
  const name = (rating: ChoosableRating): string =>
    t(
      'ratings.chart.rating',
      Object.fromEntries(
        Object.entries(args(rating)).map(([key, value]) => [key, inlineValue(value, locale.value)]),
      ),
    )
  return { args, name }
}
