/**
 * Ready-made plans: the EcoCompute AI report's LLaMA-7B case study under
 * its own assumptions, the same run estimated realistically, and a
 * serving example. Flags or form fields given with a preset override its
 * fields.
 */
import type { PlanInput } from './plan-input.js'

/** A named plan with where its numbers come from. */
export interface PlanPreset {
  id: string
  title: string
  input: PlanInput
  source: string
}

/** LLaMA-7B's size and the report's token count. */
const LLAMA_7B = { kind: 'training', params: 7e9, tokens: 2.0e12 } as const

/** The report's case study hardware and price. */
const REPORT_RUN = {
  gpu: 'h100-sxm',
  gpus: 64,
  region: 'SE',
  gpuHourPriceUsd: 3.5
} as const

/** Every preset, by id. */
export const PLAN_PRESETS: readonly PlanPreset[] = [
  {
    id: 'llama-7b-report',
    title: 'LLaMA-7B on 64 × H100, as the EcoCompute AI report computes it',
    input: {
      ...LLAMA_7B,
      ...REPORT_RUN,
      flopsPerParamToken: 12,
      peak: 'sparse',
      peakTflops: 1979,
      mfu: 1,
      gpuPowerW: 700,
      nodeProfile: 'none',
      pue: 1,
      intensityGPerKWh: 20,
      carKmPerKg: 6.5
    },
    source:
      'EcoCompute AI (2026) case study, its stated assumptions: 12·N·D FLOPs, the H100 SXM datasheet BF16 figure with sparsity (1,979 TFLOP/s) at 100 % utilisation, 700 W per GPU × time with no host power and no PUE, 20 gCO2/kWh for Sweden, $3.50 per GPU-hour and 6.5 km per kg CO2e'
  },
  {
    id: 'llama-7b-realistic',
    title: 'LLaMA-7B on 64 × H100 in Sweden, estimated with sourced defaults',
    input: { ...LLAMA_7B, ...REPORT_RUN },
    source:
      'Same run and price as the report; 6·N·D FLOPs, the dense BF16 peak (989 TFLOP/s), the H100 MFU preset, measured-power utilisation, the HGX H100 node profile, the default PUE and Sweden from the bundled Ember and Electricity Maps data (calibration-data/)'
  },
  {
    id: 'llama-8b-serving',
    title: 'An 8B model serving 1 billion tokens a day for 30 days on 8 × H100',
    input: {
      kind: 'inference',
      params: 8e9,
      tokens: 1e9,
      days: 30,
      gpu: 'h100-sxm',
      gpus: 8
    },
    source:
      'Illustrative load, not a published service: 2·N FLOPs per token with the inference MFU and power presets (calibration-data/mfu.json)'
  }
]

/** The preset with this id, if any. */
export function getPlanPreset(id: string): PlanPreset | undefined {
  return PLAN_PRESETS.find(preset => preset.id === id)
}
