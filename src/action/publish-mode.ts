import { readFileSync } from 'node:fs'
import * as core from '@actions/core'
import type { AuditResult } from '../audit/audit-schema.js'
import { auditArtifactPrefix } from '../github/artifact-name.js'
import { publishCheckRun } from '../github/check-run.js'
import { GitHubRestClient } from '../github/rest-client.js'
import { tokenLogin } from '../github/token-login.js'
import {
  type StickyMode,
  type StickyResult,
  upsertStickyComment
} from '../github/sticky-comment.js'
import { escapeMarkdown } from '../report/escape-markdown.js'
import { renderMarkdown } from '../report/render-markdown.js'
import { formatZodIssues } from './format-zod-issues.js'
import type { ActionContext } from './action-context.js'
import type { ActionConfig } from './action-inputs.js'
import { readStoredReport } from './stored-report.js'
import {
  type TriggeringRun,
  WorkflowRunEvent,
  findPullRequest
} from './workflow-run-event.js'

/**
 * `mode: publish`, the second half of the fork pattern (DESIGN §6, B54,
 * B75): a `pull_request` workflow audits with a read-only token and
 * uploads its audit JSON; a `workflow_run` workflow with a write token
 * runs this, which never touches the pull request's code. It finds the
 * pull request from the event, reads the artifact as untrusted data,
 * re-renders it and posts the comment and check run. The verdict is
 * advisory: nothing here fails the build because of it.
 */

/** Line put above the re-rendered report. */
export const ADVISORY_NOTE =
  "> **advisory: computed in the pull request's own workflow.** This report was re-rendered from that run's audit artifact; its verdict does not gate this workflow."

/** What publish mode needs to know. */
export interface PublishRequest {
  owner: string
  repo: string
  serverUrl: string
  /** The `workflow_run` event payload, unvalidated. */
  payload: unknown
  commentKey: string
  comment: StickyMode
  checkRun: boolean
}

/** What happened; `warnings` and `notes` are for the log. */
export interface PublishOutcome {
  status:
    | 'posted'
    | 'no-event'
    | 'no-pull-request'
    | 'no-artifact'
    | 'invalid-artifact'
  pullRequest?: number
  comment?: StickyResult
  /** The rendered report, when one was posted. */
  markdown?: string
  warnings: string[]
  notes: string[]
}

/**
 * Publishes the triggering run's stored audit. Every miss (no pull
 * request, no artifact, an invalid artifact) is a warning in the
 * outcome; only unexpected API failures throw.
 */
export async function publishStoredAudit(
  client: GitHubRestClient,
  request: PublishRequest
): Promise<PublishOutcome> {
  const warnings: string[] = []
  const notes: string[] = []
  const event = WorkflowRunEvent.safeParse(request.payload)
  if (!event.success) {
    warnings.push(
      `mode: publish needs a workflow_run event: ${formatZodIssues(event.error).replace(/\n/g, '; ')}`
    )
    return { status: 'no-event', warnings, notes }
  }
  const run = event.data.workflow_run
  const pr = await findPullRequest(client, request, run)
  if (pr.number === undefined) {
    warnings.push(
      `mode: publish: no pull request found (${pr.why}); nothing posted`
    )
    return { status: 'no-pull-request', warnings, notes }
  }
  notes.push(`Pull request #${pr.number}, found from ${pr.via}`)
  const stored = await readStoredReport(client, {
    owner: request.owner,
    repo: request.repo,
    runId: run.id,
    artifactPrefix: auditArtifactPrefix(run.name ?? '', request.commentKey)
  })
  if (stored.result === undefined) {
    warnings.push(`mode: publish: ${stored.why}; nothing posted`)
    const status = stored.invalid ? 'invalid-artifact' : 'no-artifact'
    return { status, pullRequest: pr.number, warnings, notes }
  }
  notes.push(`Publishing ${stored.artifact} of run ${run.id}`)
  const runUrl = `${request.serverUrl}/${request.owner}/${request.repo}/actions/runs/${run.id}`
  const markdown = `${ADVISORY_NOTE}\n\n${renderMarkdown(stored.result, { runUrl, maxChars: 58_000 })}`
  const comment = await postReport(
    client,
    request,
    { run, runUrl, prNumber: pr.number, markdown },
    stored.result,
    warnings,
    notes
  )
  const status = 'posted'
  return { status, pullRequest: pr.number, comment, markdown, warnings, notes }
}

