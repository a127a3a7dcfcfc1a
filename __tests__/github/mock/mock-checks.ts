import {
  type MockContext,
  type MockReply,
  type MockRouteDef,
  json,
  notFound,
  paginate,
  repoOf,
  validationFailed
} from './mock-http.js'
import { sameRepo } from './mock-state.js'
import type { MockCheckRun } from './mock-types.js'

/** GitHub's cap on `output.summary` and `output.text`. */
const MAX_OUTPUT_CHARS = 65_535

const REPO = '/repos/([^/]+)/([^/]+)'

/** The fields a create or update may carry. */
interface CheckRunInput {
  name?: unknown
  head_sha?: unknown
  external_id?: unknown
  status?: unknown
  conclusion?: unknown
  details_url?: unknown
  completed_at?: unknown
  output?: { title?: unknown; summary?: unknown; text?: unknown }
}

/** Check-run routes. */
export const checkRoutes: MockRouteDef[] = [
  {
    route: 'checks.create',
    method: 'POST',
    pattern: new RegExp(`^${REPO}/check-runs$`),
    handle: createCheckRun
  },
  {
    route: 'checks.update',
    method: 'PATCH',
    pattern: new RegExp(`^${REPO}/check-runs/(\\d+)$`),
    handle: ctx => withRun(ctx, run => updateCheckRun(ctx, run))
  },
  {
    route: 'checks.get',
    method: 'GET',
    pattern: new RegExp(`^${REPO}/check-runs/(\\d+)$`),
    handle: ctx => withRun(ctx, run => json(200, runJson(ctx, run)))
  },
  {
    route: 'checks.listForRef',
    method: 'GET',
    pattern: new RegExp(`^${REPO}/commits/([^/]+)/check-runs$`),
    handle: listForRef
  }
]

/** POST: needs name and head_sha; stores the run. */
function createCheckRun(ctx: MockContext): MockReply {
  const input = (ctx.body ?? {}) as CheckRunInput
  if (typeof input.name !== 'string' || typeof input.head_sha !== 'string') {
    return validationFailed(
      'CheckRun',
      'name',
      'name and head_sha are required'
    )
  }
  const run: MockCheckRun = {
    id: ctx.state.newId(),
    repo: repoOf(ctx),
    name: input.name,
    head_sha: input.head_sha,
    external_id: null,
    status: 'queued',
    conclusion: null,
    details_url: null,
    completed_at: null,
    output: { title: null, summary: null, text: null }
  }
  const problem = applyInput(run, input)
  if (problem) return problem
  ctx.state.checkRuns.push(run)
  return json(201, runJson(ctx, run))
}

/** PATCH: merges the given fields. */
function updateCheckRun(ctx: MockContext, run: MockCheckRun): MockReply {
  const copy = structuredClone(run)
  const problem = applyInput(copy, ctx.body ?? {})
  if (problem) return problem
  Object.assign(run, copy)
  return json(200, runJson(ctx, run))
}

/** Copies input fields onto a run; a 422 for what GitHub refuses. */
function applyInput(
  run: MockCheckRun,
  input: CheckRunInput
): MockReply | undefined {
  if (typeof input.name === 'string') run.name = input.name
  if (typeof input.external_id === 'string') run.external_id = input.external_id
  if (typeof input.status === 'string') run.status = input.status
  if (typeof input.conclusion === 'string') {
    run.conclusion = input.conclusion
    run.status = 'completed'
  }
  if (typeof input.details_url === 'string') run.details_url = input.details_url
  if (typeof input.completed_at === 'string')
    run.completed_at = input.completed_at
  const output = input.output ?? {}
  for (const field of ['title', 'summary', 'text'] as const) {
    const value = output[field]
    if (typeof value !== 'string') continue
    if (field !== 'title' && value.length > MAX_OUTPUT_CHARS) {
      return validationFailed(
        'CheckRun',
        `output.${field}`,
        `${field} is too long`
      )
    }
    run.output[field] = value
  }
  if (run.status === 'completed' && run.conclusion === null) {
    return validationFailed('CheckRun', 'conclusion', 'conclusion is required')
  }
  return undefined
}

/** GET …/commits/{ref}/check-runs with check_name, status and filter. */
function listForRef(ctx: MockContext): MockReply {
  const ref = decodeURIComponent(ctx.params[2] ?? '')
  const name = ctx.query.get('check_name')
  const status = ctx.query.get('status')
  let runs = ctx.state.checkRuns
    .filter(run => sameRepo(run.repo, repoOf(ctx)) && run.head_sha === ref)
    .filter(run => name === null || run.name === name)
    .filter(run => status === null || run.status === status)
    .sort((a, b) => b.id - a.id)
  if ((ctx.query.get('filter') ?? 'latest') === 'latest') {
    runs = runs.filter(
      (run, i) => runs.findIndex(o => o.name === run.name) === i
    )
  }
  const items = runs.map(run => runJson(ctx, run))
  return paginate(ctx, items, (page, total) => ({
    total_count: total,
    check_runs: page
  }))
}

/** Runs `then` on the check run of the path, or answers 404. */
function withRun(
  ctx: MockContext,
  then: (run: MockCheckRun) => MockReply
): MockReply {
  const id = Number(ctx.params[2])
  const run = ctx.state.checkRuns.find(
    r => r.id === id && sameRepo(r.repo, repoOf(ctx))
  )
  return run ? then(run) : notFound()
}

/** A check run as the API returns it. */
function runJson(ctx: MockContext, run: MockCheckRun): object {
  const { repo, ...fields } = run
  return {
    ...fields,
    url: `${ctx.apiUrl}/repos/${repo}/check-runs/${run.id}`,
    html_url: `${ctx.origin}/${repo}/runs/${run.id}`,
    app: { slug: 'github-actions', id: 15368 },
    check_suite: { id: 9000 }
  }
}
