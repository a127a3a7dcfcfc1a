import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { EXIT } from '../../src/cli/exit-codes.js'
import { main } from '../../src/cli/main.js'
import { EstimateResult } from '../../src/estimate/estimate-schema.js'
import { captureOutput } from '../helpers/capture-output.js'
import { PLAN, planWith } from './plan-args.js'

const output = captureOutput()

/** Runs main on `args` and returns what it printed; stdout starts empty. */
async function run(args: string[]): Promise<{ code: number; out: string }> {
  output.stdout = ''
  output.stderr = ''
  const code = await main(args)
  return { code, out: output.stdout }
}

describe('unknown regions are usage errors in estimate and audit alike', () => {
  it.each([
    [planWith('--region', 'MARS'), '--region: unknown region "MARS"'],
    [
      planWith('--region', 'gcp:nowhere'),
      '--region: unknown gcp cloud region "gcp:nowhere"; expected one of: gcp:'
    ],
    [
      [...PLAN, '--what-if', 'region=MARS'],
      'what-if region: unknown region "MARS"'
    ],
    [
      ['audit', '--region', 'gcp:nowhere', 'examples'],
      'unknown gcp cloud region "gcp:nowhere"; expected one of: gcp:'
    ]
  ])('%j exits 2', async (args, message) => {
    expect((await run(args)).code).toBe(EXIT.usage)
    expect(output.stderr).toContain(message)
    expect(output.stdout).toBe('')
  })
})

describe('repeated flags', () => {
  it('refuses a flag given twice instead of keeping only the last', async () => {
    const { code } = await run([
      ...PLAN,
      '--what-if',
      'fp8',
      '--what-if',
      'power-cap'
    ])
    expect(code).toBe(EXIT.usage)
    expect(output.stderr).toContain(
      '--what-if is given more than once; give it once (a list goes in one value, separated by commas)'
    )
  })
})

describe('estimate --preset list and --help', () => {
  it('keeps two spaces between every id and its title, within 80 columns', async () => {
    const { out } = await run(['estimate', '--preset', 'list'])
    expect(out).toContain(
      '  flash-attention-2-from-eager  FlashAttention-2 instead of unfused attention\n'
    )
    const titled = out.split('\n').filter(line => /^ {2}\S/.test(line))
    // Every title starts in the same column, two past the longest id.
    const column = '  flash-attention-2-from-eager  '.length
    for (const line of titled) {
      expect(line.slice(0, column)).toMatch(/^ {2}\S+ {2,}$/)
      expect(line[column]).not.toBe(' ')
    }
    for (const line of out.split('\n')) expect(line.length).toBeLessThan(81)
  })
})

describe('estimate --case-study', () => {
  it('prints its figures as JSON with --format json', async () => {
    const { code, out } = await run([
      'estimate',
      '--case-study',
      '--format',
      'json'
    ])
    expect(code).toBe(EXIT.ok)
    const data = JSON.parse(out) as Record<string, unknown>
    expect(Object.keys(data)).toEqual([
      'baseline',
      'realistic',
      'gap',
      'what_ifs',
      'skipped'
    ])
    // The report's own arithmetic: 12·N·D at 64 × 1,979 TFLOP/s and 100 %.
    expect(EstimateResult.parse(data.baseline).hours).toBeCloseTo(
      (12 * 7e9 * 2e12) / (64 * 1979e12) / 3600,
      9
    )
    expect(EstimateResult.parse(data.realistic).hours).toBeCloseTo(
      (6 * 7e9 * 2e12) / (64 * 989e12 * 0.44) / 3600,
      9
    )
    expect(data.gap).toHaveLength(8)
    expect((data.what_ifs as { id: string }[]).map(w => w.id)).toEqual([
      'flash-attention-2',
      'flash-attention-2-from-eager',
      'fp8',
      'power-cap',
      'region=FR',
      'gpu=a100-sxm4-80gb'
    ])
  })

  it('prints the Markdown page otherwise', async () => {
    const { out } = await run([
      'estimate',
      '--case-study',
      '--format',
      'markdown'
    ])
    expect(out).toMatch(/^# Case study: LLaMA-7B/)
  })
})

describe('the text summary', () => {
  it('says no nodes rather than nodes 0, and no ranges only when all is fixed', async () => {
    const { out } = await run(['estimate', '--preset', 'llama-7b-report'])
    expect(out).not.toMatch(/nodes 0/)
    expect(out).toContain(
      'Hardware: 64 × NVIDIA H100 SXM5 80GB, 1,979 TFLOP/s sparse peak (given)'
    )
    expect(out).toContain('No ranges: every input the estimate used is fixed.')
  })

  it('prints the bounds of a tiny run and never claims no range', async () => {
    const { out } = await run(planWith('--params', '7e-9'))
    // 6 × 7e-9 × 2e12 FLOPs at 64 × 989e12 × 0.44: 8.38e-16 h, 0.54 → 0.34.
    const hours = (6 * 7e-9 * 2e12) / (64 * 989e12) / 3600
    const shown = (h: number): string => Number(h.toPrecision(3)).toString()
    expect(out).toContain(
      `Time: ${shown(hours / 0.44)} h (${shown(hours / 0.54)}–${shown(hours / 0.34)})`
    )
    expect(out).not.toContain('No ranges')
    const free = await run([...PLAN, '--gpu-hour-price', '0'])
    expect(free.out).toContain('Cost: 0 USD')
    expect(free.out).not.toContain('No ranges')
  })

  it('says busy GPU time next to the serving plan’s time and GPU-hours', async () => {
    const { out } = await run(['estimate', '--preset', 'llama-8b-serving'])
    expect(out).toMatch(/\n {2}Time \(busy GPU time\): \d/)
    expect(out).toMatch(/\n {2}GPU-hours \(busy GPU time\): \d/)
  })
})

describe('what-if changes', () => {
  it('print the same three significant figures in text and Markdown', async () => {
    const spec = ['--what-if', 'flash-attention-2', '--gpu-hour-price', '3.5']
    const json = await run([...PLAN, ...spec, '--format', 'json'])
    const [fa2] = (
      JSON.parse(json.out) as {
        what_ifs: { change: { hours_pct: number } }[]
      }
    ).what_ifs
    // 1 ÷ 1.061 − 1 = −5.749… %: −5.75 at three significant figures.
    expect(fa2?.change.hours_pct).toBeCloseTo((1 / 1.061 - 1) * 100, 9)
    const text = await run([...PLAN, ...spec])
    expect(text.out).toContain(
      'time -5.75 %, energy -5.75 %, carbon -5.75 %, cost -5.75 %'
    )
    const markdown = await run([...PLAN, ...spec, '--format', 'markdown'])
    expect(markdown.out).toContain('| -5.75 % / -5.75 % / -5.75 % / -5.75 % |')
  })
})

describe('the assumptions', () => {
  it('point to the model’s heading in docs/methodology.md', async () => {
    const { out } = await run([...PLAN, '--format', 'json'])
    const mode = EstimateResult.parse(JSON.parse(out)).assumptions.mode
    expect(mode?.source).toContain('docs/methodology.md ("The model"')
    const methodology = readFileSync('docs/methodology.md', 'utf8')
    expect(methodology).toMatch(/^## (\d+\. )?The model$/m)
    expect(out).not.toContain('section-3')
  })
})
