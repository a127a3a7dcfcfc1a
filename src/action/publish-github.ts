import * as core from '@actions/core'
import type { AuditResult } from '../audit/audit-schema.js'
import { type CheckConclusion, publishCheckRun } from '../github/check-run.js'
import { GitHubRestClient } from '../github/rest-client.js'
import { upsertStickyComment } from '../github/sticky-comment.js'
import { tokenLogin } from '../github/token-login.js'
import type { ActionContext } from './action-context.js'
import type { ActionConfig } from './action-inputs.js'

/** What the run is reporting, ready to publish. */
export interface Report {
  result: AuditResult
  markdown: string
  runUrl: string
}

const CONCLUSIONS: Record<string, CheckConclusion> = {
  pass: 'success',
  fail: 'failure',
  neutral: 'neutral'
}

/**
 * Posts the sticky comment and the check run. Neither can change the
 * verdict: a refused write (a fork's read-only token) or an API failure
 * is a warning, and the report is still in the job summary.
 */
export async function publishToGitHub(
  report: Report,
  config: ActionConfig,
  context: ActionContext
): Promise<void> {
  const wantsComment =
    context.pullRequest !== undefined && config.comment !== 'off'
  if (!wantsComment && !config.checkRun) return
  if (config.token === undefined) {
    core.warning(
      'github-token is empty: no comment or check run; the report is in the job summary'
    )
    return
  }
  const client = new GitHubRestClient({
    baseUrl: context.apiUrl,
    token: config.token
  })
  await attempt('comment', () => postComment(client, report, config, context))
  await attempt('check run', () =>
    postCheckRun(client, report, config, context)
  )
}

/** Runs one publishing step; a failure becomes a warning. */
async function attempt(what: string, step: () => Promise<void>): Promise<void> {
  try {
    await step()
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    core.warning(
      `${what} not published: ${message}; the report is in the job summary`
    )
  }
}

/** The sticky comment on the pull request, when there is one. */
async function postComment(
  client: GitHubRestClient,
  report: Report,
  config: ActionConfig,
  context: ActionContext
): Promise<void> {
  const pr = context.pullRequest
  if (pr === undefined || config.comment === 'off') return
  const result = await upsertStickyComment(client, {
    botLogin: await tokenLogin(client),
    owner: context.owner,
    repo: context.repo,
    issueNumber: pr.number,
    key: config.commentKey,
    body: report.markdown,
    headSha: pr.headSha,
    runId: context.runId,
    runAttempt: context.runAttempt,
    mode: config.comment
  })
  for (const warning of result.warnings) core.warning(warning)
  if (result.status === 'forbidden') {
    core.warning(
      `comment refused (${result.reason ?? '403'}): the token cannot write to pull requests (a fork's read-only token, or a workflow without pull-requests: write); see the fork pattern in the README`
    )
  } else
    core.info(`Comment ${result.status}${result.url ? `: ${result.url}` : ''}`)
}

/** The check run on the head commit (the PR head, not the merge commit). */
async function postCheckRun(
  client: GitHubRestClient,
  report: Report,
  config: ActionConfig,
  context: ActionContext
): Promise<void> {
  if (!config.checkRun) return
  const verdict = report.result.comparison?.verdict ?? 'neutral'
  const key = config.commentKey === 'default' ? '' : ` / ${config.commentKey}`
  const result = await publishCheckRun(client, {
    owner: context.owner,
    repo: context.repo,
    headSha: context.pullRequest?.headSha ?? context.sha,
    name: `EcoCompute audit (${context.workflow} / ${context.job}${key})`,
    conclusion: CONCLUSIONS[verdict] ?? 'neutral',
    title: `${report.result.carbon.kg.toPrecision(3)} kg CO2e, ${report.result.energy.facility_kwh.toPrecision(3)} kWh, ${verdict}`,
    summary: report.markdown,
    externalId: `ecocompute:${context.workflow}:${context.job}:${config.commentKey}`,
    detailsUrl: report.runUrl
  })
  if (result.status === 'forbidden') {
    core.warning(
      `check run refused (${result.reason ?? '403'}): the token lacks checks: write (forks never have it)`
    )
  } else
    core.info(
      `Check run ${result.status}${result.url ? `: ${result.url}` : ''}`
    )
}
