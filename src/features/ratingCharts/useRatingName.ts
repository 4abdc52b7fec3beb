import { useI18n } from 'vue-i18n'
import { civilDate, inlineValue, messageArg, type MessageValue } from '@/app/i18n/message'
import type { ChoosableRating } from '@/domain/ratingProgress'

/**
 * A rating's name — stage, who, date — as `<Tx k="ratings.chart.rating" :args>` shows it (`args`)
 * and as plain text for a select's option (`name`).
 */
export function useRatingName(): {
  args: (rating: ChoosableRating) => Record<string, MessageValue>
  name: (rating: ChoosableRating) => string
  column: (rating: ChoosableRating) => Record<string, MessageValue>
} {
  const { t, locale } = useI18n()
  const args = (rating: ChoosableRating): Record<string, MessageValue> => ({
    // Messages, not text: in interpreter mode each language's line names them in its own words.
    stage: messageArg(`ratings.chart.stage.${rating.stage}`),
    respondent: messageArg(`ratings.chart.respondent.${rating.respondent}`),
    date: civilDate(rating.date, 'medium'),
  })
  const name = (rating: ChoosableRating): string =>
    t(
      'ratings.chart.rating',
      Object.fromEntries(
        Object.entries(args(rating)).map(([key, value]) => [
          key,
          typeof value === 'object' && 'message' in value
            ? t(value.message)
            : inlineValue(value, locale.value),
        ]),
      ),
    )
  /** A table column's shorter name: who and when (the legend above names the stage too). */
  const column = (rating: ChoosableRating): Record<string, MessageValue> => ({
    who: messageArg(rating.respondent === 'citizen' ? 'ratings.chart.you' : 'ratings.chart.yourWorker'),
    date: civilDate(rating.date, 'medium'),
  })
  return { args, name, column }
}