/** The stored report, rendered, and where it goes. */
interface ReportPost {
  run: TriggeringRun
  runUrl: string
  prNumber: number
  markdown: string
}

/** The advisory comment and check run for one validated audit. */
async function postReport(
  client: GitHubRestClient,
  request: PublishRequest,
  post: ReportPost,
  result: AuditResult,
  warnings: string[],
  notes: string[]
): Promise<StickyResult> {
  const { run, runUrl, prNumber, markdown } = post
  const comment = await upsertStickyComment(client, {
    botLogin: await tokenLogin(client),
    owner: request.owner,
    repo: request.repo,
    issueNumber: prNumber,
    key: request.commentKey,
    body: markdown,
    headSha: run.head_sha,
    runId: run.id,
    runAttempt: run.run_attempt ?? 1,
    mode: request.comment
  })
  warnings.push(...comment.warnings)
  if (comment.status === 'forbidden')
    warnings.push(
      `comment refused (${comment.reason ?? '403'}): the token needs pull-requests: write`
    )
  else
    notes.push(
      `Comment ${comment.status}${comment.url ? `: ${comment.url}` : ''}`
    )
  if (request.checkRun) {
    const verdict = result.comparison?.verdict ?? 'neutral'
    const key =
      request.commentKey === 'default' ? '' : ` / ${request.commentKey}`
    const workflow = run.name ?? 'workflow'
    const check = await publishCheckRun(client, {
      owner: request.owner,
      repo: request.repo,
      headSha: run.head_sha,
      name: `EcoCompute audit (${workflow} / publish${key})`,
      // Advisory: an untrusted artifact's verdict never blocks a merge.
      conclusion: 'neutral',
      title: `${result.carbon.kg.toPrecision(3)} kg CO2e, ${result.energy.facility_kwh.toPrecision(3)} kWh, ${verdict} (advisory)`,
      summary: markdown,
      externalId: `ecocompute:publish:${workflow}:${request.commentKey}`,
      detailsUrl: runUrl
    })
    if (check.status === 'forbidden')
      warnings.push(
        `check run refused (${check.reason ?? '403'}): the token needs checks: write`
      )
    else
      notes.push(
        `Check run ${check.status}${check.url ? `: ${check.url}` : ''}`
      )
  }
  return comment
}

/**
 * The action's publish step: reads the event payload, publishes with the
 * workflow's token and logs the outcome. Never fails the step for a miss.
 */
export async function runPublishMode(
  config: ActionConfig,
  context: ActionContext
): Promise<void> {
  if (config.token === undefined) {
    core.warning('mode: publish needs github-token; nothing posted')
    return
  }
  const outcome = await publishStoredAudit(
    new GitHubRestClient({ baseUrl: context.apiUrl, token: config.token }),
    {
      owner: context.owner,
      repo: context.repo,
      serverUrl: context.serverUrl,
      payload: readEventPayload(process.env.GITHUB_EVENT_PATH),
      commentKey: config.commentKey,
      comment: config.comment,
      checkRun: config.checkRun
    }
  )
  for (const note of outcome.notes) core.info(note)
  for (const warning of outcome.warnings) core.warning(warning)
  await core.summary.addRaw(publishSummary(outcome)).write()
}

/** The job summary: the report posted, or why nothing was. */
function publishSummary(outcome: PublishOutcome): string {
  if (outcome.markdown !== undefined) return outcome.markdown
  const reasons = outcome.warnings.map(w => `- ${escapeMarkdown(w)}`)
  return `## Sustainability Audit\n\nNothing was published:\n\n${reasons.join('\n')}\n`
}

/** The event payload file's JSON, or undefined when unreadable. */
function readEventPayload(path: string | undefined): unknown {
  if (!path) return undefined
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown
  } catch {
    return undefined
  }
}
