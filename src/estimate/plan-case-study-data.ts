/**
 * The figures of the LLaMA-7B case study as data: the report's
 * assumptions, the realistic estimate, the gap between them one step at a
 * time, and the what-ifs. The Markdown page and `estimate --case-study
 * --format json` are both made from it.
 */
import { estimatePlan } from './plan-estimate.js'
import { type GapRow, walkGap } from './plan-gap.js'
import { getPlanPreset, type PlanPreset } from './plan-presets.js'
import type { PlanEstimate } from './plan-schema.js'
import { compareWhatIfs, type WhatIfComparison } from './plan-what-ifs.js'

/** The what-ifs the case study runs on the realistic estimate. */
export const CASE_STUDY_WHAT_IFS = [
  'flash-attention-2',
  'flash-attention-2-from-eager',
  'fp8',
  'power-cap',
  'region=FR',
  'gpu=a100-sxm4-80gb'
] as const

/** The case study's figures, as the JSON output carries them. */
export interface CaseStudyData {
  /** The report's own assumptions (preset llama-7b-report). */
  baseline: PlanEstimate
  /** Sourced defaults (preset llama-7b-realistic). */
  realistic: PlanEstimate
  /** The baseline, then one assumption undone per row. */
  gap: GapRow[]
  /** The what-ifs against the realistic estimate. */
  what_ifs: WhatIfComparison['cases']
  skipped: WhatIfComparison['skipped']
}

/** A preset the case study needs; its absence is a bug, not bad input. */
export function casePreset(id: string): PlanPreset {
  const found = getPlanPreset(id)
  if (found === undefined) throw new Error(`plan preset ${id} is missing`)
  return found
}

/** Every figure of the case study. */
export function caseStudyData(): CaseStudyData {
  const report = casePreset('llama-7b-report').input
  const realistic = casePreset('llama-7b-realistic').input
  const comparison = compareWhatIfs(realistic, CASE_STUDY_WHAT_IFS)
  return {
    baseline: estimatePlan(report),
    realistic: comparison.baseline,
    gap: walkGap(report),
    what_ifs: comparison.cases,
    skipped: comparison.skipped
  }
}
