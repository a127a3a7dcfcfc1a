import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { EXIT } from '../../src/cli/exit-codes.js'
import { main } from '../../src/cli/main.js'
import { EstimateResult } from '../../src/estimate/estimate-schema.js'
import { captureOutput } from '../helpers/capture-output.js'
import { PLAN } from './plan-args.js'

const output = captureOutput()

/** PLAN with the flags of `extra` replaced by its values. */
function withFlags(extra: readonly string[]): string[] {
  const [command = '', ...pairs] = PLAN
  const kept: string[] = [command]
  for (let i = 0; i < pairs.length; i += 2) {
    const [flag = '', value = ''] = [pairs[i], pairs[i + 1]]
    if (!extra.includes(flag)) kept.push(flag, value)
  }
  return [...kept, ...extra]
}

/** The JSON main wrote, parsed. */
function json(): Record<string, unknown> {
  return JSON.parse(output.stdout) as Record<string, unknown>
}

describe('estimate in the planning mode', () => {
  it('prints a schema-valid estimate with its plan block', async () => {
    expect(await main([...PLAN, '--format', 'json'])).toBe(EXIT.ok)
    const result = EstimateResult.parse(json())
    // 6 × 7e9 × 2e12 FLOPs at 64 × 989 TFLOP/s and the H100 preset's 0.44.
    expect(result.hours).toBeCloseTo(
      (6 * 7e9 * 2e12) / (64 * 989e12 * 0.44) / 3600,
      9
    )
    expect(result.plan?.gpu).toBe('h100-sxm')
    expect(result.cost.total_usd).toBeNull()
  })

  it('prints a text summary with bounds and the defaults used', async () => {
    expect(await main(PLAN)).toBe(EXIT.ok)
    expect(output.stdout).toMatch(/^Planning estimate\n/)
    expect(output.stdout).toContain('Time: 838 h (683–1,084)')
    expect(output.stdout).toContain('Defaults used')
    expect(output.stdout).toContain('pue 1.56')
  })

  it('prints Markdown with every assumption and its source', async () => {
    await main([
      ...PLAN,
      '--format',
      'markdown',
      '--mfu',
      '0.5',
      '--pue',
      '1.2'
    ])
    expect(output.stdout).toContain('#### Assumptions')
    expect(output.stdout).toMatch(
      /\| mfu \| 0\.5 \| — \| given \| given by the user \|/
    )
    expect(output.stdout).toMatch(/\| pue \| 1\.2 \| — \| given \|/)
  })

  it('starts from a preset and lets flags override its fields', async () => {
    await main([
      'estimate',
      '--preset',
      'llama-7b-report',
      '--gpus',
      '128',
      '--format',
      'json'
    ])
    const result = EstimateResult.parse(json())
    // The report's 368.45 h over twice the GPUs.
    expect(result.hours).toBeCloseTo(
      (12 * 7e9 * 2e12) / (128 * 1979e12) / 3600,
      9
    )
    expect(result.carbon.intensity_g_per_kwh).toBe(20)
  })

  it('prints the what-ifs next to the baseline, as {baseline, what_ifs, skipped} in JSON', async () => {
    await main([
      ...PLAN,
      '--gpu-hour-price',
      '3.5',
      '--what-if',
      'flash-attention-2,region=FR',
      '--format',
      'json'
    ])
    const result = json()
    EstimateResult.parse(result.baseline)
    const cases = result.what_ifs as {
      id: string
      change: { hours_pct: number }
    }[]
    expect(cases.map(c => c.id)).toEqual(['flash-attention-2', 'region=FR'])
    expect(cases[0]?.change.hours_pct).toBeCloseTo((1 / 1.061 - 1) * 100, 9)
    await main([...PLAN, '--what-if', 'fp8,power-cap'])
    expect(output.stdout).toContain('What-ifs (change against the baseline):')
    expect(output.stdout).toContain(
      'Cap each GPU at 60 % of its max board power: time +6.8 %'
    )
  })

  it('lists presets and what-ifs with --preset list and --help', async () => {
    expect(await main(['estimate', '--preset', 'list'])).toBe(EXIT.ok)
    expect(output.stdout).toContain('llama-7b-report')
    expect(output.stdout).toContain('flash-attention-2')
    expect(output.stdout).toContain('region=VALUE')
    expect(await main(['estimate', '--help'])).toBe(EXIT.ok)
    expect(output.stdout).toContain('llama-7b-realistic')
    expect(output.stdout).toContain('--what-if ID[,ID]')
  })

  it('writes to --out', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'plan-')), 'plan.json')
    await main([...PLAN, '--format', 'json', '--out', file])
    expect(output.stdout).toBe('')
    expect(
      EstimateResult.parse(JSON.parse(readFileSync(file, 'utf8'))).plan?.gpus
    ).toBe(64)
  })

  it('keeps the published-input mode as it was', async () => {
    expect(
      await main([
        'estimate',
        '--gpu-hours',
        '1082990',
        '--power-w',
        '400',
        '--intensity',
        '57'
      ])
    ).toBe(EXIT.ok)
    expect(output.stdout).toContain('Facility energy: 433,196 kWh')
  })
})

