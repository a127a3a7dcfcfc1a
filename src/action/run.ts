import * as core from '@actions/core'
import type { AuditResult } from '../audit/audit-schema.js'
import { runAudit } from '../audit/run-audit.js'
import { compareAudits } from '../compare/compare-audits.js'
import {
  auditArtifactName,
  auditArtifactPrefix
} from '../github/artifact-name.js'
import { findBaselineArtifact } from '../github/find-baseline.js'
import { GitHubRestClient } from '../github/rest-client.js'
import { renderMarkdown } from '../report/render-markdown.js'
import { type ActionContext, readActionContext } from './action-context.js'
import { type ActionConfig, readActionInputs } from './action-inputs.js'
import { gatherTelemetry } from './gather-telemetry.js'
import { type BaselineLookup, loadBaseline } from './load-baseline.js'
import { publishToGitHub } from './publish-github.js'
import { runPublishMode } from './publish-mode.js'
import { setResultOutputs, writeReport } from './set-outputs.js'
import { uploadAuditReport } from './upload-report.js'

/**
 * The action: inputs → telemetry → audit → baseline → compare → render
 * → publish → outputs (`mode: publish` only posts a fork's stored
 * report). The only place that catches and calls setFailed.
 */
export async function run(): Promise<void> {
  try {
    const config = readActionInputs()
    const context = readActionContext()
    if (config.mode === 'publish') return await runPublishMode(config, context)
    warnAboutEvent(context)
    const result = await auditAndCompare(config, context)
    const runUrl = `${context.serverUrl}/${context.owner}/${context.repo}/actions/runs/${context.runId}`
    const markdown = renderMarkdown(result, { runUrl })
    await core.summary.addRaw(markdown).write()
    const reportPath = await writeReport(result, context.runnerTemp)
    setResultOutputs(result, reportPath)
    core.setOutput(
      'artifact-name',
      auditArtifactName(context.workflow, config.commentKey, context.runAttempt)
    )
    await uploadAuditReport(reportPath, config, context)
    await publishToGitHub({ result, markdown, runUrl }, config, context)
    if (result.comparison?.verdict === 'fail') {
      core.setFailed(
        `carbon gate failed: ${result.comparison.reasons.join('; ')}`
      )
    }
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error))
  }
}

/** Reads the telemetry, audits it and compares it with the baseline. */
async function auditAndCompare(
  config: ActionConfig,
  context: ActionContext
): Promise<AuditResult> {
  const telemetry = await gatherTelemetry(config.telemetryPatterns, context)
  core.info(`Auditing ${telemetry.paths.length} telemetry path(s)`)
  const audit = await runAudit(telemetry.paths, {
    ...config.options,
    jobFolders: telemetry.jobFolders
  })
  const baseline = await loadBaseline(
    config.baseline,
    baselineLookup(config, context)
  )
  return {
    ...audit,
    comparison: compareAudits(
      baseline.result,
      audit,
      config.gates,
      baseline.source
    )
  }
}

/**
 * The artifact lookup for `baseline: auto`: only on a pull request and
 * with a token, since it reads the base repository's workflow runs.
 */
function baselineLookup(
  config: ActionConfig,
  context: ActionContext
): BaselineLookup | undefined {
  const pr = context.pullRequest
  const token = config.token
  if (pr === undefined || token === undefined) return undefined
  return () =>
    findBaselineArtifact(
      new GitHubRestClient({ baseUrl: context.apiUrl, token }),
      {
        owner: context.owner,
        repo: context.repo,
        workflowFile: workflowFileOf(context.workflowRef),
        workflowName: context.workflow,
        baseSha: pr.baseSha,
        baseRef: pr.baseRef,
        artifactPrefix: auditArtifactPrefix(context.workflow, config.commentKey)
      }
    )
}

/** `audit.yml` from `owner/repo/.github/workflows/audit.yml@refs/…`. */
function workflowFileOf(ref: string): string | undefined {
  const match = /\/\.github\/workflows\/([^/@]+)@/.exec(ref)
  return match?.[1]
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
