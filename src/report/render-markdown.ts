import type { AuditResult } from '../audit/audit-schema.js'
import { fitSections } from './markdown-budget.js'
import { joinBlocks } from './markdown-blocks.js'
import { type PowerSeries, renderPowerChart } from './markdown-chart.js'
import { renderBreakdown } from './markdown-breakdown.js'
import { renderDevices } from './markdown-devices.js'
import {
  renderComparison,
  renderGrounding,
  renderHeadline,
  renderHeadlineTable
} from './markdown-headline.js'
import { renderFooter, renderInputs } from './markdown-inputs.js'
import { renderAssumptions } from './markdown-assumptions.js'
import { renderCarbonSource, renderEquivalents } from './markdown-sources.js'
import { renderWarnings } from './markdown-warnings.js'

/** How the Markdown report is titled, linked and bounded. */
export interface MarkdownOptions {
  /** Link to the workflow run; only http(s) URLs are written. */
  runUrl?: string
  /** First line, written as given. Default `## Sustainability Audit`. */
  title?: string
  /** Character budget. Default 60,000: a pull-request comment's. */
  maxChars?: number
  /** Power series for a chart; the audit JSON alone carries none. */
  powerChart?: { series: readonly PowerSeries[]; bucketS: number }
}

/** The default first line, which the job summary and the comment share. */
export const DEFAULT_TITLE = '## Sustainability Audit'

/**
 * Renders an audit result as the Markdown report used by the job summary
 * and the pull-request comment; every file-derived string is escaped and
 * the body stays within `maxChars` characters.
 */
export function renderMarkdown(
  result: AuditResult,
  options: MarkdownOptions = {}
): string {
  const chart = options.powerChart
  const sections = [
    options.title ?? DEFAULT_TITLE,
    renderHeadline(result),
    joinBlocks([renderHeadlineTable(result), renderComparison(result)]),
    renderGrounding(result),
    renderDevices(result),
    renderBreakdown(result),
    renderPowerChart(chart?.series, chart?.bucketS ?? 0),
    renderAssumptions(result),
    joinBlocks([renderCarbonSource(result), renderEquivalents(result)]),
    renderWarnings(result),
    renderInputs(result)
  ]
  const footer = renderFooter(result, options.runUrl)
  return fitSections(sections, footer, options.maxChars)
}
