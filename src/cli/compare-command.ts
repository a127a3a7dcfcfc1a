import type { ParseArgsConfig } from 'node:util'
import type { AuditResult } from '../audit/audit-schema.js'
import { compareAudits } from '../compare/compare-audits.js'
import { type GateOptions, parseGateOptions } from '../compare/gate-options.js'
import { METRIC_WORDS } from '../compare/measurement.js'
import {
  readAuditFile,
  readOptionalAuditFile
} from '../compare/read-audit-file.js'
import { safeText } from '../report/escape-text.js'
import {
  formatChangePercent,
  formatNumber,
  formatQuantity
} from '../report/format-number.js'
import { OUTPUT_FORMATS } from './audit-flags.js'
import { compareHelp } from './compare-help.js'
import { EXIT } from './exit-codes.js'
import { choiceOption } from './option-values.js'
import { parseCommandArgs } from './parse-command-args.js'
import { renderResult } from './audit-command.js'
import { UsageError } from './usage-error.js'
import { writeOutput } from './write-output.js'

/** Options of `compare`. */
const COMPARE_OPTION_SPEC = {
  'max-increase': { type: 'string' },
  'carbon-budget-kg': { type: 'string' },
  'min-change': { type: 'string' },
  'on-missing-baseline': { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' }
} as const satisfies ParseArgsConfig['options']

/** The word for BASE that means "no baseline", as the action's input. */
const NO_BASELINE = 'none'

/**
 * `compare BASE.json HEAD.json`: the action's gates outside GitHub. Exit
 * 0 on pass or neutral, 3 when a gate failed; throws UsageError (2) and
 * InputError (1) for main to report.
 */
export async function runCompareCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseStrict(args)
  if (values.help === true) {
    process.stdout.write(compareHelp())
    return EXIT.ok
  }
  const format = choiceOption('format', values.format, OUTPUT_FORMATS, 'text')
  const gates = parseGateOptions(values, '--')
  const [basePath, headPath] = filePair(positionals)

  const head = await readAuditFile(headPath)
  const base = await readBase(basePath, gates)
  const source = base === undefined ? missingSource(basePath) : basePath
  const comparison = compareAudits(base, head, gates, source)
  const result: AuditResult = { ...head, comparison }
  await writeOutput(renderResult(result, format, summaryText), values.out)
  return comparison.verdict === 'fail' ? EXIT.gateFailed : EXIT.ok
}

/** This command's arguments, strictly parsed. */
function parseStrict(args: readonly string[]) {
  return parseCommandArgs(args, COMPARE_OPTION_SPEC)
}

/** BASE and HEAD, or a usage error. */
function filePair(positionals: readonly string[]): [string, string] {
  const [basePath, headPath, ...extra] = positionals
  if (basePath === undefined || headPath === undefined || extra.length > 0) {
    throw new UsageError(
      `compare needs two files, BASE.json and HEAD.json, got ${positionals.length}`
    )
  }
  return [basePath, headPath]
}

/** The base result, or undefined (with a note) when there is none. */
async function readBase(
  path: string,
  gates: GateOptions
): Promise<AuditResult | undefined> {
  const base =
    path === NO_BASELINE ? undefined : await readOptionalAuditFile(path)
  if (base === undefined) {
    process.stderr.write(
      `note: no baseline (${missingSource(path)}); verdict ${gates.onMissingBaseline} by --on-missing-baseline\n`
    )
  }
  return base
}

/** Where the missing baseline was looked for. */
function missingSource(path: string): string {
  return path === NO_BASELINE ? NO_BASELINE : `${path}: missing or empty`
}

/** A few lines: verdict, the compared values, and the reasons. */
function summaryText(result: AuditResult): string {
  const comparison = result.comparison
  if (comparison === undefined) return ''
  const metric = comparison.metric ?? 'carbon'
  const { label, unitText } = METRIC_WORDS[metric]
  const head = formatQuantity(comparison.head_value, unitText)
  const values =
    comparison.base_value === null || comparison.base_value === undefined
      ? `${label} ${head}, no baseline`
      : `${label} ${formatNumber(comparison.base_value)} → ${head} (${formatChangePercent(comparison.change_percent)})`
  const lines = [
    `Comparison with ${safeText(comparison.baseline_source, 80)}: ${comparison.verdict.toUpperCase()}`,
    `  ${values}`,
    ...comparison.reasons.map(reason => `  - ${safeText(reason, 200)}`)
  ]
  return `${lines.join('\n')}\n`
}
