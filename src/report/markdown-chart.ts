import { escapeMarkdown } from './escape-markdown.js'
import { formatNumber, isKnown } from './format-number.js'

/**
 * Extension point for the power-over-time chart. ecocompute.audit/v1 does
 * not carry power series, so the report has nothing to draw from a result
 * alone and renderMarkdown calls this without series. A caller that holds
 * the samples (the audit run itself) can pass bucketed means to get a
 * Mermaid `xychart-beta` chart.
 */

/** Mean power of one device on a shared time grid. */
export interface PowerSeries {
  /** Device id or name, from the file: escaped here. */
  label: string
  /** Mean W per bucket; every series has one value per bucket. */
  meanW: readonly number[]
}

/** Lines beyond this would be indistinguishable without a legend. */
const MAX_SERIES = 8

/** Mermaid draws about this many points legibly across a comment. */
const MAX_POINTS = 100

/**
 * A Mermaid power chart and its legend, or undefined when no series was
 * given or a series holds a value that is not a finite number (a chart
 * cannot show a gap, and drawing one as zero would be false).
 */
export function renderPowerChart(
  series: readonly PowerSeries[] | undefined,
  bucketS: number
): string | undefined {
  const drawn = (series ?? []).slice(0, MAX_SERIES)
  if (!isDrawable(drawn) || !(bucketS > 0)) return undefined
  const points = drawn.map(s => downsample(s.meanW, MAX_POINTS))
  const topW = Math.max(...points.flat(), 1)
  const spanMin = ((drawn[0]?.meanW.length ?? 0) * bucketS) / 60
  const chart = [
    '```mermaid',
    'xychart-beta',
    '  title "Power over time"',
    `  x-axis "time (min)" 0 --> ${formatNumber(spanMin).replace(/,/g, '')}`,
    `  y-axis "power (W)" 0 --> ${Math.ceil(topW)}`,
    ...points.map(p => `  line [${p.map(v => v.toFixed(1)).join(', ')}]`),
    '```'
  ]
  const legend = drawn.map(
    (s, i) => `line ${i + 1}: ${escapeMarkdown(s.label, 80)}`
  )
  return `${chart.join('\n')}\n\n${legend.join(' · ')}`
}

/** True when there are series, all as long as each other and finite. */
function isDrawable(series: readonly PowerSeries[]): boolean {
  const length = series[0]?.meanW.length ?? 0
  return (
    length > 0 &&
    series.every(s => s.meanW.length === length && s.meanW.every(isKnown))
  )
}

/** Averages consecutive values so at most `maxPoints` remain. */
function downsample(values: readonly number[], maxPoints: number): number[] {
  const step = Math.ceil(values.length / maxPoints)
  const result: number[] = []
  for (let start = 0; start < values.length; start += step) {
    const chunk = values.slice(start, start + step)
    result.push(chunk.reduce((sum, v) => sum + v, 0) / chunk.length)
  }
  return result
}
