import type { EmittedRow } from './fake-node.js'

/**
 * The test's own arithmetic, sharing no code with the collector or the
 * audit: nvidia-smi time text read as UTC, and the trapezoid rule.
 */

/** `YYYY/MM/DD HH:MM:SS.mmm` as UTC epoch ms. */
export function utcMs(text: string): number {
  const m = /^(\d{4})\/(\d\d)\/(\d\d) (\d\d):(\d\d):(\d\d)\.(\d{3})$/.exec(text)
  if (m === null) throw new Error(`not nvidia-smi time: ${text}`)
  const [y, mo, d, h, mi, s, ms] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number
  ]
  return Date.UTC(y, mo - 1, d, h, mi, s, ms)
}

/** Σ (t[i+1] − t[i]) · (P[i] + P[i+1]) / 2 over consecutive readings, in J. */
export function trapezoidJ(
  points: readonly { timeMs: number; powerW: number }[]
): number {
  let energyJ = 0
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!
    const b = points[i]!
    energyJ += ((b.timeMs - a.timeMs) / 1000) * ((a.powerW + b.powerW) / 2)
  }
  return energyJ
}

/** One GPU's numeric readings of `field` from the rows the fake printed (sentinels skipped). */
export function seriesOf(
  rows: readonly EmittedRow[],
  index: number,
  field: string
): { timeMs: number; powerW: number }[] {
  const points: { timeMs: number; powerW: number }[] = []
  for (const row of rows.filter(r => r.index === index)) {
    const cell = row.cells[row.fields.indexOf(field)] ?? ''
    if (!/^\d+(\.\d+)?$/.test(cell)) continue
    points.push({
      timeMs: utcMs(row.cells[row.fields.indexOf('timestamp')]!),
      powerW: Number(cell)
    })
  }
  return points
}
