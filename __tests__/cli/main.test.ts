import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from '@jest/globals'
import { captureOutput } from '../helpers/capture-output.js'
import { AuditResult } from '../../src/audit/audit-schema.js'
import { main } from '../../src/cli/main.js'

const EXAMPLE = 'examples/h100x2-smoke-train.csv'

const output = captureOutput()

beforeEach(() => {})

/** A temporary file with `text` in it. */
function tempFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'eco-cli-')), name)
  writeFileSync(path, text)
  return path
}

describe('audit', () => {
  it('writes a schema-valid ecocompute.audit/v1 result for the bundled example', async () => {
    const code = await main([
      'audit',
      EXAMPLE,
      '--format',
      'json',
      '--region',
      'SE'
    ])
    expect(code).toBe(0)
    const result = AuditResult.parse(JSON.parse(output.stdout))
    expect(result.devices).toHaveLength(2)
    expect(result.carbon.region).toBe('SE')
  })

  it('prints a terminal summary with the grounding level by default', async () => {
    expect(await main(['audit', EXAMPLE])).toBe(0)
    expect(output.stdout).toContain('grounding L2')
    expect(output.stdout).toContain('Energy')
  })

  it('prints the Markdown report with --format markdown', async () => {
    expect(await main(['audit', EXAMPLE, '--format', 'markdown'])).toBe(0)
    expect(output.stdout).toContain('## Sustainability Audit')
  })

  it('exits 2 with a message for an unknown option', async () => {
    expect(await main(['audit', EXAMPLE, '--bogus'])).toBe(2)
    expect(output.stderr).toContain("Unknown option '--bogus'")
    expect(output.stderr).not.toContain('    at ')
  })

  it('exits 2 for a PUE outside 1–3, naming the option and the value', async () => {
    expect(await main(['audit', EXAMPLE, '--pue', '15'])).toBe(2)
    expect(output.stderr).toContain(
      '--pue must be a number from 1 to 3, got "15"'
    )
  })

  it('exits 2 for an unknown time zone', async () => {
    expect(await main(['audit', EXAMPLE, '--timezone', 'Mars/Olympus'])).toBe(2)
    expect(output.stderr).toContain('Mars/Olympus')
  })

  it('exits 2 for an unknown input format and lists the known ones', async () => {
    expect(await main(['audit', EXAMPLE, '--input-format', 'xml'])).toBe(2)
    expect(output.stderr).toContain('nvidia-smi-csv')
  })

  it('exits 2 for an option given twice instead of keeping the last', async () => {
    expect(
      await main(['audit', EXAMPLE, '--region', 'SE', '--region', 'FR'])
    ).toBe(2)
    expect(output.stderr).toContain('--region is given more than once')
  })

  it('takes a negative number after an option as its value, for the range check', async () => {
    expect(
      await main(['compare', EXAMPLE, EXAMPLE, '--min-change', '-2%'])
    ).toBe(2)
    expect(output.stderr).not.toContain('ambiguous')
    expect(output.stderr).toContain('min-change')
  })

  it('exits 2 instead of writing the report over an input', async () => {
    const input = tempFile('keep.csv', 'timestamp, index, power.draw [W]\n')
    expect(await main(['audit', input, '--out', input])).toBe(2)
    expect(output.stderr).toContain(
      `--out ${input} is one of the telemetry inputs`
    )
  })

  it('exits 1 naming a file that does not exist', async () => {
    expect(await main(['audit', 'no/such/file.csv'])).toBe(1)
    expect(output.stderr).toContain('no/such/file.csv: no such file or folder')
  })

  it('exits 1 for a file that is no telemetry, naming it', async () => {
    const path = tempFile('notes.txt', 'hello\nworld\n')
    expect(await main(['audit', path])).toBe(1)
    expect(output.stderr).toContain(path)
    expect(output.stderr).toContain('not a recognised telemetry format')
  })

  it('exits 1 with the file and line when time goes backwards', async () => {
    const path = tempFile(
      'back.csv',
      'timestamp, power.draw [W]\n2024/06/01 12:00:02.000, 100 W\n2024/06/01 12:00:01.000, 100 W\n'
    )
    expect(await main(['audit', path])).toBe(1)
    expect(output.stderr).toContain(`${path}:3: time goes back`)
  })

  it('exits 0 and reports rejected rows with their line numbers', async () => {
    const path = tempFile(
      'bad-row.csv',
      'timestamp, power.draw [W]\n2024/06/01 12:00:00.000, 100 W\n2024/06/01 12:00:01.000, 1OO W\n2024/06/01 12:00:02.000, 100 W\n'
    )
    expect(await main(['audit', path, '--format', 'json'])).toBe(0)
    const result = AuditResult.parse(JSON.parse(output.stdout))
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ code: 'rejected-row', line: 3, file: path })
    )
    expect(result.devices[0]!.energy_kwh * 3.6e6).toBeCloseTo(200, 9)
  })
})

describe('validate and help', () => {
  it('validates the example: format, devices and span', async () => {
    expect(await main(['validate', EXAMPLE])).toBe(0)
    expect(output.stdout).toContain('OK (nvidia-smi-csv)')
    expect(output.stdout).toContain('901 samples')
  })

  it('exits 1 from validate when a file is not usable', async () => {
    const path = tempFile('empty.csv', '')
    expect(await main(['validate', path])).toBe(1)
    expect(output.stdout).toContain('NOT USABLE')
  })

  it('lists every input format in audit --help', async () => {
    expect(await main(['audit', '--help'])).toBe(0)
    for (const name of [
      'nvidia-smi-csv',
      'dcgmi-dmon',
      'codecarbon',
      'zeus',
      'ecocompute-jsonl',
      'dcgm-exporter'
    ]) {
      expect(output.stdout).toContain(name)
    }
  })

  it('exits 2 for an unknown command', async () => {
    expect(await main(['frobnicate'])).toBe(2)
    expect(output.stderr).toContain('unknown command "frobnicate"')
  })
})

describe('estimate through the CLI entry', () => {
  it('recomputes LLaMA-7B from its published inputs: 82,432 GPU-h × 400 W × PUE 1.1 × 0.385 kg/kWh', async () => {
    const code = await main([
      'estimate',
      '--gpu-hours',
      '82432',
      '--power-w',
      '400',
      '--pue',
      '1.1',
      '--intensity',
      '385',
      '--format',
      'json'
    ])
    expect(code).toBe(0)
    const estimate = JSON.parse(output.stdout) as {
      energy: { facility_kwh: number }
      carbon: { kg: number }
    }
    expect(estimate.energy.facility_kwh).toBeCloseTo(82432 * 0.4 * 1.1, 6)
    expect(estimate.carbon.kg).toBeCloseTo(82432 * 0.4 * 1.1 * 0.385, 6)
  })

  it('exits 2 for a plan without its tokens, GPU and GPU count', async () => {
    expect(await main(['estimate', '--params', '7e9'])).toBe(2)
    expect(output.stderr).toContain('--tokens')
  })
})
