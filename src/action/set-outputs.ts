import * as core from '@actions/core'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { AuditResult } from '../audit/audit-schema.js'
import { AUDIT_ENTRY_NAME } from '../github/find-baseline.js'

/** Writes the audit JSON into the runner's temp folder; returns its path. */
export async function writeReport(
  result: AuditResult,
  runnerTemp: string
): Promise<string> {
  const reportPath = join(runnerTemp, AUDIT_ENTRY_NAME)
  await writeFile(reportPath, `${JSON.stringify(result, null, 2)}\n`)
  return reportPath
}

/** Sets every output; values not computed are empty strings, never 0. */
export function setResultOutputs(
  result: AuditResult,
  reportPath: string
): void {
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
  // 12 significant digits: 20, not the float sum's 20.000000000000004.
  const change = result.comparison?.change_percent
  core.setOutput(
    'change-percent',
    change === null || change === undefined
      ? ''
      : Number(change.toPrecision(12))
  )
  core.setOutput('verdict', result.comparison?.verdict ?? 'neutral')
  core.setOutput('report-path', reportPath)
  core.info(
    `Facility energy ${result.energy.facility_kwh.toPrecision(4)} kWh, ${result.carbon.kg.toPrecision(4)} kg CO2e, level ${result.grounding.level}, verdict ${result.comparison?.verdict ?? 'neutral'}`
  )
  warnAggregated(result)
}

/** NAME, NAME-low and NAME-high; empty when not computed. */
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

/** One annotation per warning code, with its count and first message. */
function warnAggregated(result: AuditResult): void {
  const byCode = new Map<string, { count: number; first: string }>()
  for (const warning of result.warnings) {
    const seen = byCode.get(warning.code)
    const count = warning.count ?? 1
    if (seen) seen.count += count
    else byCode.set(warning.code, { count, first: warning.message })
  }
  for (const [code, { count, first }] of byCode) {
    core.warning(
      count > 1 ? `${code} (×${count}): ${first}` : `${code}: ${first}`
    )
  }
}