describe('estimate usage errors exit 2 and name the flag, value and range', () => {
  it.each([
    [
      ['--params', '-1'],
      '--params must be a number greater than 0 and at most 1e15 (parameters; for MoE the active ones), got "-1"'
    ],
    [
      ['--gpus', '0'],
      '--gpus must be a whole number from 1 to 1e7 (GPUs in the run), got "0"'
    ],
    [
      ['--mfu', '1.5'],
      '--mfu must be a number greater than 0 and at most 1 (model-FLOPs utilisation, a fraction), got "1.5"'
    ],
    [
      ['--tokens', 'abc'],
      '--tokens must be a number greater than 0 and at most 1e17 (training tokens, or tokens per day for inference), got "abc"'
    ],
    [
      ['--pue', '0.9'],
      '--pue must be a number from 1 to 5 (facility energy ÷ IT energy), got "0.9"'
    ],
    [
      ['--gpu', 'h999'],
      '--gpu: "h999" is not in calibration-data/hardware.json'
    ],
    [['--kind', 'serving'], '--kind: expected one of training, inference'],
    [['--days', '3'], '--days: only for inference'],
    [
      ['--power-cap-w', '100'],
      '--power-cap-w: 100 W is 14 % of the NVIDIA H100 SXM5 80GB’s 700 W'.replace(
        '’',
        "'"
      )
    ],
    [['--what-if', 'warp'], 'what-if: got "warp"'],
    [['--what-if', 'fp8', '--gpu', 'a100', '--format', 'json'], null]
  ])('%j', async (extra, message) => {
    const args = withFlags(extra)
    const code = await main(args)
    if (message === null) {
      // Not applicable is not an error: it is listed as skipped.
      expect(code).toBe(EXIT.ok)
      expect((json().skipped as { id: string }[])[0]?.id).toBe('fp8')
      return
    }
    expect(code).toBe(EXIT.usage)
    expect(output.stderr).toContain(message)
    expect(output.stderr).not.toMatch(/at .*\.ts:\d+|NaN/)
  })

  it('reports every bad flag at once', async () => {
    expect(
      await main([
        'estimate',
        '--params',
        '-1',
        '--tokens',
        'abc',
        '--gpu',
        'h100',
        '--gpus',
        '0'
      ])
    ).toBe(EXIT.usage)
    expect(output.stderr.match(/--\w+ must be/g)).toHaveLength(3)
  })

  it('names the missing flags', async () => {
    expect(await main(['estimate', '--params', '7e9', '--gpu', 'h100'])).toBe(
      EXIT.usage
    )
    expect(output.stderr).toContain('missing: --tokens, --gpus')
  })

  it('refuses to mix the two modes, saying why', async () => {
    expect(await main([...PLAN, '--gpu-hours', '100'])).toBe(EXIT.usage)
    expect(output.stderr).toContain(
      'cannot mix published inputs (--gpu-hours) with planning inputs (--params, --gpu, --region, --tokens, --gpus)'.replace(
        '--gpu, --region, --tokens, --gpus',
        '--tokens, --gpus, --gpu, --region'
      )
    )
    expect(output.stderr).toContain('give one set')
  })

  it('refuses an unknown preset, naming the known ones', async () => {
    expect(await main(['estimate', '--preset', 'gpt-5'])).toBe(EXIT.usage)
    expect(output.stderr).toContain(
      '--preset: unknown "gpt-5"; presets: llama-7b-report, llama-7b-realistic'
    )
  })
})
