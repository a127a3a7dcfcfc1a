/**
 * Header reading for nvidia-smi `--query-gpu` CSV and its many hand-made
 * cousins: maps each header cell to a canonical field by name, whatever the
 * spelling (`power.draw [W]`, `power.draw`, `power_draw_w`).
 */

/** Fields the audit uses; every other column only feeds the stale check. */
export const CANONICAL_FIELDS = [
  'timestamp',
  'power.draw',
  'power.draw.instant',
  'power.draw.average',
  'power.limit',
  'utilization.gpu',
  'uuid',
  'pci.bus_id',
  'index',
  'gpu',
  'name'
] as const
export type CanonicalField = (typeof CANONICAL_FIELDS)[number]

/** Spellings seen in real logs, after normalising, for each field. */
const SYNONYMS: Record<string, CanonicalField> = {
  timestamp: 'timestamp',
  time: 'timestamp',
  datetime: 'timestamp',
  'power.draw': 'power.draw',
  'power.draw.w': 'power.draw',
  'power.w': 'power.draw',
  power: 'power.draw',
  'power.usage': 'power.draw',
  'power.draw.instant': 'power.draw.instant',
  'power.draw.instant.w': 'power.draw.instant',
  'power.draw.average': 'power.draw.average',
  'power.draw.average.w': 'power.draw.average',
  'power.limit': 'power.limit',
  'power.limit.w': 'power.limit',
  'enforced.power.limit': 'power.limit',
  'utilization.gpu': 'utilization.gpu',
  'utilization.gpu.pct': 'utilization.gpu',
  'utilization.gpu.percent': 'utilization.gpu',
  'gpu.util': 'utilization.gpu',
  uuid: 'uuid',
  'gpu.uuid': 'uuid',
  'pci.bus.id': 'pci.bus_id',
  'pci.bus_id': 'pci.bus_id',
  index: 'index',
  'gpu.index': 'index',
  gpu: 'gpu',
  'gpu.id': 'gpu',
  name: 'name',
  'gpu.name': 'name'
}

/** One header cell understood. */
export interface HeaderColumn {
  position: number
  raw: string
  field: CanonicalField | undefined
  /** Unit from `[W]`-style brackets or a `_w` suffix, lower case. */
  unit: string | undefined
}

/** Normalises `Power_Draw [W]` to `power.draw` and returns its unit. */
export function normaliseHeaderCell(raw: string): {
  key: string
  unit: string | undefined
} {
  const trimmed = raw.trim().replace(/^"(.*)"$/, '$1')
  const bracket = /\s*\[([^\]]*)\]\s*$/.exec(trimmed)
  const unit = bracket ? bracket[1]!.trim().toLowerCase() : undefined
  const name = bracket ? trimmed.slice(0, bracket.index) : trimmed
  const key = name
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, '.')
  return { key, unit: unit ?? suffixUnit(key) }
}

/** Unit implied by a snake_case suffix such as `power_draw_w`. */
function suffixUnit(key: string): string | undefined {
  if (key.endsWith('.w')) return 'w'
  if (key.endsWith('.pct') || key.endsWith('.percent')) return '%'
  return undefined
}

/** Maps every header cell to a canonical field where one is known. */
export function readHeader(cells: readonly string[]): HeaderColumn[] {
  return cells.map((raw, position) => {
    const { key, unit } = normaliseHeaderCell(raw)
    return { position, raw: raw.trim(), field: SYNONYMS[key], unit }
  })
}

/** True when a header names a timestamp and at least one power field. */
export function looksLikeHeader(columns: readonly HeaderColumn[]): boolean {
  const fields = new Set(columns.map(column => column.field))
  const hasPower =
    fields.has('power.draw') ||
    fields.has('power.draw.instant') ||
    fields.has('power.draw.average')
  return fields.has('timestamp') && hasPower
}
