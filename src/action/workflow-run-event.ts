import { z } from 'zod'
import { GitHubApiError } from '../github/github-errors.js'
import type { GitHubRestClient } from '../github/rest-client.js'

/**
 * The `workflow_run` event that starts a `mode: publish` job, and the pull
 * request it is about. The pull request comes from the event alone (the
 * triggering run's head SHA, branch and repository), never from the
 * artifact that run uploaded (DESIGN §6, B54, B75).
 */

/** The part of a `workflow_run` payload that publish mode reads. */
export const WorkflowRunEvent = z.object({
  workflow_run: z.object({
    id: z.number().int().positive(),
    name: z.string().nullish(),
    run_attempt: z.number().int().positive().nullish(),
    head_sha: z.string().regex(/^[0-9a-f]{40}$/i, 'a 40-digit hex SHA'),
    head_branch: z.string().nullish(),
    head_repository: z.object({ full_name: z.string() }).nullish(),
    event: z.string(),
    conclusion: z.string().nullish(),
    pull_requests: z
      .array(
        z.object({
          number: z.number().int().positive(),
          head: z.object({ sha: z.string() }).optional()
        })
      )
      .default([])
  })
})
/** The triggering run, as the payload describes it. */
export type TriggeringRun = z.output<typeof WorkflowRunEvent>['workflow_run']

/** The pull request found for the triggering run, or why there is none. */
export type PullRequestFound =
  { number: number; via: string } | { number: undefined; why: string }

const OpenPull = z.object({
  number: z.number().int().positive(),
  head: z.object({ sha: z.string() })
})

/**
 * The pull request of the triggering run: the one the payload lists;
 * else an open one whose head label is `headOwner:head_branch` and
 * whose head SHA is the run's; else one of the commit's pull requests
 * with that head SHA. Only unexpected API failures throw.
 */
export async function findPullRequest(
  client: GitHubRestClient,
  repo: { owner: string; repo: string },
  run: TriggeringRun
): Promise<PullRequestFound> {
  if (run.event !== 'pull_request') {
    return {
      number: undefined,
      why: `the triggering run was a ${run.event} event, not pull_request`
    }
  }
  const listed = run.pull_requests[0]
  if (run.pull_requests.length === 1 && listed) {
    return { number: listed.number, via: 'the workflow_run payload' }
  }
  const base = `/repos/${enc(repo.owner)}/${enc(repo.repo)}`
  const headOwner = run.head_repository?.full_name.split('/')[0]
  if (headOwner && run.head_branch) {
    const byHead = await pullsWithHead(client, run.head_sha, `${base}/pulls`, {
      state: 'open',
      head: `${headOwner}:${run.head_branch}`
    })
    if (byHead !== undefined)
      return { number: byHead, via: `head ${headOwner}:${run.head_branch}` }
  }
  const byCommit = await pullsWithHead(
    client,
    run.head_sha,
    `${base}/commits/${enc(run.head_sha)}/pulls`,
    {}
  )
  if (byCommit !== undefined)
    return { number: byCommit, via: `commit ${run.head_sha.slice(0, 7)}` }
  return {
    number: undefined,
    why: `no open pull request has head ${headOwner ?? '?'}:${run.head_branch ?? '?'} at ${run.head_sha.slice(0, 7)}`
  }
}

/** The number of the one listed pull request whose head is `sha`. */
async function pullsWithHead(
  client: GitHubRestClient,
  sha: string,
  path: string,
  query: Record<string, string>
): Promise<number | undefined> {
  let items: unknown[]
  try {
    items = (await client.paginate<unknown>(path, query)).items
  } catch (error) {
    if (error instanceof GitHubApiError && error.status === 404)
      return undefined
    throw error
  }
  const matches = items
    .map(item => OpenPull.safeParse(item))
    .flatMap(parsed => (parsed.success ? [parsed.data] : []))
    .filter(pull => pull.head.sha.toLowerCase() === sha.toLowerCase())
  return matches.length === 1 ? matches[0]?.number : undefined
}

/** A path segment, percent-encoded. */
function enc(segment: string): string {
  return encodeURIComponent(segment)
}
