/**
 * Mean board power per GPU over a planned run: P_idle + u·(P_max − P_idle)
 * with u from the utilisation presets (or a fixed power the planner
 * gives), then a power cap's measured trade where the cap binds.
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
  const cap = capEffect(input, hardware, uncappedW)
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
 * interpolated linearly from no effect at 100 % to the measured point. A
 * cap below the measured fraction is refused unless it never binds.
 */
function capEffect(
  input: PlanInput,
  hardware: Hardware,
  uncappedW: Bounded
): CapEffect | null {
  const capW = input.powerCapW
  const maxW = hardware.max_power_w.value
  if (capW === undefined || capW >= maxW) return null
  const trade = powerCapTrade()
  const fraction = capW / maxW
  if (fraction < trade.cap_fraction && uncappedW.high > capW) {
    const lowestW = Math.ceil(trade.cap_fraction * maxW)
    throw new PlanInputError([
      `powerCapW: ${capW} W is ${(fraction * 100).toFixed(0)} % of the ${hardware.display_name}'s ${maxW} W; accepted from ${lowestW} W (${trade.cap_fraction * 100} %, the lowest cap the bundled measurement covers); a cap at or above the GPUs' planned power, up to ${uncappedW.high.toFixed(0)} W here, has no effect`
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
 * Where the cap binds (planned power above it), the measured factors as
 * they are: power × energy ÷ time, time × time factor, so GPU energy
 * changes by exactly the energy factor, bounds included. No clamp to the cap on top: the
 * factors already hold the throttling measured (calibration-data/mfu.json,
 * power_cap caveats). At or below the planned power a cap does nothing.
 */
function applyCap(
  uncappedW: Bounded,
  cap: CapEffect | null
): { gpuW: Bounded; slowdown: Bounded; capNote: string | null } {
  if (cap === null) return { gpuW: uncappedW, slowdown: NO_CAP, capNote: null }
  const binds = (w: number): boolean => w > cap.capW
  const at = (w: number, energy: number, time: number): number =>
    binds(w) ? (w * energy) / time : w
  const value = at(uncappedW.value, cap.energy.value, cap.time.value)
  // Each power bound pairs with the time bound of the same end (the low
  // time takes slowdown.low), so GPU energy stays inside the measured
  // energy factors. Power is not monotone in the uncapped power across
  // the cap, so the bounds also take the central value in.
  const gpuW = {
    value,
    low: Math.min(value, at(uncappedW.low, cap.energy.low, cap.time.low)),
    high: Math.max(value, at(uncappedW.high, cap.energy.high, cap.time.high))
  }
  const slowdown = {
    value: binds(uncappedW.value) ? cap.time.value : 1,
    low: binds(uncappedW.low) ? cap.time.low : 1,
    high: binds(uncappedW.high) ? cap.time.high : 1
  }
  return { gpuW, slowdown, capNote: capNote(cap, uncappedW, gpuW.value) }
}

/** What the cap did, or why it did nothing, with the measurement's source. */
function capNote(cap: CapEffect, uncappedW: Bounded, cappedW: number): string {
  const source = powerCapTrade()
  const cited = `${source.derivation} ${source.caveats} Source: ${formatSource(source.source)}`
  const planned = `${uncappedW.value.toFixed(0)} W`
  if (uncappedW.value <= cap.capW) {
    const high =
      uncappedW.high > cap.capW
        ? `; it binds only toward the high end of the power range (${uncappedW.high.toFixed(0)} W)`
        : ''
    return `power cap ${cap.capW} W: at or above the GPUs' planned ${planned}, so it has no effect on the central estimate${high}. ${cited}`
  }
  const f = (b: Bounded): string =>
    `${b.value.toFixed(3)} (${b.low.toFixed(3)}–${b.high.toFixed(3)})`
  const above =
    cappedW > cap.capW
      ? ` The implied mean, ${cappedW.toFixed(0)} W, is above the cap: this GPU draws closer to its maximum than the measured ones, so the saving is understated.`
      : ''
  return `power cap ${cap.capW} W below the GPUs' planned ${planned}: time × ${f(cap.time)}, GPU energy × ${f(cap.energy)}, the measured factors, with no clamp to the cap on top.${above} ${cited}`
}
