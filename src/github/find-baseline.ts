import { z } from 'zod'
import {
  DownloadTooLargeError,
  GitHubApiError,
  isForbidden
} from './github-errors.js'
import type { GitHubRestClient } from './rest-client.js'
import { ArchiveError, MAX_ENTRY_BYTES, extractZipEntry } from './zip-entry.js'

/**
 * Finds the base branch's audit result among workflow artifacts (DESIGN
 * §6): first a run of the same workflow for the pull request's base SHA,
 * else the latest successful `push` run on the base branch of the base
 * repository itself, never a fork's run of a branch with the same name
 * (B64). Expired artifacts are skipped by their flag or a 410, never by
 * message text (B62). Every "not found" is an answer with a reason, not
 * an error; only unexpected API failures throw.
 */

/** What to look for. */
export interface BaselineQuery {
  owner: string
  repo: string
  /** Workflow file (`audit.yml`); when given, runs are listed for it. */
  workflowFile?: string
  /** Workflow name (`GITHUB_WORKFLOW`), matched when no file is given. */
  workflowName: string
  baseSha: string
  baseRef: string
  /** Artifact name before the attempt, e.g. `ecocompute-audit-ci-default-`. */
  artifactPrefix: string
  /** Largest artifact download and JSON entry. Default 10 MiB. */
  maxBytes?: number
  /** Clock for the age in `source`, epoch ms. Default Date.now. */
  now?: () => number
}

/** The parsed (not yet validated) audit JSON, or why there is none. */
export interface BaselineFound {
  result: unknown
  source: string
}

/** Name of the audit file inside the artifact. */
export const AUDIT_ENTRY_NAME = 'ecocompute-audit.json'

/** Reason given where the server has no artifact service (GHES). */
export const NO_ARTIFACT_SERVICE =
  'artifact service not available; pass baseline: PATH'

/** Runs tried per stage before giving up. */
const MAX_RUNS_TRIED = 5
/** Runs read for the branch stage: one page, newest first. */
const BRANCH_RUNS_PAGE = 30

const WorkflowRun = z.object({
  id: z.number(),
  name: z.string().nullish(),
  event: z.string(),
  head_branch: z.string().nullish(),
  head_sha: z.string(),
  status: z.string().nullish(),
  conclusion: z.string().nullish(),
  created_at: z.string(),
  head_repository: z.object({ full_name: z.string() }).nullish()
})
type WorkflowRun = z.infer<typeof WorkflowRun>

const Artifact = z.object({
  id: z.number(),
  name: z.string(),
  expired: z.boolean()
})
type Artifact = z.infer<typeof Artifact>

/** Thrown inside the lookup to end it with a reason. */
class Unavailable extends Error {}

/** The baseline audit JSON of the query, or the reason there is none. */
export async function findBaselineArtifact(
  client: GitHubRestClient,
  query: BaselineQuery
): Promise<BaselineFound> {
  try {
    return await lookUp(client, query)
  } catch (error) {
    if (error instanceof Unavailable)
      return { result: undefined, source: error.message }
    throw error
  }
}

/** The two stages in order; reasons of misses are collected. */
async function lookUp(
  client: GitHubRestClient,
  query: BaselineQuery
): Promise<BaselineFound> {
  const reasons: string[] = []
  const bySha = await runsForSha(client, query)
  const found = await tryRuns(client, query, bySha, reasons)
  if (found) return found
  if (bySha.length === 0)
    reasons.push(`no completed run for base sha ${short(query.baseSha)}`)
  const byBranch = (await pushRunsOnBranch(client, query)).filter(
    run => !bySha.some(seen => seen.id === run.id)
  )
  const fromBranch = await tryRuns(client, query, byBranch, reasons)
  if (fromBranch) return fromBranch
  if (byBranch.length === 0) {
    reasons.push(
      `no finished push run on ${query.baseRef} in ${query.owner}/${query.repo}`
    )
  }
  return { result: undefined, source: reasons.join('; ') }
}

/** Runs of the workflow for the base SHA in the base repository. */
async function runsForSha(
  client: GitHubRestClient,
  query: BaselineQuery
): Promise<WorkflowRun[]> {
  const list = await guard(noRuns(query), () =>
    client.paginate<unknown>(
      runsPath(query),
      { head_sha: query.baseSha, status: 'completed' },
      data => (data as { workflow_runs?: unknown }).workflow_runs
    )
  )
  return keepRuns(list.items, query)
    .filter(run => run.head_sha === query.baseSha)
    .sort((a, b) => pushFirst(a, b) || newestFirst(a, b))
}

