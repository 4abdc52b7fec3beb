/**
 * A small plan whose records refer to each other correctly (one plan, every reference resolves),
 * for tests of imports, which refuse record sets that do not hold together.
 */
import type { TrinRecord } from '@/schemas'
import {
  makeActivity,
  makeContact,
  makeFocusArea,
  makeGoal,
  makeHandoverItem,
  makeNote,
  makePlan,
  makeSubGoal,
} from './records'

/** One of each linked kind: plan, focus area, goal, sub-goal, contact, activity, note, handover. */
export function makePlanSet(options: { noteText?: string } = {}): TrinRecord[] {
  const plan = makePlan()
  const area = makeFocusArea()
  const goal = makeGoal({ focusAreaId: area.id })
  const contact = makeContact()
  return [
    plan,
    area,
    goal,
    makeSubGoal({ goalId: goal.id }),
    contact,
    makeActivity({ goalId: goal.id, helper: { contactId: contact.id } }),
    makeNote({
      target: { kind: 'goal', id: goal.id },
      ...(options.noteText ? { text: options.noteText } : {}),
    }),
    makeHandoverItem({ owner: { kind: 'contact', contactId: contact.id } }),
    { ...makeGoal({ focusAreaId: area.id }), deleted: true },
  ]
}
