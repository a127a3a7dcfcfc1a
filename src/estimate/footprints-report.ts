import { markdownTable } from 'markdown-table'
import { loadPublishedFootprints } from './published-cases.js'
import type { ExcludedCase, PublishedCase } from './published-schema.js'
import {
  type RecomputedCase,
  recomputeAllPublished
} from './recompute-published.js'

/** Headings of the case families, in the order the report shows them. */
const FAMILY_TITLES: Record<string, string> = {
  'llama-1': 'LLaMA-1 (Touvron et al. 2023, Table 15)',
  'llama-2': 'Llama 2 (Meta model card, 2023)',
  'llama-3.1': 'Llama 3.1 (Meta model card, 2024)',
  bloom: 'BLOOM-176B (Luccioni, Viguier and Ligozat, JMLR 2023)'
}

/** Grouped figures with up to `digits` decimals, locale-independent. */
function formatFixed(value: number, digits: number): string {
  return new Intl.NumberFormat('en-US', {
    maximumFractionDigits: digits
  }).format(value)
}

/** A signed percentage with two decimals, or a dash. */
function formatError(percent: number | null): string {
  if (percent === null) return '—'
  const sign = percent >= 0 ? '+' : '−'
  return `${sign}${Math.abs(percent).toFixed(2)} %`
}

/** One table row: inputs, then published, ours and error for each output. */
function caseRow(row: RecomputedCase): string[] {
  const { inputs, outputs } = row.case
  const published = outputs.energy_mwh
  return [
    row.case.model,
    formatFixed(inputs.gpu_hours, 0),
    formatFixed(inputs.power_w, 0),
    String(inputs.pue),
    `${inputs.intensity.kg_per_kwh} (${inputs.intensity.kind})`,
    published === null ? 'not stated' : formatFixed(published, 3),
    formatFixed(row.energyMWh, 2),
    formatError(row.energyErrorPercent),
    formatFixed(outputs.tco2e, 2),
    formatFixed(row.tco2e, 2),
    formatError(row.carbonErrorPercent)
  ]
}

const HEADER = [
  'Model',
  'GPU-hours',
  'W',
  'PUE',
  'kgCO2e/kWh',
  'Published MWh',
  'Ours MWh',
  'Error',
  'Published t',
  'Ours t',
  'Error'
]

/** `Title (year), url — locator`. */
function citation(source: PublishedCase['source']): string {
  const where = source.url ?? source.document ?? ''
  return `${source.title} (${source.year}), ${where}`
}

/** The section of one family: source, table, implied factor, notes. */
function familySection(family: string, rows: RecomputedCase[]): string {
  const first = rows[0]?.case
  if (first === undefined) return ''
  const table = markdownTable([HEADER, ...rows.map(caseRow)], {
    align: ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r']
  })
  const derivation = first.inputs.intensity.derivation
  const parts = [
    `## ${FAMILY_TITLES[family] ?? family}`,
    `Source: ${citation(first.source)}.`,
    table,
    [...new Set(rows.map(row => `- ${row.case.notes}`))].join('\n')
  ]
  if (derivation !== undefined) parts.push(`Implied factor: ${derivation}`)
  return parts.join('\n\n')
}

/** The rows left out, and why. */
function excludedSection(excluded: readonly ExcludedCase[]): string {
  const items = excluded.map(
    e => `- ${e.model}: ${e.reason} Source: ${citation(e.source)}.`
  )
  return ['## Left out', ...items].join('\n\n')
}

const INTRO = `# Validation against published training footprints

Generated from \`calibration-data/validation/published.json\` by
\`renderValidationMarkdown()\` in \`src/estimate/footprints-report.ts\`; do
not edit by hand. Regenerate with \`WRITE_DOCS=1 npm test -- validation-doc\`.

Each case is recomputed from the inputs its source states, through the same
function as \`node dist/cli.js estimate --gpu-hours … --power-w … --pue …
--intensity …\`: energy = GPU-hours × W × PUE, carbon = energy × intensity.
Error = (ours − published) ÷ published. The tests require every error to be
within 2 %.`

const READING = `## Reading the errors

- **LLaMA-1** prints MWh and tCO2e rounded to whole numbers, so errors up to
  about 1 % on the small models are rounding, not a different method.
- **Llama 2 and Llama 3.1** cards state no grid intensity; their power
  figure is said to be adjusted for PUE, so PUE is 1 here and the factor is
  implied. Llama 2's 0.4235 kg/kWh = 1.1 × 0.385 (LLaMA-1's PUE and US
  average). Llama 3.1's 0.41403 kg/kWh is derived once from the card's total
  row (11,390 t ÷ (39.3M GPU-h × 0.7 kW)) and applied to every model. These
  cases check **consistency, not prediction**: the factor came from the same
  card.
- **BLOOM-176B** is its dynamic energy only (GPU TDP × GPU-hours, no PUE):
  idle and infrastructure energy and embodied emissions are not part of it.`

/**
 * `docs/validation.md`: every published footprint next to ours, one table
 * per family, and how to read the errors.
 */
export function renderValidationMarkdown(): string {
  const rows = recomputeAllPublished()
  const families = [...new Set(rows.map(row => row.case.family))]
  const sections = families.map(family =>
    familySection(
      family,
      rows.filter(row => row.case.family === family)
    )
  )
  const excluded = excludedSection(loadPublishedFootprints().excluded)
  return `${[INTRO, ...sections, READING, excluded].join('\n\n')}\n`
}
