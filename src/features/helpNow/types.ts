/** One of the citizen's own crisis contacts, as help now shows it (filled in by the app once unlocked). */
export interface HelpNowContact {
  readonly id: string
  readonly name: string
  /** As the citizen wrote it; dialled with everything but digits and + removed. */
  readonly phone: string
}