/**
 * Finished push runs of the workflow on the base branch, newest first.
 * A run that failed counts too: a push over the carbon budget fails its
 * run, yet its audit is the base branch's true state, and skipping it
 * would compare the next pull request with an older, smaller base.
 * Runs without an audit artifact are passed over by the caller.
 */
async function pushRunsOnBranch(
  client: GitHubRestClient,
  query: BaselineQuery
): Promise<WorkflowRun[]> {
  const response = await guard(noRuns(query), () =>
    client.request({
      method: 'GET',
      path: runsPath(query),
      query: {
        event: 'push',
        branch: query.baseRef,
        status: 'completed',
        per_page: BRANCH_RUNS_PAGE
      }
    })
  )
  const items = (response.data as { workflow_runs?: unknown }).workflow_runs
  return keepRuns(Array.isArray(items) ? items : [], query)
    .filter(
      run =>
        run.event === 'push' &&
        run.head_branch === query.baseRef &&
        FINISHED_CONCLUSIONS.has(run.conclusion ?? '')
    )
    .sort(newestFirst)
}

/** Conclusions of push runs whose audit may serve as a baseline. */
const FINISHED_CONCLUSIONS = new Set(['success', 'failure'])

/** Runs API path: the workflow's runs when its file is known. */
function runsPath(query: BaselineQuery): string {
  const repo = `/repos/${enc(query.owner)}/${enc(query.repo)}`
  return query.workflowFile
    ? `${repo}/actions/workflows/${enc(query.workflowFile)}/runs`
    : `${repo}/actions/runs`
}

/** Well-formed runs of this workflow whose code is the base repository's. */
function keepRuns(items: unknown[], query: BaselineQuery): WorkflowRun[] {
  const repository = `${query.owner}/${query.repo}`.toLowerCase()
  const runs: WorkflowRun[] = []
  for (const item of items) {
    const parsed = WorkflowRun.safeParse(item)
    if (!parsed.success) continue
    const run = parsed.data
    const sameWorkflow =
      query.workflowFile !== undefined || run.name === query.workflowName
    const sameRepository =
      run.head_repository?.full_name.toLowerCase() === repository
    if (sameWorkflow && sameRepository) runs.push(run)
  }
  return runs
}

/** The first of (up to MAX_RUNS_TRIED) runs with a usable audit artifact. */
async function tryRuns(
  client: GitHubRestClient,
  query: BaselineQuery,
  runs: WorkflowRun[],
  reasons: string[]
): Promise<BaselineFound | undefined> {
  for (const run of runs.slice(0, MAX_RUNS_TRIED)) {
    const result = await fromRun(client, query, run, reasons)
    if (result !== undefined) return { result, source: describeRun(run, query) }
  }
  return undefined
}

/** The run's audit JSON, or undefined with a reason pushed. */
async function fromRun(
  client: GitHubRestClient,
  query: BaselineQuery,
  run: WorkflowRun,
  reasons: string[]
): Promise<unknown> {
  const artifacts = await auditArtifacts(client, query, run)
  if (artifacts.length === 0) {
    reasons.push(`run ${run.id} has no ${query.artifactPrefix}* artifact`)
    return undefined
  }
  for (const artifact of artifacts) {
    if (artifact.expired) {
      reasons.push(`artifact ${artifact.name} of run ${run.id} has expired`)
      continue
    }
    const result = await readArtifact(client, query, artifact)
    if (result.ok) return result.value
    reasons.push(`artifact ${artifact.name} of run ${run.id} ${result.why}`)
  }
  return undefined
}

/** The run's audit artifacts, highest attempt first. */
async function auditArtifacts(
  client: GitHubRestClient,
  query: BaselineQuery,
  run: WorkflowRun
): Promise<Artifact[]> {
  const path = `/repos/${enc(query.owner)}/${enc(query.repo)}/actions/runs/${run.id}/artifacts`
  const list = await guard(NO_ARTIFACT_SERVICE, () =>
    client.paginate<unknown>(
      path,
      {},
      data => (data as { artifacts?: unknown }).artifacts
    )
  )
  const found: { artifact: Artifact; attempt: number }[] = []
  for (const item of list.items) {
    const parsed = Artifact.safeParse(item)
    if (!parsed.success) continue
    const attempt = attemptOf(parsed.data.name, query.artifactPrefix)
    if (attempt !== undefined) found.push({ artifact: parsed.data, attempt })
  }
  return found
    .sort((a, b) => b.attempt - a.attempt || b.artifact.id - a.artifact.id)
    .map(entry => entry.artifact)
}

