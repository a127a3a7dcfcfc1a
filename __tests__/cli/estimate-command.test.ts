import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { runEstimateCommand } from '../../src/cli/estimate-command.js'
import { EXIT } from '../../src/cli/exit-codes.js'
import { UsageError } from '../../src/cli/usage-error.js'
import { EstimateResult } from '../../src/estimate/estimate-schema.js'
import { captureOutput } from '../helpers/capture-output.js'

const output = captureOutput()

const BLOOM = [
  '--gpu-hours',
  '1082990',
  '--power-w',
  '400',
  '--intensity',
  '57'
]

describe('estimate with published inputs', () => {
  it('prints valid ecocompute.estimate/v1 JSON and exits 0', async () => {
    const code = await runEstimateCommand([...BLOOM, '--format', 'json'])
    expect(code).toBe(EXIT.ok)
    const result = EstimateResult.parse(JSON.parse(output.stdout))
    expect(result.schema).toBe('ecocompute.estimate/v1')
    expect(result.energy.facility_kwh).toBeCloseTo(433_196, 6)
    expect(result.carbon.kg).toBeCloseTo(24_692.172, 3)
    expect(result.cost.total_usd).toBeNull()
  })

  it('applies --pue and both prices', async () => {
    await runEstimateCommand([
      ...BLOOM,
      '--pue',
      '1.2',
      '--gpu-hour-price',
      '1',
      '--electricity-price',
      '0.1',
      '--format',
      'json'
    ])
    const result = EstimateResult.parse(JSON.parse(output.stdout))
    expect(result.energy.facility_kwh).toBeCloseTo(519_835.2, 6)
    expect(result.cost.total_usd).toBeCloseTo(1_082_990 + 51_983.52, 4)
  })

  it('prints a text summary by default', async () => {
    expect(await runEstimateCommand(BLOOM)).toBe(EXIT.ok)
    expect(output.stdout).toContain('Facility energy: 433,196 kWh')
    expect(output.stdout).toContain('Carbon: 24,692 kg CO2e at 57 gCO2e/kWh')
  })

  it('prints a Markdown table with --format markdown', async () => {
    await runEstimateCommand([...BLOOM, '--format', 'markdown'])
    expect(output.stdout).toMatch(/^### Estimate from published inputs/)
    expect(output.stdout).toContain('| Facility energy')
  })

  it('writes to --out instead of standard output', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'estimate-')), 'out.json')
    await runEstimateCommand([...BLOOM, '--format', 'json', '--out', file])
    expect(output.stdout).toBe('')
    expect(
      EstimateResult.parse(JSON.parse(readFileSync(file, 'utf8')))
    ).toBeTruthy()
  })

  it('prints its help with --help', async () => {
    expect(await runEstimateCommand(['--help'])).toBe(EXIT.ok)
    expect(output.stdout).toContain('--gpu-hours N')
  })
})

describe('estimate usage errors (exit 2)', () => {
  it.each([
    [
      'no inputs',
      [],
      /needs published inputs \(--gpu-hours, --power-w, --intensity\) or a planned run/
    ],
    [
      'only --gpu-hours',
      ['--gpu-hours', '10'],
      /published inputs need both --gpu-hours \(device hours\) and --power-w/
    ],
    [
      'a planning option',
      [...BLOOM, '--params', '7e9'],
      /cannot mix published inputs \(--gpu-hours, --power-w\) with planning inputs \(--params\)/
    ],
    [
      'no --intensity',
      ['--gpu-hours', '1', '--power-w', '400'],
      /--intensity is required/
    ],
    [
      'a bad number',
      [...BLOOM, '--pue', 'high'],
      /--pue must be a number from 1 to 3, got "high"/
    ],
    [
      'a negative number',
      ['--gpu-hours', '-5', '--power-w', '400', '--intensity', '57'],
      /--gpu-hours/
    ],
    ['an unknown option', [...BLOOM, '--region', 'FR'], /--region/],
    [
      'an unknown format',
      [...BLOOM, '--format', 'csv'],
      /--format must be one of/
    ]
  ])('refuses %s', async (_name, args, message) => {
    const run = runEstimateCommand(args)
    await expect(run).rejects.toThrow(UsageError)
    await expect(runEstimateCommand(args)).rejects.toThrow(message)
  })
})
