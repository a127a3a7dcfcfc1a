import { runAuditOnSources } from '../../src/audit/audit-sources.js'
import { readAuditOptions } from './audit-options-form.js'
import { clearReport, showAuditError, showReport } from './audit-report-view.js'
import { byId } from './dom.js'
import { clearFieldErrors, showFieldError } from './field-errors.js'
import { startFieldLinks } from './field-links.js'
import { browserFileSource } from './file-source.js'
import { formatBytes } from './format-figures.js'

/**
 * Typing in an option waits this long before the files are audited again:
 * longer than the plan's 250 ms URL pause (url-sync.ts), since an audit
 * reads whole files, and short enough to feel immediate after a choice.
 */
const OPTION_PAUSE_MS = 400

/** The files chosen last: kept so a changed option audits them again. */
let chosenFiles: readonly File[] = []
/** Counts audits started, so a slower earlier one never shows its report. */
let auditsStarted = 0
let optionTimer: ReturnType<typeof setTimeout> | undefined

/**
 * The "audit a telemetry file" panel: files chosen or dropped are audited
 * here, in the page, by the CLI's own parsers and model, and shown as the
 * CLI's Markdown report. Nothing is uploaded. A changed option audits the
 * same files again, so the report always matches the options shown.
 */
export function startAuditPanel(): void {
  const input = byId('audit-files', HTMLInputElement)
  const zone = byId('audit-drop', HTMLElement)
  input.addEventListener('change', () => choose([...(input.files ?? [])]))
  zone.addEventListener('dragover', event => {
    event.preventDefault()
    zone.classList.add('dragging')
  })
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'))
  zone.addEventListener('drop', event => {
    event.preventDefault()
    zone.classList.remove('dragging')
    choose([...(event.dataTransfer?.files ?? [])])
  })
  const options = byId('audit-options', HTMLElement)
  options.addEventListener('input', onOptionChange)
  options.addEventListener('change', onOptionChange)
  startFieldLinks(byId('audit-report', HTMLElement))
}

/** New files: audit them with the options shown. */
function choose(files: readonly File[]): void {
  if (files.length === 0) return
  chosenFiles = files
  // The audit below reads the options as they are now.
  if (optionTimer !== undefined) clearTimeout(optionTimer)
  void auditChosen()
}

/** An option changed: once typing pauses, audit the chosen files again. */
function onOptionChange(): void {
  if (optionTimer !== undefined) clearTimeout(optionTimer)
  optionTimer = setTimeout(() => void auditChosen(), OPTION_PAUSE_MS)
}

/**
 * Audits the chosen files and shows the report, or why there is none.
 * With an option in error the old report is removed, never left standing
 * under options it was not made with.
 */
async function auditChosen(): Promise<void> {
  const status = byId('audit-status', HTMLElement)
  const run = ++auditsStarted
  clearFieldErrors(byId('audit-options', HTMLElement))
  const { options, errors } = readAuditOptions()
  for (const [id, message] of errors) showFieldError(id, message)
  if (chosenFiles.length === 0) return
  const files = chosenFiles
  clearReport()
  if (errors.size > 0) {
    status.textContent = `Fix the audit options marked above; ${describeFiles(files)} will be audited again then, with no need to choose the files again.`
    return
  }
  status.textContent = `Reading ${describeFiles(files)} in this browser…`
  try {
    const result = await runAuditOnSources(
      files.map(browserFileSource),
      options
    )
    if (run !== auditsStarted) return
    showReport(result)
    status.textContent = `Audited ${describeFiles(files)} with the options shown.`
  } catch (error) {
    if (run !== auditsStarted) return
    status.textContent = ''
    showAuditError(error)
  }
}

/** `2 files (1.2 MB)` or `gpu.csv (340 kB)`. */
function describeFiles(files: readonly File[]): string {
  const bytes = files.reduce((sum, file) => sum + file.size, 0)
  const what = files.length === 1 ? files[0]!.name : `${files.length} files`
  return `${what} (${formatBytes(bytes)})`
}
