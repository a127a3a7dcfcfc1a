import type { PlanInput } from '../../src/estimate/plan-input.js'
import { getPlanPreset } from '../../src/estimate/plan-presets.js'
import type { PlanEstimate } from '../../src/estimate/plan-schema.js'
import { renderAssumptions } from './assumptions-view.js'
import { renderCompareCharts } from './compare-charts.js'
import { showDefaults } from './default-hints.js'
import { byId, type Child, el, replaceChildren } from './dom.js'
import type { PageState } from './plan-state.js'
import { renderResults } from './results-view.js'
import { markScrollables } from './scroll-hints.js'
import { renderWhatIfs } from './what-ifs-view.js'

/** The sections an estimate fills, each drawn on its own. */
const SECTIONS = [
  'results-body',
  'what-ifs-body',
  'charts-body',
  'assumptions-body'
] as const

/**
 * Every view of one estimate. Each section is drawn on its own, so one
 * the engine cannot draw (a what-if it refuses) says why in its place and
 * the others still show; the page never stops on an engine error.
 */
export function renderAll(
  input: PlanInput,
  estimate: PlanEstimate,
  state: PageState
): void {
  const views: Record<(typeof SECTIONS)[number], () => Child[]> = {
    'results-body': () => [renderResults(estimate)],
    'what-ifs-body': () => [renderWhatIfs(input, state)],
    'charts-body': () => renderCompareCharts(input, estimate),
    'assumptions-body': () => [
      renderAssumptions(estimate, getPlanPreset(state.preset ?? ''))
    ]
  }
  for (const id of SECTIONS) drawSection(id, views[id])
  showDefaults(estimate)
  byId('results', HTMLElement).dataset.state = 'current'
  markScrollables()
}

/** Draws one section, or a line saying why it cannot be drawn. */
function drawSection(id: string, draw: () => Child[]): void {
  const section = byId(id, HTMLElement)
  try {
    replaceChildren(section, draw())
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    replaceChildren(section, [
      el('p', { class: 'error' }, [`This part could not be drawn: ${message}`])
    ])
  }
}

/** With an input in error there is no estimate: say so instead of old numbers. */
export function showStale(): void {
  const message = el('p', { class: 'stale' }, [
    'No estimate until the inputs marked above are fixed.'
  ])
  replaceChildren(byId('results-body', HTMLElement), [message])
  for (const id of SECTIONS.slice(1)) replaceChildren(byId(id, HTMLElement), [])
  byId('results', HTMLElement).dataset.state = 'error'
}
