import {
  type MockContext,
  type MockReply,
  type MockRouteDef,
  decode,
  getRoute,
  json,
  notFound,
  paginate,
  repoOf
} from './mock-http.js'
import { sameRepo } from './mock-state.js'
import type { MockWorkflowRun } from './mock-types.js'

const REPO = '/repos/([^/]+)/([^/]+)'

/** Workflow-run routes: list (all or one workflow's) and one run. */
export const runRoutes: MockRouteDef[] = [
  getRoute('runs.list', `${REPO}/actions/runs`, ctx => listRuns(ctx)),
  getRoute(
    'runs.listForWorkflow',
    `${REPO}/actions/workflows/([^/]+)/runs`,
    ctx => listRuns(ctx, decode(ctx.params[2]))
  ),
  getRoute('runs.get', `${REPO}/actions/runs/(\\d+)`, getRun)
]

/** GET …/actions/runs/{id}. */
function getRun(ctx: MockContext): MockReply {
  const run = findRun(ctx, Number(ctx.params[2]))
  return run ? json(200, runJson(ctx, run)) : notFound()
}

/** Runs newest first, filtered like GitHub: branch, event, status, head_sha. */
function listRuns(ctx: MockContext, workflow?: string): MockReply {
  const q = (name: string): string | null => ctx.query.get(name)
  const runs = ctx.state.workflowRuns
    .filter(run => sameRepo(run.repo, repoOf(ctx)))
    .filter(run => workflow === undefined || matchesWorkflow(run, workflow))
    .filter(run => q('branch') === null || run.head_branch === q('branch'))
    .filter(run => q('event') === null || run.event === q('event'))
    .filter(run => q('head_sha') === null || run.head_sha === q('head_sha'))
    .filter(
      run =>
        q('status') === null ||
        [run.status, run.conclusion].includes(q('status'))
    )
    .sort((a, b) => b.id - a.id)
    .map(run => runJson(ctx, run))
  return paginate(ctx, runs, (page, total) => ({
    total_count: total,
    workflow_runs: page
  }))
}

/** A workflow is named by its id or its file name. */
function matchesWorkflow(run: MockWorkflowRun, workflow: string): boolean {
  return (
    String(run.workflow_id) === workflow || run.path.endsWith(`/${workflow}`)
  )
}

/** The run of this repository with the id, if any. */
function findRun(ctx: MockContext, id: number): MockWorkflowRun | undefined {
  return ctx.state.workflowRuns.find(
    r => r.id === id && sameRepo(r.repo, repoOf(ctx))
  )
}

/** A workflow run as the API returns it. */
function runJson(ctx: MockContext, run: MockWorkflowRun): object {
  const { repo, ...fields } = run
  const api = `${ctx.apiUrl}/repos/${repo}`
  return {
    ...fields,
    repository: { full_name: repo, id: ctx.state.repoId(repo) },
    html_url: `${ctx.origin}/${repo}/actions/runs/${run.id}`,
    artifacts_url: `${api}/actions/runs/${run.id}/artifacts`,
    pull_requests: []
  }
}
