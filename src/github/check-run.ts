import { type GitHubApiError, isForbidden } from './github-errors.js'
import { repoPath } from './issue-comments.js'
import type { GitHubRestClient } from './rest-client.js'
import { truncateMarkdown } from './truncate-markdown.js'

/** Conclusions GitHub accepts for a completed check run. */
export const CHECK_CONCLUSIONS = [
  'success',
  'failure',
  'neutral',
  'cancelled',
  'skipped',
  'timed_out',
  'action_required'
] as const
/** One of CHECK_CONCLUSIONS. */
export type CheckConclusion = (typeof CHECK_CONCLUSIONS)[number]

/** GitHub's limit on `output.summary` and `output.text`, in characters. */
export const MAX_CHECK_OUTPUT_CHARS = 65_535

/** A completed check run to publish on a commit. */
export interface CheckRunOptions {
  owner: string
  repo: string
  headSha: string
  /** Unique per workflow, job and key, so reruns find it again. */
  name: string
  conclusion: CheckConclusion
  title: string
  summary: string
  text?: string
  /** Identifies our run among same-named ones (a job's own check run). */
  externalId: string
  /** Link shown on the check, e.g. the workflow run. */
  detailsUrl?: string
  /** Completion time. Default now. */
  completedAt?: Date
}

/** What happened; only unexpected API failures throw. */
export interface CheckRunResult {
  status: 'created' | 'updated' | 'forbidden'
  checkRunId?: number
  url?: string
  /** Why it was refused. */
  reason?: string
  /** True when summary or text was cut to the limit. */
  truncated: boolean
}

/** The fields of a check run this layer reads. */
interface CheckRun {
  id: number
  name: string
  external_id?: string | null
  html_url?: string
}

/** Note ending a truncated summary or text. */
const CHECK_NOTE = '*Truncated. The full report is in the job summary.*'

/**
 * Creates the check run on the head commit, or, when one with the same
 * name and external id exists there (a rerun), updates it by id. A 403
 * (no `checks: write`, fork pull request) returns `forbidden`.
 */
export async function publishCheckRun(
  client: GitHubRestClient,
  options: CheckRunOptions
): Promise<CheckRunResult> {
  try {
    return await publish(client, options)
  } catch (error) {
    if (!isForbidden(error)) throw error
    return {
      status: 'forbidden',
      reason: forbiddenReason(error),
      truncated: false
    }
  }
}

/** Find, then PATCH or POST. */
async function publish(
  client: GitHubRestClient,
  options: CheckRunOptions
): Promise<CheckRunResult> {
  const repo = repoPath(options.owner, options.repo)
  const existing = await findCheckRun(client, options)
  const limits = { maxChars: MAX_CHECK_OUTPUT_CHARS, maxBytes: 4 * 65_535 }
  const summary = truncateMarkdown(options.summary, limits, CHECK_NOTE)
  const text = truncateMarkdown(options.text ?? '', limits, CHECK_NOTE)
  const body = {
    name: options.name,
    external_id: options.externalId,
    status: 'completed',
    conclusion: options.conclusion,
    completed_at: (options.completedAt ?? new Date()).toISOString(),
    details_url: options.detailsUrl,
    output: {
      title: options.title,
      summary: summary.text,
      text: options.text === undefined ? undefined : text.text
    }
  }
  const response = existing
    ? await client.request<CheckRun>({
        method: 'PATCH',
        path: `${repo}/check-runs/${existing.id}`,
        body
      })
    : await client.request<CheckRun>({
        method: 'POST',
        path: `${repo}/check-runs`,
        body: { ...body, head_sha: options.headSha }
      })
  return {
    status: existing ? 'updated' : 'created',
    checkRunId: response.data.id,
    url: response.data.html_url,
    truncated: summary.truncated || text.truncated
  }
}

/** The newest check run on the commit with our name and external id. */
async function findCheckRun(
  client: GitHubRestClient,
  options: CheckRunOptions
): Promise<CheckRun | undefined> {
  const repo = repoPath(options.owner, options.repo)
  const sha = encodeURIComponent(options.headSha)
  const list = await client.paginate<CheckRun>(
    `${repo}/commits/${sha}/check-runs`,
    { check_name: options.name, filter: 'all' },
    data => (data as { check_runs?: unknown } | undefined)?.check_runs
  )
  return list.items
    .filter(run => run.name === options.name)
    .filter(run => run.external_id === options.externalId)
    .sort((a, b) => b.id - a.id)[0]
}

/** The reason a 403 gives, naming the call that was refused. */
function forbiddenReason(error: GitHubApiError): string {
  return (
    `GitHub refused ${error.method} ${error.endpoint} (403): the token ` +
    'may not write check runs (a fork pull request, or a workflow without ' +
    '`checks: write`); the verdict and the job summary are unaffected'
  )
}
