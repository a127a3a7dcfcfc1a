import * as core from '@actions/core'
import * as glob from '@actions/glob'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { runAudit } from '../audit/run-audit.js'
import type { AuditResult } from '../audit/audit-schema.js'
import { renderMarkdown } from '../report/render-markdown.js'
import { readActionInputs } from './action-inputs.js'

/**
 * The action: read inputs → find telemetry → audit → job summary →
 * outputs. The only place that catches and calls setFailed.
 */
export async function run(): Promise<void> {
  try {
    const config = readActionInputs()
    const files = await findTelemetry(config.telemetryPatterns)
    core.info(`Auditing ${files.length} telemetry file(s)`)
    const result = await runAudit(files, config.options)
    await publish(result)
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error))
  }
}

/** Files matching the telemetry globs; an error when none match. */
async function findTelemetry(patterns: string[]): Promise<string[]> {
  const globber = await glob.create(patterns.join('\n'), {
    matchDirectories: false
  })
  const files = (await globber.glob()).sort()
  if (files.length === 0) {
    throw new Error(
      `telemetry: no file matches ${patterns.map(p => `"${p}"`).join(', ')}`
    )
  }
  return files
}

/** Job summary, the report file and the step outputs. */
async function publish(result: AuditResult): Promise<void> {
  const markdown = renderMarkdown(result)
  await core.summary.addRaw(markdown).write()
  const reportPath = join(
    process.env.RUNNER_TEMP ?? '.',
    'ecocompute-audit.json'
  )
  await writeFile(reportPath, `${JSON.stringify(result, null, 2)}\n`)

  setRange(
    'energy-kwh',
    result.energy.facility_kwh,
    result.energy.low_kwh,
    result.energy.high_kwh
  )
  setRange(
    'carbon-kg',
    result.carbon.kg,
    result.carbon.low_kg,
    result.carbon.high_kg
  )
  setRange(
    'cost-usd',
    result.cost.total_usd,
    result.cost.low_usd,
    result.cost.high_usd
  )
  core.setOutput('grounding-level', result.grounding.level)
  core.setOutput('report-path', reportPath)
  core.info(
    `Facility energy ${result.energy.facility_kwh.toPrecision(4)} kWh, ${result.carbon.kg.toPrecision(4)} kg CO2e, level ${result.grounding.level}`
  )
  for (const warning of result.warnings.slice(0, 10))
    core.warning(warning.message)
}

/** NAME, NAME-low and NAME-high outputs; empty when not computed. */
function setRange(
  name: string,
  value: number | null,
  low: number | null,
  high: number | null
): void {
  core.setOutput(name, value ?? '')
  core.setOutput(`${name}-low`, low ?? '')
  core.setOutput(`${name}-high`, high ?? '')
}
