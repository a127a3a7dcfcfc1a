import type { AuditResult, Warning } from '../audit/audit-schema.js'
import { escapeMarkdown } from './escape-markdown.js'
import { formatCount } from './format-number.js'
import {
  type WarningGroup,
  groupWarnings,
  warningPlace
} from './group-warnings.js'
import { countWarnings } from './report-words.js'

/**
 * Warnings written out in full; the rest are counted per code. 20 lines of
 * at most ~350 characters keep the section near 7,000 characters.
 */
export const MAX_SHOWN_WARNINGS = 20

/** Warnings grouped by code with counts, the first ones in full. */
export function renderWarnings(result: AuditResult): string | undefined {
  if (result.warnings.length === 0) return undefined
  const groups = groupWarnings(result.warnings, MAX_SHOWN_WARNINGS)
  const total = countWarnings(result)
  const shown = groups.reduce((sum, group) => sum + group.shown, 0)
  const lines = groups.flatMap(groupLines)
  const note =
    shown < result.warnings.length
      ? `\n\n${formatCount(shown)} of ${formatCount(result.warnings.length)} ` +
        'warnings shown in full; every one is in the audit JSON.'
      : ''
  return `### Warnings (${formatCount(total)})\n\n${lines.join('\n')}${note}`
}

/** A code's line, its shown warnings and what was left out. */
function groupLines(group: WarningGroup): string[] {
  const shown = group.warnings.slice(0, group.shown)
  const shownCount = shown.reduce((sum, w) => sum + (w.count ?? 1), 0)
  const hidden = group.count - shownCount
  return [
    `- **${group.code}**: ${formatCount(group.count)}`,
    ...shown.map(warning => `  - ${warningLine(warning)}`),
    ...(hidden > 0 ? [`  - …and ${formatCount(hidden)} more`] : [])
  ]
}

/** `file:line · device id: message (×n)`, every part escaped. */
function warningLine(warning: Warning): string {
  const place = warningPlace(warning, file => escapeMarkdown(file, 100))
  const device =
    warning.device === undefined
      ? undefined
      : `device ${escapeMarkdown(warning.device, 60)}`
  const where = [place, device].filter(part => part !== undefined).join(' · ')
  const times =
    (warning.count ?? 1) > 1 ? ` (×${formatCount(warning.count ?? 1)})` : ''
  const message = escapeMarkdown(warning.message)
  return where === '' ? `${message}${times}` : `${where}: ${message}${times}`
}
