import * as core from '@actions/core'
import * as glob from '@actions/glob'
import type { AuditResult } from '../audit/audit-schema.js'
import { runAudit } from '../audit/run-audit.js'
import { compareAudits } from '../compare/compare-audits.js'
import { renderMarkdown } from '../report/render-markdown.js'
import { type ActionContext, readActionContext } from './action-context.js'
import { readActionInputs } from './action-inputs.js'
import { loadBaseline } from './load-baseline.js'
import { publishToGitHub } from './publish-github.js'
import { setResultOutputs } from './set-outputs.js'

/**
 * The action: inputs → telemetry → audit → baseline → compare → render
 * → publish → outputs. The only place that catches and calls setFailed.
 */
export async function run(): Promise<void> {
  try {
    const config = readActionInputs()
    const context = readActionContext()
    warnAboutEvent(context)
    const files = await findTelemetry(config.telemetryPatterns)
    core.info(`Auditing ${files.length} telemetry file(s)`)
    const audit = await runAudit(files, config.options)
    const baseline = await loadBaseline(config.baseline)
    const result: AuditResult = {
      ...audit,
      comparison: compareAudits(
        baseline.result,
        audit,
        config.gates,
        baseline.source
      )
    }
    const runUrl = `${context.serverUrl}/${context.owner}/${context.repo}/actions/runs/${context.runId}`
    const markdown = renderMarkdown(result, { runUrl })
    await core.summary.addRaw(markdown).write()
    await publishToGitHub({ result, markdown, runUrl }, config, context)
    await setResultOutputs(result)
    if (result.comparison?.verdict === 'fail') {
      core.setFailed(
        `carbon gate failed: ${result.comparison.reasons.join('; ')}`
      )
    }
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

/** Says what a run outside a pull request does, and warns about pull_request_target. */
function warnAboutEvent(context: ActionContext): void {
  if (context.eventName === 'pull_request_target') {
    core.warning(
      "pull_request_target runs with a write token: never check out or run the pull request's code in this job; see the fork pattern in the README"
    )
  }
  if (context.pullRequest === undefined) {
    core.info(
      `Event ${context.eventName || 'unknown'}: no pull request, so no comment; summary, check run and outputs only`
    )
  }
}