/** The attempt number after the prefix, if the name is prefix + digits. */
function attemptOf(name: string, prefix: string): number | undefined {
  if (!name.startsWith(prefix)) return undefined
  const rest = name.slice(prefix.length)
  return /^\d{1,9}$/.test(rest) ? Number(rest) : undefined
}

/** One artifact downloaded, unzipped and parsed; or why not. */
async function readArtifact(
  client: GitHubRestClient,
  query: BaselineQuery,
  artifact: Artifact
): Promise<{ ok: true; value: unknown } | { ok: false; why: string }> {
  const maxBytes = query.maxBytes ?? MAX_ENTRY_BYTES
  const path = `/repos/${enc(query.owner)}/${enc(query.repo)}/actions/artifacts/${artifact.id}/zip`
  let zip: Uint8Array
  try {
    zip = await client.download(path, { maxBytes })
  } catch (error) {
    if (error instanceof GitHubApiError && error.status === 410)
      return { ok: false, why: 'has expired' }
    if (error instanceof DownloadTooLargeError)
      return { ok: false, why: `is larger than ${maxBytes} bytes` }
    if (error instanceof GitHubApiError && unavailable(error))
      throw new Unavailable(NO_ARTIFACT_SERVICE)
    throw error
  }
  let text: string
  try {
    text = extractZipEntry(zip, { name: AUDIT_ENTRY_NAME, maxBytes }).toString(
      'utf8'
    )
  } catch (error) {
    if (error instanceof ArchiveError)
      return { ok: false, why: `is unreadable: ${error.message}` }
    throw error
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false, why: `holds no valid JSON in ${AUDIT_ENTRY_NAME}` }
  }
}

/** Runs `call`; a 403 (not a rate limit) or 404 ends the lookup with `why`. */
async function guard<T>(why: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (error) {
    if (error instanceof GitHubApiError && unavailable(error))
      throw new Unavailable(why)
    throw error
  }
}

/** A refusal that means "this service or permission is not here". */
function unavailable(error: GitHubApiError): boolean {
  return error.status === 404 || isForbidden(error)
}

/** Reason when the runs API itself refuses. */
function noRuns(query: BaselineQuery): string {
  return `workflow runs of ${query.owner}/${query.repo} are not readable (actions: read); pass baseline: PATH`
}

/** `run 123 (push on main, sha abc1234, 2 h old)`. */
function describeRun(run: WorkflowRun, query: BaselineQuery): string {
  const now = (query.now ?? Date.now)()
  const branch = run.head_branch ? ` on ${run.head_branch}` : ''
  const failed = run.conclusion === 'failure' ? ', the run failed' : ''
  return `run ${run.id} (${run.event}${branch}, sha ${short(run.head_sha)}, ${age(now - Date.parse(run.created_at))}${failed})`
}

/** A rough age: minutes, hours or days. */
function age(ms: number): string {
  if (!Number.isFinite(ms)) return 'age unknown'
  const minutes = Math.max(0, Math.round(ms / 60_000))
  if (minutes < 60) return `${minutes} min old`
  const hours = Math.round(minutes / 60)
  if (hours < 48) return `${hours} h old`
  return `${Math.round(hours / 24)} d old`
}

/** Push runs before others, for the base SHA stage. */
function pushFirst(a: WorkflowRun, b: WorkflowRun): number {
  return Number(b.event === 'push') - Number(a.event === 'push')
}

/** Newer `created_at` first, then higher id. */
function newestFirst(a: WorkflowRun, b: WorkflowRun): number {
  return Date.parse(b.created_at) - Date.parse(a.created_at) || b.id - a.id
}

/** The first 7 characters of a SHA. */
function short(sha: string): string {
  return sha.slice(0, 7)
}

/** A path segment, percent-encoded. */
function enc(segment: string): string {
  return encodeURIComponent(segment)
}
