/**
 * The what-if speed-ups a plan asks for (FlashAttention-2, FP8), read
 * from calibration-data/mfu.json and multiplied into one factor with
 * bounds.
 */
import type { Hardware } from '../calibration/index.js'
import { getSpeedup } from '../calibration/mfu-presets.js'
import { formatSource } from '../calibration/sources.js'
import type { PlanInput } from './plan-input.js'
import type { Bounded } from './plan-schema.js'

/** Bounds with their source and whether the user chose them. */
export type SourcedBounds = Bounded & { source: string; isDefault: boolean }

/** One speed-up as applied. */
export interface AppliedSpeedup extends Bounded {
  id: string
  source: string
}

/** The product of the speed-ups, each one, and what to know about them. */
export interface PlanSpeedups {
  speedup: Bounded
  speedups: AppliedSpeedup[]
  notes: string[]
}

/** Each speed-up once, in the order given, with its factor and source. */
export function planSpeedups(
  input: PlanInput,
  hardware: Hardware
): PlanSpeedups {
  const ids = [...new Set(input.speedups ?? [])]
  const speedups = ids.map(id => applied(id))
  const speedup = speedups.reduce(
    (product, s) => ({
      value: product.value * s.value,
      low: product.low * s.low,
      high: product.high * s.high
    }),
    { value: 1, low: 1, high: 1 }
  )
  const notes = ids.includes('fp8')
    ? [`FP8 on ${hardware.display_name}: ${getSpeedup('fp8')?.caveats ?? ''}`]
    : []
  return { speedup, speedups, notes }
}

/** A speed-up record as applied; the ids are checked by the schema. */
function applied(id: string): AppliedSpeedup {
  const record = getSpeedup(id)
  if (record === undefined)
    throw new Error(`calibration-data/mfu.json lost speed-up ${id}`)
  const { value, low, high } = record
  const source = `${record.derivation} Applies to ${record.applies_to}. Source: ${formatSource(record.source)}`
  return { id, value, low, high, source }
}
