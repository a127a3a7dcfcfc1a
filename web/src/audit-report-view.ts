import type { AuditResult } from '../../src/audit/audit-schema.js'
import { renderMarkdown } from '../../src/report/render-markdown.js'
import { renderFlagKey } from './audit-flag-key.js'
import { byId, el, replaceChildren } from './dom.js'
import { renderMarkdownDom } from './markdown-dom.js'
import { showFullSources } from './report-sources.js'
import { markScrollables } from './scroll-hints.js'

/** The object URL of the JSON offered last, released when replaced. */
let lastJsonUrl: string | undefined

/** Removes the report and its figures (before a new audit, or when stale). */
export function clearReport(): void {
  const report = byId('audit-report', HTMLElement)
  replaceChildren(report, [])
  for (const key of Object.keys(report.dataset)) delete report.dataset[key]
}

/**
 * The CLI's Markdown report as DOM, sources in full, a key from the flags
 * its messages name to this page's options, and the JSON to save; exact
 * figures go on data attributes for tooling and tests.
 */
export function showReport(result: AuditResult): void {
  const report = byId('audit-report', HTMLElement)
  const markdown = renderMarkdown(result)
  const body = renderMarkdownDom(markdown)
  showFullSources(body, result)
  replaceChildren(report, [body, renderFlagKey(markdown), downloadLink(result)])
  report.dataset.facilityKwh = String(result.energy.facility_kwh)
  report.dataset.lowKwh = String(result.energy.low_kwh)
  report.dataset.highKwh = String(result.energy.high_kwh)
  report.dataset.carbonKg = String(result.carbon.kg)
  markScrollables()
}

/** Why there is no report, without a stack trace, with the flag key. */
export function showAuditError(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error)
  replaceChildren(byId('audit-report', HTMLElement), [
    el('p', { class: 'error', role: 'alert' }, [message]),
    renderFlagKey(message)
  ])
}

/** A link that saves the `ecocompute.audit/v1` JSON the CLI would write. */
function downloadLink(result: AuditResult): HTMLElement {
  const json = `${JSON.stringify(result, null, 2)}\n`
  if (lastJsonUrl !== undefined) URL.revokeObjectURL(lastJsonUrl)
  const url = URL.createObjectURL(
    new Blob([json], { type: 'application/json' })
  )
  lastJsonUrl = url
  const link = el(
    'a',
    { href: url, download: 'ecocompute-audit.json', class: 'button' },
    ['Download the audit JSON (ecocompute.audit/v1)']
  )
  return el('p', {}, [link])
}
