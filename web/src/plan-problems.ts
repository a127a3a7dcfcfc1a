import { PlanInputError } from '../../src/estimate/plan-input.js'
import { byId } from './dom.js'
import { clearFieldErrors, showFieldError } from './field-errors.js'
import { fieldId } from './plan-fields.js'

/** Clears every message of the plan form. */
export function clearPlanProblems(): void {
  clearFieldErrors(byId('plan-form', HTMLFormElement))
  byId('plan-error', HTMLElement).textContent = ''
}

/**
 * Shows each problem next to the field it names (`params: got …`); one
 * that names no field of the form goes under the form. Anything that is
 * not a PlanInputError is shown there too, as its message.
 */
export function showPlanProblems(error: unknown): void {
  const general: string[] = []
  const byField = new Map<string, string[]>()
  const lines =
    error instanceof PlanInputError ? error.problems : [messageOf(error)]
  for (const line of lines) {
    const match = /^([A-Za-z]+)(?:\.\d+)?: (.*)$/.exec(line)
    const id = match === null ? undefined : fieldId(match[1]!)
    if (
      match === null ||
      id === undefined ||
      document.getElementById(id) === null
    ) {
      general.push(line)
      continue
    }
    byField.set(id, [...(byField.get(id) ?? []), match[2]!])
  }
  for (const [id, messages] of byField) showFieldError(id, messages.join(' '))
  const count = lines.length - general.length
  const summary =
    count > 0
      ? [
          `${count === 1 ? 'One input needs' : `${count} inputs need`} a change; see the messages next to ${count === 1 ? 'it' : 'them'}.`
        ]
      : []
  byId('plan-error', HTMLElement).textContent = [...summary, ...general].join(
    ' '
  )
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
