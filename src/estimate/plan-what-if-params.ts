/**
 * The what-ifs that take one parameter, written `id=value`:
 * `gpu=h200-sxm`, `region=FR`, `gpus=128`, `power-cap=500` (W), and the
 * lookup of any what-if by its spec. Each changes one thing.
 */
import { unknownRegionProblem } from '../audit/audit-choices.js'
import { resolveIntensity } from '../calibration/index.js'
import { formatSource } from '../calibration/sources.js'
import { denseTflops, fp8PeakRatio, resolvePlanGpu } from './plan-hardware.js'
import {
  type OptionalPlanField,
  type PlanInput,
  PlanInputError,
  withoutFields
} from './plan-input.js'
import {
  measuredCapWhatIf,
  type WhatIf,
  WHAT_IFS
} from './plan-what-if-catalogue.js'

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

/**
 * The baseline's fields that belong to its accelerator: a fixed power, a
 * given or sparse peak, an MFU (1 in the report preset), a power cap in W
 * and a node profile, `none` included. The new GPU's defaults replace them.
 */
const GPU_FIELDS: readonly OptionalPlanField[] = [
  'gpuPowerW',
  'peakTflops',
  'peak',
  'mfu',
  'powerCapW',
  'nodeProfile'
]

/** Another accelerator at its own dense peak, MFU preset and node profile. */
function anotherGpu(value: string): WhatIf {
  const hardware = resolvePlanGpu(value)
  return {
    id: `gpu=${hardware.id}`,
    title: `${hardware.display_name} instead`,
    source: `the ${hardware.id} record of calibration-data/hardware.json (its dense peak) and its MFU preset; the baseline's fixed power per GPU, given or sparse peak, MFU, power cap and node profile (none included) are dropped, so this GPU's own defaults apply. ${formatSource(hardware.source)}`,
    apply: input => ({ ...withoutFields(input, GPU_FIELDS), gpu: hardware.id }),
    notApplicable: input => {
      if (denseTflops(hardware) === null)
        return `calibration-data/hardware.json has no dense TFLOP/s for ${hardware.display_name}`
      const fp8 = (input.speedups ?? []).includes('fp8')
      if (fp8 && fp8PeakRatio(hardware) === null)
        return `the plan uses FP8 and ${hardware.display_name} has no FP8 tensor cores`
      return null
    }
  }
}

/**
 * Another grid. Only the intensity changes: a given intensity is dropped,
 * and the PUE stays the baseline's (a cloud provider's fleet PUE does not
 * follow the grid), so each what-if changes one thing.
 */
function anotherRegion(value: string): WhatIf {
  const region = value.trim()
  const problem =
    region === ''
      ? 'expected a region, e.g. region=FR'
      : unknownRegionProblem(region)
  if (problem !== undefined)
    throw new PlanInputError([`what-if region: ${problem}`])
  return {
    id: `region=${region}`,
    title: `Run on the ${region} grid instead (same PUE)`,
    source:
      "grid intensity from the bundled Ember and Electricity Maps data (calibration-data/, @tgwf/co2); a given intensity is dropped. The PUE stays the baseline's (given, its cloud provider's fleet PUE, or the industry average), so only the grid intensity changes",
    apply: input => ({
      ...withoutFields(input, ['intensityGPerKWh']),
      ...(input.pue === undefined ? { pueProvider: pueProviderOf(input) } : {}),
      region
    })
  }
}

/** Whose default PUE the plan uses: named, its region's provider, or none. */
function pueProviderOf(input: PlanInput): PlanInput['pueProvider'] {
  if (input.pueProvider !== undefined) return input.pueProvider
  return resolveIntensity(input.region).provider ?? 'none'
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
