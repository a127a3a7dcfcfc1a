import type { Assumption } from './audit-schema.js'
import type { BoundedJ } from '../model/device-outcome.js'
import type { DeviceRecord } from './device-records.js'
import type { NodeEnergy } from './node-model.js'

/** The PUE applied, with its range. */
export interface PueChoice {
  value: number
  low: number
  high: number
  source: string
  isDefault: boolean
  /** Said in the warnings when the user's PUE was not used. */
  note?: string | undefined
}

/** The PUE as the audit and the estimate both state it. */
export function pueAssumption(pue: PueChoice): Assumption {
  return {
    value: pue.value,
    low: pue.low,
    high: pue.high,
    source: pue.source,
    is_default: pue.isDefault
  }
}

/** Energy totals in J, each with bounds. */
export interface EnergyTotals {
  gpu: BoundedJ
  measuredGpu: BoundedJ
  it: BoundedJ
  facility: BoundedJ
}

const ZERO: BoundedJ = { valueJ: 0, lowJ: 0, highJ: 0 }

/**
 * Adds the devices and the node terms up: IT energy is every device's
 * energy plus the modelled host and (α_w − 1) terms; facility energy is
 * IT × PUE, bounds by interval arithmetic.
 */
export function sumEnergy(
  devices: readonly DeviceRecord[],
  nodes: readonly NodeEnergy[],
  pue: PueChoice
): EnergyTotals {
  const gpus = devices.filter(d => d.identity.kind === 'gpu')
  const gpu = sum(gpus.map(d => d.outcome.energy))
  const measuredGpu = sum(
    gpus.filter(d => d.outcome.level !== 'L1').map(d => d.outcome.energy)
  )
  const all = sum(devices.map(d => d.outcome.energy))
  const node = sum(nodes.flatMap(n => [n.hostJ, n.extraJ]))
  const it = sum([all, node])
  const facility = {
    valueJ: it.valueJ * pue.value,
    lowJ: it.lowJ * pue.low,
    highJ: it.highJ * pue.high
  }
  return { gpu, measuredGpu, it, facility }
}

/** Sum of bounded energies. */
export function sum(parts: readonly BoundedJ[]): BoundedJ {
  return parts.reduce(
    (total, part) => ({
      valueJ: total.valueJ + part.valueJ,
      lowJ: total.lowJ + part.lowJ,
      highJ: total.highJ + part.highJ
    }),
    ZERO
  )
}

/** J → kWh. */
export function toKWh(energyJ: number): number {
  return energyJ / 3.6e6
}
