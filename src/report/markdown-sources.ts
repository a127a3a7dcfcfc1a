import type { AuditResult } from '../audit/audit-schema.js'

/** One everyday equivalent of the result. */
type Equivalent = AuditResult['equivalents'][number]
import { escapeMarkdown } from './escape-markdown.js'
import { formatNumber, formatRange } from './format-number.js'
import { joinBlocks, moreLine, renderBullets } from './markdown-blocks.js'

/** Equivalents shown; the result normally carries one or two. */
const MAX_EQUIVALENTS = 10

/**
 * Licence texts are kept whole up to this length: the carbon datasets
 * (Ember CC BY 4.0, Electricity Maps ODbL) require their attribution.
 */
const LICENCE_MAX_LENGTH = 600

/** Where the carbon intensity came from, with the dataset's licence. */
export function renderCarbonSource(result: AuditResult): string {
  const { carbon } = result
  const intensity = formatRange(
    carbon.intensity_g_per_kwh,
    carbon.intensity_low_g_per_kwh,
    carbon.intensity_high_g_per_kwh,
    'gCO2e/kWh'
  )
  const year = carbon.year === null ? 'year not stated' : String(carbon.year)
  const licence =
    carbon.licence.trim() === ''
      ? 'not stated in the result'
      : escapeMarkdown(carbon.licence, LICENCE_MAX_LENGTH)
  return (
    `**Carbon intensity:** ${intensity} for ` +
    `${escapeMarkdown(carbon.region, 60)} (${carbon.fallback} lookup), ` +
    `from ${escapeMarkdown(carbon.dataset, 300)}, ${year}. ` +
    `**Licence:** ${licence}`
  )
}

/** Everyday equivalents of the carbon, each with its source. */
export function renderEquivalents(result: AuditResult): string | undefined {
  const { equivalents } = result
  if (equivalents.length === 0) return undefined
  const shown = equivalents.slice(0, MAX_EQUIVALENTS).map(equivalentLine)
  return joinBlocks([
    '**Equivalents:**',
    renderBullets(shown),
    moreLine(equivalents.length - shown.length, 'equivalents')
  ])
}

/** `≈ 12 km (kind); source: …`, every text escaped. */
function equivalentLine(equivalent: Equivalent): string {
  const unit = escapeMarkdown(equivalent.unit, 40)
  return (
    `≈ ${formatNumber(equivalent.value)} ${unit} ` +
    `(${escapeMarkdown(equivalent.kind, 60)}); ` +
    `source: ${escapeMarkdown(equivalent.source, 300)}`
  )
}
