import { describe, expect, it } from '@jest/globals'
import {
  parsePlanInput,
  PlanInputError,
  withoutFields
} from '../../src/estimate/plan-input.js'
import {
  describeRule,
  PLAN_NUMBER_RULES
} from '../../src/estimate/plan-number-rules.js'

const VALID = {
  kind: 'training',
  params: 7e9,
  tokens: 2e12,
  gpu: 'h100-sxm',
  gpus: 64
}

/** The problem lines parsePlanInput gives for `raw`. */
function problemsOf(raw: unknown): readonly string[] {
  try {
    parsePlanInput(raw)
  } catch (error) {
    if (error instanceof PlanInputError) return error.problems
    throw error
  }
  return []
}

describe('parsePlanInput', () => {
  it('accepts a plan and returns it', () => {
    expect(parsePlanInput(VALID)).toEqual(VALID)
  })

  it('lists every problem on its own line, naming the field, the value and the range', () => {
    const problems = problemsOf({
      ...VALID,
      params: -1,
      gpus: 0.5,
      mfu: 1.5,
      tokens: 'abc'
    })
    expect(problems).toEqual([
      'params: got -1; expected a number greater than 0 and at most 1e15 (parameters; for MoE the active ones)',
      'tokens: got "abc"; expected a number greater than 0 and at most 1e17 (training tokens, or tokens per day for inference)',
      'gpus: got 0.5; expected a whole number from 1 to 1e7 (GPUs in the run)',
      'mfu: got 1.5; expected a number greater than 0 and at most 1 (model-FLOPs utilisation, a fraction)'
    ])
  })

  it('puts each problem of the message on its own line', () => {
    expect(() => parsePlanInput({ ...VALID, params: NaN, pue: 9 })).toThrow(
      /^invalid plan input:\nparams: got NaN; .*\npue: got 9; expected a number from 1 to 5/
    )
  })

  it('names a missing field and what it takes', () => {
    expect(
      problemsOf({ kind: 'training', gpu: 'h100', gpus: 8, tokens: 1 })
    ).toEqual([`params: required: ${describeRule(PLAN_NUMBER_RULES.params)}`])
  })

  it('refuses unknown fields, kinds and speed-ups', () => {
    const problems = problemsOf({
      ...VALID,
      kind: 'serving',
      mfuu: 0.4,
      speedups: ['warp']
    })
    expect(problems).toContain('kind: expected one of training, inference')
    expect(problems).toContain(
      'speedups.0: expected one of flash-attention-2, flash-attention-2-from-eager, fp8'
    )
    expect(problems.join('\n')).toMatch(/Unrecognized key: "mfuu"/)
  })

  it('refuses days on a training run and two FlashAttention baselines', () => {
    const problems = problemsOf({
      ...VALID,
      days: 3,
      speedups: ['flash-attention-2', 'flash-attention-2-from-eager']
    })
    expect(problems).toEqual([
      'days: only for inference (days of serving); a training run is its total tokens',
      'speedups: flash-attention-2 and flash-attention-2-from-eager describe different baselines; give one'
    ])
  })

  it('refuses a plan that is not an object', () => {
    expect(problemsOf('7B on H100')).toEqual([
      'plan: Invalid input: expected object, received string'
    ])
  })
})

describe('withoutFields', () => {
  it('drops optional fields so their defaults apply, leaving the input as it was', () => {
    const input = parsePlanInput({ ...VALID, mfu: 0.5, pue: 1.2 })
    expect(withoutFields(input, ['mfu'])).toEqual({ ...VALID, pue: 1.2 })
    expect(input.mfu).toBe(0.5)
  })
})
