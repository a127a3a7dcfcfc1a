import { PlanInputError } from '../../src/estimate/plan-input.js'
import { byId, el, replaceChildren } from './dom.js'
import { clearFieldErrors, showFieldError } from './field-errors.js'
import { fieldLink, openSectionOf } from './field-links.js'
import { fieldId } from './plan-fields.js'

/** zod's words for a field with no value, which say nothing to a planner. */
const ZOD_MISSING = /^Invalid input: expected \w+, received undefined$/

/** Clears every message of the plan form. */
export function clearPlanProblems(): void {
  clearFieldErrors(byId('plan-form', HTMLFormElement))
  replaceChildren(byId('plan-error', HTMLElement), [])
}

/**
 * Shows each problem next to the field it names (`params: got …`), opens
 * a closed section that holds one, and sums them up under the form with a
 * link to each field. `extra` holds problems of the link, by field name,
 * which replace the engine's for the same field. A problem that names no
 * field of the form, or an error that is not a PlanInputError, is shown
 * under the form as its message.
 */
export function showPlanProblems(
  error: unknown,
  extra: ReadonlyMap<string, string> = new Map()
): void {
  const general: string[] = []
  const byField = new Map<string, string[]>()
  for (const [name, message] of extra) byField.set(name, [message])
  for (const line of problemLines(error)) {
    const match = /^([A-Za-z]+)(?:\.\d+)?: (.*)$/.exec(line)
    const name = match?.[1] ?? ''
    if (match === null || document.getElementById(fieldId(name)) === null) {
      general.push(line)
    } else if (!extra.has(name)) {
      byField.set(name, [...(byField.get(name) ?? []), readable(match[2]!)])
    }
  }
  const ids = [...byField.keys()].map(fieldId)
  for (const [name, messages] of byField)
    showFieldError(fieldId(name), messages.join(' '))
  for (const id of ids) openSectionOf(id)
  replaceChildren(byId('plan-error', HTMLElement), summary(ids, general))
}

/** The lines of an error: a PlanInputError's problems, else its message. */
function problemLines(error: unknown): readonly string[] {
  if (error instanceof PlanInputError) return error.problems
  if (error instanceof Error) return [error.message]
  // Engines throw Errors; anything else is shown as JSON, never [object Object].
  return error === undefined ? [] : [JSON.stringify(error) ?? 'unknown error']
}

/** A message in the planner's words. */
function readable(message: string): string {
  return ZOD_MISSING.test(message) ? 'required: choose one' : message
}

/** `2 inputs need a change: Parameters, Peak used for the MFU.` */
function summary(ids: readonly string[], general: readonly string[]): Node[] {
  const nodes: Node[] = []
  if (ids.length > 0) {
    const links = ids.flatMap((id, index) => [
      index === 0 ? '' : ', ',
      fieldLink(id)
    ])
    nodes.push(
      el('span', {}, [
        ids.length === 1 ? 'One input needs' : `${ids.length} inputs need`,
        ' a change: ',
        ...links,
        '.'
      ])
    )
  }
  for (const line of general) nodes.push(el('span', {}, [` ${line}`]))
  return nodes
}
