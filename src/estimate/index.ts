/**
 * The planning estimator's public surface, shared by the CLI and the web
 * page: inputs, the estimate, presets, what-ifs and their rendering.
 * Browser-safe: nothing here imports a Node module.
 */
export { estimatePlan } from './plan-estimate.js'
export {
  NO_NODE_PROFILE,
  PEAK_KINDS,
  PLAN_KINDS,
  type PlanInput,
  PlanInputError,
  parsePlanInput,
  PUE_PROVIDERS,
  SPEEDUP_IDS,
  type SpeedupId
} from './plan-input.js'
export {
  describeRule,
  type NumberRule,
  PLAN_NUMBER_RULES
} from './plan-number-rules.js'
export { getPlanPreset, PLAN_PRESETS, type PlanPreset } from './plan-presets.js'
export {
  everyInputFixed,
  formatFlops,
  planHeadline,
  renderPlanMarkdown,
  renderPlanText
} from './plan-render.js'
export { formatWhatIfChange } from './plan-what-if-render.js'
export type { Bounded, PlanBlock, PlanEstimate } from './plan-schema.js'
export {
  compareWhatIfs,
  PARAMETERISED_WHAT_IFS,
  type ParameterisedWhatIf,
  resolveWhatIf,
  type WhatIf,
  type WhatIfCase,
  type WhatIfChange,
  type WhatIfComparison,
  WHAT_IFS
} from './plan-what-ifs.js'
export { EstimateResult } from './estimate-schema.js'
export {
  estimateFromPublished,
  type PublishedInputs
} from './published-estimate.js'
