import { runAuditOnSources } from '../../src/audit/audit-sources.js'
import type { AuditResult } from '../../src/audit/audit-schema.js'
import { renderMarkdown } from '../../src/report/render-markdown.js'
import { readAuditOptions } from './audit-options-form.js'
import { byId, el, replaceChildren } from './dom.js'
import { clearFieldErrors, showFieldError } from './field-errors.js'
import { browserFileSource } from './file-source.js'
import { renderMarkdownDom } from './markdown-dom.js'

/**
 * The "audit a telemetry file" panel: files chosen or dropped are audited
 * here, in the page, by the CLI's own parsers and model, and shown as the
 * CLI's Markdown report. Nothing is uploaded.
 */
export function startAuditPanel(): void {
  const input = byId('audit-files', HTMLInputElement)
  const zone = byId('audit-drop', HTMLElement)
  input.addEventListener('change', () => {
    void auditFiles([...(input.files ?? [])])
  })
  zone.addEventListener('dragover', event => {
    event.preventDefault()
    zone.classList.add('dragging')
  })
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'))
  zone.addEventListener('drop', event => {
    event.preventDefault()
    zone.classList.remove('dragging')
    void auditFiles([...(event.dataTransfer?.files ?? [])])
  })
}

/** Audits `files` and shows the report, or why there is none. */
async function auditFiles(files: readonly File[]): Promise<void> {
  const status = byId('audit-status', HTMLElement)
  const report = byId('audit-report', HTMLElement)
  if (files.length === 0) return
  clearFieldErrors(byId('audit-options', HTMLElement))
  const { options, errors } = readAuditOptions()
  for (const [id, message] of errors) showFieldError(id, message)
  if (errors.size > 0) {
    status.textContent =
      'Fix the audit options marked above, then choose the files again.'
    return
  }
  status.textContent = `Reading ${describeFiles(files)} in this browser…`
  replaceChildren(report, [])
  delete report.dataset.facilityKwh
  try {
    const result = await runAuditOnSources(
      files.map(browserFileSource),
      options
    )
    showReport(report, result)
    status.textContent = `Audited ${describeFiles(files)}.`
  } catch (error) {
    status.textContent = ''
    replaceChildren(report, [
      el('p', { class: 'error', role: 'alert' }, [messageOf(error)])
    ])
  }
}

/** The report, with exact figures on data attributes for tooling and tests. */
function showReport(report: HTMLElement, result: AuditResult): void {
  replaceChildren(report, [
    renderMarkdownDom(renderMarkdown(result)),
    downloadLink(result)
  ])
  report.dataset.facilityKwh = String(result.energy.facility_kwh)
  report.dataset.lowKwh = String(result.energy.low_kwh)
  report.dataset.highKwh = String(result.energy.high_kwh)
  report.dataset.carbonKg = String(result.carbon.kg)
}

/** The object URL of the JSON offered last, released when replaced. */
let lastJsonUrl: string | undefined

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

/** `2 files (1.2 MB)` or `gpu.csv (1.2 MB)`. */
function describeFiles(files: readonly File[]): string {
  const bytes = files.reduce((sum, file) => sum + file.size, 0)
  const size = `${(bytes / 1e6).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`
  const what = files.length === 1 ? files[0]!.name : `${files.length} files`
  return `${what} (${size})`
}

/** An error's message without a stack trace. */
function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
