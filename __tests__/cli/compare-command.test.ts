import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from '@jest/globals'
import { captureOutput } from '../helpers/capture-output.js'
import { AuditResult } from '../../src/audit/audit-schema.js'
import { runCompareCommand } from '../../src/cli/compare-command.js'
import { UsageError } from '../../src/cli/usage-error.js'
import { InputError } from '../../src/telemetry/input-error.js'
import { resultWith } from '../compare/compare-fixture.js'

const output = captureOutput()
let folder: string

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'eco-compare-'))
})

/** A file in the test's folder with `text` in it. */
function tempFile(name: string, text: string): string {
  const path = join(folder, name)
  writeFileSync(path, text)
  return path
}

/** Base (0.1 kg) and head (`headKg`) result files. */
function pair(headKg: number): [string, string] {
  return [
    tempFile('base.json', JSON.stringify(resultWith({ carbonKg: 0.1 }))),
    tempFile('head.json', JSON.stringify(resultWith({ carbonKg: headKg })))
  ]
}

describe('compare: verdicts and exit codes', () => {
  it('exits 0 and prints a short summary when the gates pass', async () => {
    const [base, head] = pair(0.105)
    expect(await runCompareCommand([base, head, '--max-increase', '10%'])).toBe(
      0
    )
    // (0.105 − 0.1) / 0.1 = +5 %
    expect(output.stdout).toBe(
      `Comparison with ${base}: PASS\n` +
        '  carbon 0.1 → 0.105 kg CO2e (+5 %)\n' +
        '  - carbon +5 % is within max-increase 10 %\n'
    )
  })

  it('exits 3 when a gate fails', async () => {
    const [base, head] = pair(0.125)
    expect(await runCompareCommand([base, head, '--max-increase', '10'])).toBe(
      3
    )
    expect(output.stdout).toContain('FAIL')
    expect(output.stdout).toContain('carbon +25 % exceeds max-increase 10 %')
  })

  it('exits 0 for an improvement beyond the threshold (B45)', async () => {
    const [base, head] = pair(0.05)
    expect(await runCompareCommand([base, head, '--max-increase', '10%'])).toBe(
      0
    )
    expect(output.stdout).toContain('(-50 %)')
  })

  it('applies the kg noise floor and the budget from flags', async () => {
    const [base, head] = pair(0.125)
    const args = [
      base,
      head,
      '--max-increase',
      '10%',
      '--carbon-budget-kg',
      '1'
    ]
    expect(await runCompareCommand([...args, '--min-change', '0.03kg'])).toBe(0)
    expect(
      await runCompareCommand([...args, '--min-change', '2%,0.01kg'])
    ).toBe(3)
  })

  it('writes the HEAD result with its comparison as JSON to --out', async () => {
    const [base, head] = pair(0.125)
    const out = join(folder, 'out.json')
    const args = [base, head, '--max-increase', '10%', '--format', 'json']
    expect(await runCompareCommand([...args, '--out', out])).toBe(3)
    const result = AuditResult.parse(JSON.parse(readFileSync(out, 'utf8')))
    expect(result.carbon.kg).toBe(0.125)
    expect(result.comparison?.verdict).toBe('fail')
    expect(result.comparison?.baseline_source).toBe(base)
    expect(output.stdout).toBe('')
  })

  it('renders the Markdown report with the comparison', async () => {
    const [base, head] = pair(0.105)
    expect(await runCompareCommand([base, head, '--format', 'markdown'])).toBe(
      0
    )
    expect(output.stdout).toContain('## Sustainability Audit')
    expect(output.stdout).toContain('vs base')
  })
})

describe('compare: missing baseline (B66)', () => {
  it('treats a missing BASE file as no baseline, neutral by default', async () => {
    const [, head] = pair(0.105)
    const base = join(folder, 'never-written.json')
    expect(await runCompareCommand([base, head])).toBe(0)
    expect(output.stdout).toContain('NEUTRAL')
    expect(output.stderr).toContain(
      `note: no baseline (${base}: missing or empty)`
    )
  })

  it('exits 3 for an empty BASE with --on-missing-baseline fail', async () => {
    const [, head] = pair(0.105)
    const base = tempFile('empty.json', '')
    const args = [base, head, '--on-missing-baseline', 'fail']
    expect(await runCompareCommand(args)).toBe(3)
  })

  it('reads BASE "none" as no baseline', async () => {
    const [, head] = pair(0.105)
    const args = ['none', head, '--on-missing-baseline', 'pass']
    expect(await runCompareCommand(args)).toBe(0)
    expect(output.stdout).toContain(
      'no baseline (none): pass by on-missing-baseline'
    )
  })
})

describe('compare: unreadable input and usage errors', () => {
  it('names the file of invalid JSON (exit 1 through InputError)', async () => {
    const [base] = pair(0.1)
    const head = tempFile('head.json', '{"schema": ')
    const run = runCompareCommand([base, head])
    await expect(run).rejects.toThrow(InputError)
    await expect(run).rejects.toThrow(`${head}: not valid JSON`)
  })

  it('lists each schema problem on its own line', async () => {
    const [base] = pair(0.1)
    const result = resultWith({ carbonKg: 0.1 })
    const broken = {
      ...result,
      carbon: { ...result.carbon, kg: -1 },
      created: 5
    }
    const head = tempFile('head.json', JSON.stringify(broken))
    await expect(runCompareCommand([base, head])).rejects.toThrow(
      `${head}: not an ecocompute.audit/v1 result:\n` +
        '  created: Invalid input: expected string, received number\n' +
        '  carbon.kg: Too small: expected number to be >=0'
    )
  })

  it('refuses a file over 10 MiB without parsing it', async () => {
    const [base] = pair(0.1)
    const head = tempFile('big.json', ' '.repeat(10 * 1024 * 1024 + 1))
    await expect(runCompareCommand([base, head])).rejects.toThrow(
      `${head}: the file is 10485761 bytes, more than the 10485760 an audit result may have`
    )
  })

  it('needs HEAD to exist', async () => {
    const [base] = pair(0.1)
    const head = join(folder, 'missing.json')
    await expect(runCompareCommand([base, head])).rejects.toThrow(
      `${head}: the file is empty or does not exist`
    )
  })

  it('refuses a folder given as a file', async () => {
    const [base] = pair(0.1)
    await expect(runCompareCommand([base, folder])).rejects.toThrow(
      `${folder}: not a plain file`
    )
  })

  it.each([
    [['one.json'], 'compare needs two files, BASE.json and HEAD.json, got 1'],
    [['a', 'b', '--max-increase', 'ten'], 'got "ten"'],
    [
      ['a', 'b', '--format', 'html'],
      '--format must be one of text, json, markdown'
    ],
    [['a', 'b', '--bogus'], "Unknown option '--bogus'"]
  ])('throws a usage error (exit 2) for %j', async (args, message) => {
    const run = runCompareCommand(args)
    await expect(run).rejects.toThrow(UsageError)
    await expect(run).rejects.toThrow(message)
  })

  it('prints its help and exits 0 with --help', async () => {
    expect(await runCompareCommand(['--help'])).toBe(0)
    expect(output.stdout).toContain(
      'Usage: node dist/cli.js compare BASE.json HEAD.json'
    )
    expect(output.stdout).toContain('3 a gate failed')
  })
})
