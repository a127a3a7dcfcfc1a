/**
 * The what-if catalogue: one change to a plan each. Four take no
 * parameter (FlashAttention-2 from FlashAttention, from unfused attention,
 * FP8, a 60 % power cap); four take one, written `id=value`:
 * `gpu=h200-sxm`, `region=FR`, `gpus=128`, `power-cap=500` (W).
 */
import { getSpeedup, powerCapTrade } from '../calibration/mfu-presets.js'
import { formatSource } from '../calibration/sources.js'
import { fp8PeakRatio, resolvePlanGpu } from './plan-hardware.js'
import {
  NO_NODE_PROFILE,
  type OptionalPlanField,
  type PlanInput,
  PlanInputError,
  type SpeedupId,
  withoutFields
} from './plan-input.js'

/** One change to a plan, with where its effect comes from. */
export interface WhatIf {
  id: string
  title: string
  source: string
  apply(input: PlanInput): PlanInput
  /** Why the change does not apply to this plan; null when it does. */
  notApplicable?(input: PlanInput): string | null
}

/** A speed-up what-if from calibration-data/mfu.json. */
function speedupWhatIf(id: SpeedupId, title: string): WhatIf {
  const record = getSpeedup(id)
  const source =
    record === undefined
      ? ''
      : `×${record.value} (${record.low}–${record.high}): ${record.derivation} Applies to ${record.applies_to}. ${record.caveats} ${formatSource(record.source)}`
  return {
    id,
    title,
    source,
    apply: input => ({ ...input, speedups: [...(input.speedups ?? []), id] }),
    notApplicable: input => {
      const already = (input.speedups ?? []).filter(
        s => s === id || (id.startsWith('flash') && s.startsWith('flash'))
      )
      if (already.length > 0)
        return `the plan already has ${already.join(', ')}`
      if (id === 'fp8' && fp8PeakRatio(resolvePlanGpu(input.gpu)) === null)
        return `${resolvePlanGpu(input.gpu).display_name} has no FP8 tensor cores`
      return null
    }
  }
}

/** A power cap at the measured fraction of max board power. */
function measuredCapWhatIf(): WhatIf {
  const trade = powerCapTrade()
  const percent = trade.cap_fraction * 100
  return {
    id: 'power-cap',
    title: `Cap each GPU at ${percent} % of its max board power`,
    source: `${trade.derivation} ${trade.caveats} ${formatSource(trade.source)}`,
    apply: input => ({
      ...input,
      powerCapW: Math.ceil(
        trade.cap_fraction * resolvePlanGpu(input.gpu).max_power_w.value
      )
    }),
    notApplicable: input =>
      input.gpuPowerW !== undefined
        ? 'the plan fixes the power per GPU'
        : input.powerCapW !== undefined
          ? 'the plan already has a power cap'
          : null
  }
}

/** The what-ifs that take no parameter. */
export const WHAT_IFS: readonly WhatIf[] = [
  speedupWhatIf(
    'flash-attention-2',
    'FlashAttention-2 instead of FlashAttention (v1)'
  ),
  speedupWhatIf(
    'flash-attention-2-from-eager',
    'FlashAttention-2 instead of unfused attention'
  ),
  speedupWhatIf('fp8', 'FP8 instead of BF16 (Transformer Engine)'),
  measuredCapWhatIf()
]

/** A what-if that takes one parameter, written `id=value`. */
export interface ParameterisedWhatIf {
  id: string
  parameter: string
  make(value: string): WhatIf
}

/** `gpu=ID`, `region=R`, `gpus=N`, `power-cap=W`. */
export const PARAMETERISED_WHAT_IFS: readonly ParameterisedWhatIf[] = [
  { id: 'gpu', parameter: 'accelerator id, e.g. h200-sxm', make: anotherGpu },
  {
    id: 'region',
    parameter: 'country, grid zone or cloud region, e.g. FR',
    make: anotherRegion
  },
  { id: 'gpus', parameter: 'GPU count, e.g. 128', make: anotherCount },
  { id: 'power-cap', parameter: 'cap per GPU in W, e.g. 500', make: anotherCap }
]

/** Another accelerator; its own catalogue values replace GPU-specific overrides. */
function anotherGpu(value: string): WhatIf {
  const hardware = resolvePlanGpu(value)
  return {
    id: `gpu=${hardware.id}`,
    title: `${hardware.display_name} instead`,
    source: `the ${hardware.id} record of calibration-data/hardware.json and its MFU preset; a fixed power, peak, power cap or node profile of the baseline is dropped. ${formatSource(hardware.source)}`,
    apply: input => {
      const dropped: OptionalPlanField[] = [
        'peakTflops',
        'gpuPowerW',
        'powerCapW'
      ]
      if (input.nodeProfile !== NO_NODE_PROFILE) dropped.push('nodeProfile')
      return { ...withoutFields(input, dropped), gpu: hardware.id }
    }
  }
}

/** Another place; the region's intensity replaces a given one. */
function anotherRegion(value: string): WhatIf {
  const region = value.trim()
  if (region === '')
    throw new PlanInputError([
      'what-if region: expected a region, e.g. region=FR'
    ])
  return {
    id: `region=${region}`,
    title: `Run in ${region} instead`,
    source:
      'grid intensity from the bundled Ember and Electricity Maps data (calibration-data/, @tgwf/co2); a given intensity is dropped',
    apply: input => ({
      ...withoutFields(input, ['intensityGPerKWh']),
      region
    })
  }
}

/** Another GPU count: the same FLOPs over more or fewer GPUs. */
function anotherCount(value: string): WhatIf {
  const gpus = Number(value)
  if (!/^\d+$/.test(value.trim()) || gpus < 1)
    throw new PlanInputError([
      `what-if gpus: got "${value}"; expected a whole number of GPUs from 1, e.g. gpus=128`
    ])
  return {
    id: `gpus=${gpus}`,
    title: `${gpus} GPUs instead`,
    source:
      'the same MFU at any count (scaling losses are not modelled); host power follows the node count',
    apply: input => ({ ...input, gpus })
  }
}

/** A cap at a given power per GPU. */
function anotherCap(value: string): WhatIf {
  const capW = Number(value)
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !(capW > 0))
    throw new PlanInputError([
      `what-if power-cap: got "${value}"; expected W per GPU greater than 0, e.g. power-cap=500`
    ])
  const base = measuredCapWhatIf()
  return {
    ...base,
    id: `power-cap=${capW}`,
    title: `Cap each GPU at ${capW} W`,
    apply: input => ({ ...input, powerCapW: capW }),
    notApplicable: input =>
      input.gpuPowerW !== undefined ? 'the plan fixes the power per GPU' : null
  }
}

/** The what-if a spec names: `fp8`, or `gpu=h200-sxm` and the like. */
export function resolveWhatIf(spec: string): WhatIf {
  const [id = '', ...rest] = spec.trim().split('=')
  const value = rest.join('=')
  const parameterised = PARAMETERISED_WHAT_IFS.find(w => w.id === id)
  if (rest.length > 0 && parameterised !== undefined)
    return parameterised.make(value)
  const plain = WHAT_IFS.find(w => w.id === id)
  if (rest.length === 0 && plain !== undefined) return plain
  const known = [
    ...WHAT_IFS.map(w => w.id),
    ...PARAMETERISED_WHAT_IFS.map(w => `${w.id}=…`)
  ]
  throw new PlanInputError([
    `what-if: got "${spec}"; expected one of ${known.join(', ')}`
  ])
}
