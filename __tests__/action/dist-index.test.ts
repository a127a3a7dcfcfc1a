import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { expect, it } from '@jest/globals'
import { AuditResult } from '../../src/audit/audit-schema.js'

/**
 * Runs the committed bundle the way a runner does: inputs as INPUT_*
 * variables, outputs and the job summary through the files the runner
 * names. `.ci/run` checks that dist/ matches the sources.
 */
function runAction(inputs: Record<string, string>): {
  status: number | null
  stdout: string
  outputs: Record<string, string>
  summary: string
} {
  const dir = mkdtempSync(join(tmpdir(), 'eco-action-'))
  const outputFile = join(dir, 'output')
  const summaryFile = join(dir, 'summary')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: dir
  }
  for (const [name, value] of Object.entries(inputs)) {
    env[`INPUT_${name.toUpperCase()}`] = value
  }
  const run = spawnSync(process.execPath, [resolve('dist/index.js')], {
    env,
    encoding: 'utf8'
  })
  return {
    status: run.status,
    stdout: run.stdout,
    outputs: readOutputs(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8')
  }
}

/** Parses the runner's `name<<delimiter` output file format. */
function readOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const pattern = /^(.+?)<<(.+)\n([\s\S]*?)\n\2$/gm
  for (const match of text.matchAll(pattern)) outputs[match[1]!] = match[3]!
  return outputs
}

it('audits the example, writes the job summary and sets every output', () => {
  const run = runAction({
    telemetry: 'examples/*.csv',
    region: 'SE',
    pue: '1.2'
  })
  expect(run.status).toBe(0)
  expect(run.summary).toContain('## Sustainability Audit')
  expect(run.outputs['grounding-level']).toBe('L2')
  const report = AuditResult.parse(
    JSON.parse(readFileSync(run.outputs['report-path']!, 'utf8'))
  )
  expect(Number(run.outputs['energy-kwh'])).toBeCloseTo(
    report.energy.facility_kwh,
    12
  )
  expect(Number(run.outputs['carbon-kg-high'])).toBeCloseTo(
    report.carbon.high_kg,
    12
  )
  expect(run.outputs['cost-usd']).toBe('')
  expect(report.assumptions.pue!.value).toBe(1.2)
})

it('fails the step with the input named when no file matches', () => {
  const run = runAction({ telemetry: 'nothing-here/*.csv' })
  expect(run.status).toBe(1)
  expect(run.stdout).toContain(
    '::error::telemetry: no file matches "nothing-here/*.csv"'
  )
})

it('fails the step naming the input and value for a bad PUE', () => {
  const run = runAction({ telemetry: 'examples/*.csv', pue: 'high' })
  expect(run.status).toBe(1)
  expect(run.stdout).toContain(
    '::error::pue must be a number from 1 to 3, got "high"'
  )
})

it('fails the step for a region that names no place, instead of a world average', () => {
  const run = runAction({ telemetry: 'examples/*.csv', region: 'Swedn' })
  expect(run.status).toBe(1)
  expect(run.stdout).toContain('::error::unknown region "Swedn"')
})
