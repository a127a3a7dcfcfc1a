import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { z } from 'zod'
import { PUBLIC_API_URL } from '../github/rest-config.js'

/** The pull request a run is about, from the event payload. */
export interface PullRequestContext {
  number: number
  headSha: string
  baseSha: string
  baseRef: string
  headRepository: string
  /** True when the head is in another repository: a read-only token. */
  isFork: boolean
}

/** Who and where this run is, as the runner describes it. */
export interface ActionContext {
  eventName: string
  owner: string
  repo: string
  apiUrl: string
  serverUrl: string
  runId: number
  runAttempt: number
  workflow: string
  job: string
  /** `GITHUB_SHA`: on a pull request, the merge commit, not the head. */
  sha: string
  /** `GITHUB_WORKFLOW_REF`: `owner/repo/.github/workflows/FILE@ref`. */
  workflowRef: string
  /** `RUNNER_TEMP`: where the report goes. */
  runnerTemp: string
  /** `GITHUB_WORKSPACE`: where telemetry artifacts are downloaded. */
  workspace: string
  pullRequest: PullRequestContext | undefined
}

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target'])

/**
 * Reads the runner's `GITHUB_*` variables and event payload once. Every
 * URL comes from GITHUB_API_URL and GITHUB_SERVER_URL, so GitHub
 * Enterprise Server works; events other than pull requests have none.
 */
export function readActionContext(
  env: NodeJS.ProcessEnv = process.env
): ActionContext {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/')
  const eventName = env.GITHUB_EVENT_NAME ?? ''
  const payload = readPayload(env.GITHUB_EVENT_PATH)
  return {
    eventName,
    owner,
    repo,
    apiUrl: env.GITHUB_API_URL || PUBLIC_API_URL,
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
    runId: Number(env.GITHUB_RUN_ID ?? 0) || 0,
    runAttempt: Number(env.GITHUB_RUN_ATTEMPT ?? 1) || 1,
    workflow: env.GITHUB_WORKFLOW ?? 'workflow',
    job: env.GITHUB_JOB ?? 'job',
    sha: env.GITHUB_SHA ?? '',
    workflowRef: env.GITHUB_WORKFLOW_REF ?? '',
    runnerTemp: env.RUNNER_TEMP || tmpdir(),
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    pullRequest: PULL_REQUEST_EVENTS.has(eventName)
      ? pullRequestOf(payload, `${owner}/${repo}`)
      : undefined
  }
}

/** The event payload, or an empty object when there is none to read. */
function readPayload(path: string | undefined): Record<string, unknown> {
  if (!path) return {}
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'))
    return typeof parsed === 'object' && parsed !== null
      ? (parsed as Record<string, unknown>)
      : {}
  } catch {
    return {}
  }
}

/** The part of a `pull_request` payload the action reads. */
const PullRequestPayload = z.object({
  number: z.number(),
  head: z.object({
    sha: z.string(),
    repo: z.object({ full_name: z.string() }).nullish()
  }),
  base: z.object({ sha: z.string(), ref: z.string() })
})

/** The pull request fields the action needs, when the payload has them. */
function pullRequestOf(
  payload: Record<string, unknown>,
  repository: string
): PullRequestContext | undefined {
  const parsed = PullRequestPayload.safeParse(payload.pull_request)
  if (!parsed.success) return undefined
  const pr = parsed.data
  // A deleted fork has no head repository: treat it as a fork.
  const headRepository = pr.head.repo?.full_name ?? '(deleted fork)'
  return {
    number: pr.number,
    headSha: pr.head.sha,
    baseSha: pr.base.sha,
    baseRef: pr.base.ref,
    headRepository,
    isFork: headRepository !== repository
  }
}
