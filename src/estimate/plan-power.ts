/**
 * Mean board power per GPU over a planned run: the section-3 L1 rule
 * P_idle + u·(P_max − P_idle) with u from the utilisation presets (or a
 * fixed power the planner gives), then a power cap's measured trade.
 */
import type { Hardware } from '../calibration/index.js'
import {
  powerCapTrade,
  utilisationPresetFor
} from '../calibration/mfu-presets.js'
import { formatSource } from '../calibration/sources.js'
import { type PlanInput, PlanInputError } from './plan-input.js'
import type { Bounded } from './plan-schema.js'
import type { SourcedBounds } from './plan-speedups.js'

const NO_CAP: Bounded = { value: 1, low: 1, high: 1 }

/** GPU power and the cap's effect on time. */
export interface PlanPower {
  utilisation: SourcedBounds | null
  /** Board power per GPU before any cap. */
  uncappedW: Bounded
  /** Board power per GPU with the cap applied. */
  gpuW: Bounded
  idleW: Bounded
  /** The cap's time factor (1 without a cap). */
  slowdown: Bounded
  capNote: string | null
}

/** Power per GPU with bounds, and the slow-down a cap costs. */
export function planPower(input: PlanInput, hardware: Hardware): PlanPower {
  const idle = hardware.idle_w
  const idleW = { value: idle.value, low: idle.low, high: idle.high }
  const utilisation =
    input.gpuPowerW === undefined ? planUtilisation(input) : null
  const uncappedW =
    utilisation === null
      ? fixed(input.gpuPowerW ?? 0)
      : fromUtilisation(hardware, utilisation)
  const cap = capEffect(input, hardware)
  return { utilisation, uncappedW, idleW, ...applyCap(uncappedW, cap) }
}

/** The utilisation given, or the kind's preset. */
function planUtilisation(input: PlanInput): SourcedBounds {
  const given = input.utilisation
  if (given !== undefined)
    return {
      value: given,
      low: given,
      high: given,
      source: 'given by the user',
      isDefault: false
    }
  const preset = utilisationPresetFor(input.kind)
  const source = `${preset.derivation} Source: ${formatSource(preset.source)}`
  return {
    value: preset.value,
    low: preset.low,
    high: preset.high,
    source,
    isDefault: true
  }
}

/** P = P_idle + u·(P_max − P_idle); rises with both P_idle and u. */
function fromUtilisation(hardware: Hardware, u: Bounded): Bounded {
  const maxW = hardware.max_power_w.value
  const idle = hardware.idle_w
  const at = (idleW: number, fraction: number): number =>
    idleW + fraction * (maxW - idleW)
  return {
    value: at(idle.value, u.value),
    low: at(idle.low, u.low),
    high: at(idle.high, u.high)
  }
}

function fixed(value: number): Bounded {
  return { value, low: value, high: value }
}

/** A cap's time and GPU-energy factors, or null when there is none. */
interface CapEffect {
  capW: number
  time: Bounded
  energy: Bounded
}

/**
 * The measured trade at the cap's fraction of max board power,
 * interpolated linearly from no effect at 100 % to the measured point.
 */
function capEffect(input: PlanInput, hardware: Hardware): CapEffect | null {
  const capW = input.powerCapW
  const maxW = hardware.max_power_w.value
  if (capW === undefined || capW >= maxW) return null
  const trade = powerCapTrade()
  const fraction = capW / maxW
  if (fraction < trade.cap_fraction) {
    const lowestW = Math.ceil(trade.cap_fraction * maxW)
    throw new PlanInputError([
      `powerCapW: ${capW} W is ${(fraction * 100).toFixed(0)} % of the ${hardware.display_name}'s ${maxW} W; accepted from ${lowestW} W (${trade.cap_fraction * 100} %, the lowest cap the bundled measurement covers); a cap at or above ${maxW} W has no effect`
    ])
  }
  const weight = (1 - fraction) / (1 - trade.cap_fraction)
  const toward = (f: Bounded): Bounded => ({
    value: 1 + (f.value - 1) * weight,
    low: 1 + (f.low - 1) * weight,
    high: 1 + (f.high - 1) * weight
  })
  return {
    capW,
    time: toward(trade.time_factor),
    energy: toward(trade.gpu_energy_factor)
  }
}

/**
 * Capped power = uncapped × energy factor ÷ time factor, never above the
 * cap itself; low takes the low energy and high time factors.
 */
function applyCap(
  uncappedW: Bounded,
  cap: CapEffect | null
): { gpuW: Bounded; slowdown: Bounded; capNote: string | null } {
  if (cap === null) return { gpuW: uncappedW, slowdown: NO_CAP, capNote: null }
  const at = (w: number, energy: number, time: number): number =>
    Math.min((w * energy) / time, cap.capW)
  const gpuW = {
    value: at(uncappedW.value, cap.energy.value, cap.time.value),
    low: at(uncappedW.low, cap.energy.low, cap.time.high),
    high: at(uncappedW.high, cap.energy.high, cap.time.low)
  }
  const source = powerCapTrade()
  const capNote = `power cap ${cap.capW} W: time × ${cap.time.value.toFixed(3)} (${cap.time.low.toFixed(3)}–${cap.time.high.toFixed(3)}), GPU energy × ${cap.energy.value.toFixed(3)} (${cap.energy.low.toFixed(3)}–${cap.energy.high.toFixed(3)}), power held at or below the cap. ${source.derivation} ${source.caveats} Source: ${formatSource(source.source)}`
  return { gpuW, slowdown: cap.time, capNote }
}
