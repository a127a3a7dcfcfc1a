import {
  COMPONENT_KINDS,
  type CodeCarbonRow,
  type ComponentValues
} from './codecarbon-row.js'

/** What one row adds over [startMs, endMs]; energies in kWh, as written. */
export interface RunIncrement {
  startMs: number
  endMs: number
  energyKWh: ComponentValues<number | null>
  totalKWh: number | null
  emissionsKg: number | null
}

/** The running totals of one run, from its latest accepted row. */
interface RunState {
  startMs: number
  durationS: number
  energyKWh: ComponentValues<number | null>
  totalKWh: number | null
  emissionsKg: number | null
}

/**
 * Runs remembered at once. CodeCarbon appends one run after another, so
 * only recent runs can repeat; the bound keeps memory flat on huge files.
 */
const MAX_OPEN_RUNS = 10_000

/**
 * Turns rows into increments. A tracker that flushes during a run appends
 * a row per flush with the run's totals so far (same run_id, growing
 * duration and energies; the v2.0-era BigScience file has hundreds per
 * run). Summing them would count early energy many times, so a repeated
 * run contributes only what it added since its previous row. The result
 * is differenced, not integrated: every value still comes from the file.
 */
export class CumulativeRuns {
  private readonly runs = new Map<string, RunState>()

  /** The increment for `row`, null for an exact repeat, or a reject reason. */
  increment(row: CodeCarbonRow): RunIncrement | null | string {
    const previous =
      row.runId === undefined ? undefined : this.runs.get(row.runId)
    return previous === undefined
      ? this.firstRow(row)
      : this.laterRow(row, previous)
  }

  /** A run seen for the first time covers [end − duration, end]. */
  private firstRow(row: CodeCarbonRow): RunIncrement {
    const startMs = row.endMs - row.durationS * 1000
    const state: RunState = {
      startMs,
      durationS: row.durationS,
      energyKWh: { ...row.energyKWh },
      totalKWh: row.totalKWh,
      emissionsKg: row.emissionsKg
    }
    if (row.runId !== undefined) this.remember(row.runId, state)
    return {
      startMs,
      endMs: row.endMs,
      energyKWh: { ...row.energyKWh },
      totalKWh: row.totalKWh,
      emissionsKg: row.emissionsKg
    }
  }

  /** A repeated run adds what changed since its previous row. */
  private laterRow(
    row: CodeCarbonRow,
    previous: RunState
  ): RunIncrement | null | string {
    const id = row.runId ?? ''
    if (row.durationS < previous.durationS) {
      return `expected run ${id}'s cumulative duration to grow from ${previous.durationS} s, found ${row.durationS} s`
    }
    const deltas = differences(row, previous)
    if (typeof deltas === 'string') return `expected run ${id}'s ${deltas}`

    if (row.durationS === previous.durationS) {
      if (isAllZero(deltas)) return null
      return `expected a repeat of run ${id} at ${row.durationS} s to repeat its energies, found different values`
    }
    // Windows follow on from the run's start, so they neither overlap
    // nor leave holes, whatever the 1 s rounding of the timestamps.
    const startMs = previous.startMs + previous.durationS * 1000
    const endMs = previous.startMs + row.durationS * 1000
    this.advance(previous, row)
    return { ...deltas, startMs, endMs }
  }

  /** Moves a run's totals to `row`, keeping values `row` lacks. */
  private advance(state: RunState, row: CodeCarbonRow): void {
    for (const kind of COMPONENT_KINDS) {
      state.energyKWh[kind] = row.energyKWh[kind] ?? state.energyKWh[kind]
    }
    state.totalKWh = row.totalKWh ?? state.totalKWh
    state.emissionsKg = row.emissionsKg ?? state.emissionsKg
    state.durationS = row.durationS
  }

  /** Stores a run, forgetting the oldest beyond MAX_OPEN_RUNS. */
  private remember(runId: string, state: RunState): void {
    this.runs.set(runId, state)
    if (this.runs.size > MAX_OPEN_RUNS) {
      const oldest = this.runs.keys().next().value
      if (oldest !== undefined) this.runs.delete(oldest)
    }
  }
}

type Deltas = Omit<RunIncrement, 'startMs' | 'endMs'>

/** Each value minus its previous total; a string names one that fell. */
function differences(row: CodeCarbonRow, previous: RunState): Deltas | string {
  const energyKWh: ComponentValues<number | null> = {
    gpu: null,
    cpu: null,
    ram: null
  }
  for (const kind of COMPONENT_KINDS) {
    const delta = difference(row.energyKWh[kind], previous.energyKWh[kind])
    if (Number.isNaN(delta)) return `${kind}_energy not to fall`
    energyKWh[kind] = delta
  }
  const totalKWh = difference(row.totalKWh, previous.totalKWh)
  const emissionsKg = difference(row.emissionsKg, previous.emissionsKg)
  if (Number.isNaN(totalKWh)) return 'energy_consumed not to fall'
  if (Number.isNaN(emissionsKg)) return 'emissions not to fall'
  return { energyKWh, totalKWh, emissionsKg }
}

/** current − previous; null when current is missing, NaN when it fell. */
function difference(
  current: number | null,
  previous: number | null
): number | null {
  if (current === null) return null
  const delta = current - (previous ?? 0)
  return delta < 0 ? Number.NaN : delta
}

/** True when no delta holds energy or emissions. */
function isAllZero(deltas: Deltas): boolean {
  const values = [
    ...COMPONENT_KINDS.map(kind => deltas.energyKWh[kind]),
    deltas.totalKWh,
    deltas.emissionsKg
  ]
  return values.every(value => value === null || value === 0)
}
