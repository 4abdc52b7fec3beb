/**
 * The handover she shared, as a plain text file the worker can keep after the copy is erased
 * (issue #15 item 6): a title, the day it was saved, then one block per line — what, who takes
 * over, from when, how far it has come — in the screen's language. Named neutrally
 * (`text-YYYY-MM-DD.txt`, like her own summary's file): the name says neither the app, nor
 * who, nor what it holds.
 */
import type { CivilDate } from '@/domain/civilDate'
import type { SummaryHandoverLine } from '@/domain/handoverSummary'
import type { MessageKey } from '@/app/i18n/keys'
import { civilDate, type MessageValue } from '@/app/i18n/message'
import { handoverOwner } from '@/components/handoverOwner'

/** Renders a message in the screen's language (`renderMessage`). */
export type Render = (k: MessageKey, args?: Record<string, MessageValue>) => string

/** The file's name for the day it is saved. */
export function handoverTextFileName(today: CivilDate): string {
  return `text-${today}.txt`
}

/** One line's words in the screen's language: what, who takes over, from when (or null), how far. */
export interface HandoverLineText {
  readonly what: string
  readonly who: string
  readonly from: string | null
  readonly status: string
}

/** A line of the handover as words (as her own ending screen says it). */
export function handoverLineText(line: SummaryHandoverLine, render: Render): HandoverLineText {
  return {
    what: line.about.kind === 'removed' ? render('ending.handover.removed') : line.about.text,
    who: render('ending.handover.who', { who: handoverOwner(line.owner) }),
    from: line.from === null ? null : render('ending.handover.from', { date: civilDate(line.from) }),
    status: render(`ending.handover.status.${line.status}`),
  }
}

/** The file's text (lines end in CRLF, so every phone's and PC's editor shows them as lines). */
export function handoverText(
  lines: readonly SummaryHandoverLine[],
  today: CivilDate,
  render: Render,
): string {
  const out = [
    render('worker.ending.fileTitle'),
    render('worker.ending.fileMade', { date: civilDate(today) }),
    '',
  ]
  if (lines.length === 0) out.push(render('worker.ending.noHandover'))
  for (const line of lines) {
    const words = handoverLineText(line, render)
    out.push(`- ${words.what}`, `  ${words.who}`)
    if (words.from !== null) out.push(`  ${words.from}`)
    out.push(`  ${words.status}`, '')
  }
  return out.join('\r\n')
}
