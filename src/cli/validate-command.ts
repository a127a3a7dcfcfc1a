import { isoOrNull } from '../audit/device-json.js'
import { collectDevices } from '../audit/device-records.js'
import { expandInputs } from '../audit/expand-inputs.js'
import { type FileReading, readTelemetry } from '../audit/read-telemetry.js'
import { makeSpecResolver } from '../audit/spec-resolver.js'
import { stripControl } from '../report/escape-text.js'
import { parseAuditArgs } from './audit-flags.js'
import { EXIT } from './exit-codes.js'
import { validateHelp } from './help.js'
import { UsageError } from './usage-error.js'
import { writeOutput } from './write-output.js'

/** What `validate` reports for one file. */
interface FileReport {
  file: string
  format: string | null
  ok: boolean
  error?: string
  devices: {
    id: string
    name: string | null
    level: string
    samples: number
    first: string | null
    last: string | null
  }[]
  rejected_rows: number
  problems: string[]
}

/** `validate FILE...`: can these files be audited, and what is in them? */
export async function runValidateCommand(args: string[]): Promise<number> {
  const command = parseAuditArgs(args)
  if (command.help) {
    process.stdout.write(validateHelp())
    return EXIT.ok
  }
  if (command.format === 'markdown')
    throw new UsageError('validate --format must be text or json')
  const inputs = await expandInputs(command.paths)
  const readings = await readTelemetry(
    inputs,
    command.options,
    makeSpecResolver(command.options)
  )
  const reports = readings.map(fileReport)
  const text =
    command.format === 'json'
      ? `${JSON.stringify({ schema: 'ecocompute.validate/v1', files: reports }, null, 2)}\n`
      : reports.map(textReport).join('\n')
  await writeOutput(text, command.out)
  return reports.every(report => report.ok) ? EXIT.ok : EXIT.noData
}

/** One file's report. */
function fileReport(reading: FileReading): FileReport {
  if (!('sink' in reading)) {
    return {
      file: reading.file,
      format: reading.format ?? null,
      ok: false,
      error: reading.error,
      devices: [],
      rejected_rows: 0,
      problems: []
    }
  }
  const records = collectDevices([reading])
  const devices = records.map(device => ({
    id: device.id,
    name: device.identity.name ?? null,
    level: device.outcome.level,
    samples: device.outcome.samples,
    first: isoOrNull(device.outcome.firstMs),
    last: isoOrNull(device.outcome.lastMs)
  }))
  const sink = reading.sink
  const problems = [
    ...sink.rejected.map(r => `line ${r.line}: ${r.reason}`),
    ...sink.warnings.map(w =>
      w.line === undefined ? w.message : `line ${w.line}: ${w.message}`
    ),
    ...records.flatMap(device =>
      device.outcome.findings.map(f => `${device.id}: ${f.message}`)
    )
  ]
  return {
    file: reading.file,
    format: reading.format,
    ok: devices.length > 0,
    devices,
    rejected_rows: sink.rejectedCount,
    problems
  }
}

/** First to last reading, or why the file gives no dates. */
function span(device: FileReport['devices'][number]): string {
  if (device.first === null)
    return 'no dates (times counted from the first row)'
  return `${device.first} → ${device.last}`
}

/** One file's report as text. */
function textReport(report: FileReport): string {
  const lines = [
    `${stripControl(report.file)}: ${report.ok ? 'OK' : 'NOT USABLE'} (${report.format ?? 'unrecognised format'})`
  ]
  if (report.error) lines.push(`  ${stripControl(report.error)}`)
  for (const device of report.devices) {
    lines.push(
      `  device ${stripControl(device.id)} ${stripControl(device.name ?? '(model not named)')}: ${device.samples} samples, ${span(device)}, ${device.level}`
    )
  }
  if (report.rejected_rows > 0)
    lines.push(`  ${report.rejected_rows} rejected row(s)`)
  for (const problem of report.problems.slice(0, 20))
    lines.push(`  - ${stripControl(problem)}`)
  if (report.problems.length > 20)
    lines.push(`  … ${report.problems.length - 20} more`)
  return `${lines.join('\n')}\n`
}
