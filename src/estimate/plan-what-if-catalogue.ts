/**
 * The what-ifs that take no parameter, one change to a plan each:
 * FlashAttention-2 (from FlashAttention or from unfused attention), FP8
 * and a power cap at the measured 60 % of max board power. Those with a
 * parameter are in plan-what-if-params.ts.
 */
import { getSpeedup, powerCapTrade } from '../calibration/mfu-presets.js'
import { formatSource } from '../calibration/sources.js'
import { fp8PeakRatio, resolvePlanGpu } from './plan-hardware.js'
import {
  INFERENCE_SPEEDUP_REASON,
  type PlanInput,
  type SpeedupId
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
    notApplicable: input => speedupNotApplicable(id, input)
  }
}

/** Already in the plan, a serving plan, or FP8 without FP8 tensor cores. */
function speedupNotApplicable(id: SpeedupId, input: PlanInput): string | null {
  const already = (input.speedups ?? []).filter(
    s => s === id || (id.startsWith('flash') && s.startsWith('flash'))
  )
  if (already.length > 0) return `the plan already has ${already.join(', ')}`
  if (input.kind === 'inference')
    return `a serving plan: ${INFERENCE_SPEEDUP_REASON}`
  const hardware = resolvePlanGpu(input.gpu)
  if (id === 'fp8' && fp8PeakRatio(hardware) === null)
    return `${hardware.display_name} has no FP8 tensor cores`
  return null
}

/** A power cap at the measured fraction of max board power. */
export function measuredCapWhatIf(): WhatIf {
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
