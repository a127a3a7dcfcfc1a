import { planningRows } from '../../src/estimate/plan-validation.js'
import { el } from './dom.js'

/** How many published runs fall outside their predicted GPU-hours range. */
interface ValidationCount {
  outside: number
  total: number
}

let counted: ValidationCount | null | undefined

/**
 * The published runs of calibration-data/validation/published.json that
 * fall outside the range the estimator predicts for them: the same
 * comparison docs/validation.md prints, counted once and kept. Null when
 * it cannot be computed, so the note never shows a made-up count.
 */
function validationCount(): ValidationCount | null {
  if (counted !== undefined) return counted
  try {
    const rows = planningRows()
    const outside = rows.filter(row => {
      const published = row.case.inputs.gpu_hours
      return published < row.predicted.low || published > row.predicted.high
    }).length
    counted = { outside, total: rows.length }
  } catch {
    counted = null
  }
  return counted
}

/**
 * The sentence under the headline figures: a range is the spread of the
 * stated assumptions, not a guarantee, with how often real runs fell
 * outside it.
 */
export function rangesNote(): HTMLElement {
  const count = validationCount()
  const record =
    count === null
      ? 'docs/validation.md in the EcoCompute repository compares these ranges with published runs, and some fall outside them.'
      : `Of ${count.total} published training runs in docs/validation.md (EcoCompute repository), ${count.outside} took GPU-hours outside the range predicted for them.`
  return el('p', { class: 'ranges-note', id: 'ranges-note' }, [
    el('strong', {}, ['Ranges are not guarantees. ']),
    'Each range is the spread of the assumptions listed under “Assumptions and sources” (MFU, power, PUE, grid data); a real run can fall outside it, through restarts, idle time or an MFU no preset covers. ',
    record
  ])
}
