import type { CanonicalField } from './header.js'

/**
 * A UUID or bus id names one physical GPU by construction: the same value
 * twice at one time is the same GPU sampled twice, never a mislabelled
 * column, so the model sees the duplicate and rejects it by line.
 */
const ALWAYS_TRUSTED = new Set<CanonicalField>(['uuid', 'pci.bus_id'])

/** Identity columns in order of preference: most specific first. */
const IDENTITY_FIELDS: CanonicalField[] = ['uuid', 'pci.bus_id', 'index', 'gpu']

/** The chosen identity column, with notes on any column distrusted. */
export interface IdentityChoice {
  position: number | undefined
  field: CanonicalField | undefined
  notes: string[]
}

/**
 * Picks the column that tells GPUs apart. A candidate is trusted only if
 * its values are distinct within every sampling frame (rows sharing one
 * timestamp) of the head rows: one real 8-GPU log has an `index` column
 * that reads 0 on every row, and trusting it would merge eight GPUs.
 */
export function chooseIdentityColumn(
  find: (field: CanonicalField) => number | undefined,
  rows: readonly string[][],
  timestampColumn: number,
  named: ReadonlySet<CanonicalField> = new Set()
): IdentityChoice {
  const notes: string[] = []
  const frames = groupByTimestamp(rows, timestampColumn)
  for (const field of IDENTITY_FIELDS) {
    const position = find(field)
    if (position === undefined) continue
    const trusted =
      ALWAYS_TRUSTED.has(field) ||
      named.has(field) ||
      !hasFrameStructure(frames) ||
      variesWithinFrames(frames, position)
    if (trusted) return { position, field, notes }
    notes.push(
      `column ${field} holds one value in every sampling frame of several rows, so it does not tell GPUs apart; ignored`
    )
  }
  return { position: undefined, field: undefined, notes }
}

/**
 * True when the column takes more than one value within some frame of
 * several rows. A column stuck at one value there (an \`index\` of 0 on all
 * eight GPUs of a frame) names nothing; one that varies does, even when a
 * logger with one-second timestamps puts two samples of a GPU in a frame.
 */
function variesWithinFrames(frames: string[][][], position: number): boolean {
  return frames.some(frame => {
    if (frame.length < 2) return false
    return new Set(frame.map(row => row[position] ?? '')).size > 1
  })
}

/**
 * True when at least two timestamps each hold several rows: only then do
 * repeated values show a mislabelled column rather than duplicate rows of
 * one GPU, which the model must reject by line.
 */
function hasFrameStructure(frames: string[][][]): boolean {
  return frames.filter(frame => frame.length > 1).length >= 2
}

/** Rows grouped by their timestamp cell text. */
function groupByTimestamp(
  rows: readonly string[][],
  timestampColumn: number
): string[][][] {
  const frames = new Map<string, string[][]>()
  for (const row of rows) {
    const key = row[timestampColumn] ?? ''
    const frame = frames.get(key)
    if (frame) frame.push(row)
    else frames.set(key, [row])
  }
  return [...frames.values()]
}
