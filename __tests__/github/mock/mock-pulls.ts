import {
  type MockContext,
  type MockReply,
  type MockRouteDef,
  json,
  notFound,
  paginate,
  repoOf
} from './mock-http.js'
import { sameRepo } from './mock-state.js'
import type { MockPull } from './mock-types.js'

const REPO = '/repos/([^/]+)/([^/]+)'

/** Pull-request routes: list with filters, one, and by commit. */
export const pullRoutes: MockRouteDef[] = [
  {
    route: 'pulls.list',
    method: 'GET',
    pattern: new RegExp(`^${REPO}/pulls$`),
    handle: listPulls
  },
  {
    route: 'pulls.get',
    method: 'GET',
    pattern: new RegExp(`^${REPO}/pulls/(\\d+)$`),
    handle: getPull
  },
  {
    route: 'pulls.forCommit',
    method: 'GET',
    pattern: new RegExp(`^${REPO}/commits/([^/]+)/pulls$`),
    handle: pullsForCommit
  }
]

/**
 * GET …/pulls: `state` (open by default, closed, all), `head` as
 * `owner:branch`, `base` as a branch name; newest first.
 */
function listPulls(ctx: MockContext): MockReply {
  const state = ctx.query.get('state') ?? 'open'
  const head = ctx.query.get('head')
  const base = ctx.query.get('base')
  const pulls = pullsOf(ctx)
    .filter(p => state === 'all' || p.state === state)
    .filter(
      p => head === null || headLabel(p).toLowerCase() === head.toLowerCase()
    )
    .filter(p => base === null || p.base.ref === base)
    .sort((a, b) => b.number - a.number)
  return paginate(
    ctx,
    pulls.map(p => pullJson(ctx, p))
  )
}

/** GET …/pulls/{number}. */
function getPull(ctx: MockContext): MockReply {
  const pull = pullsOf(ctx).find(p => p.number === Number(ctx.params[2]))
  return pull ? json(200, pullJson(ctx, pull)) : notFound()
}

/** GET …/commits/{sha}/pulls: pulls whose head or merge commit it is. */
function pullsForCommit(ctx: MockContext): MockReply {
  const sha = decodeURIComponent(ctx.params[2] ?? '')
  const pulls = pullsOf(ctx).filter(
    p => p.head.sha === sha || p.merge_commit_sha === sha
  )
  return paginate(
    ctx,
    pulls.map(p => pullJson(ctx, p))
  )
}

/** Pull requests of the path's repository. */
function pullsOf(ctx: MockContext): MockPull[] {
  return ctx.state.pulls.filter(p => sameRepo(p.repo, repoOf(ctx)))
}

/** `owner:branch` of the head, as GitHub labels it. */
function headLabel(pull: MockPull): string {
  return `${pull.head.repo.split('/')[0] ?? ''}:${pull.head.ref}`
}

/** A pull request as the API returns it. */
function pullJson(ctx: MockContext, p: MockPull): object {
  const side = (s: MockPull['head']): object => ({
    ref: s.ref,
    sha: s.sha,
    label: `${s.repo.split('/')[0] ?? ''}:${s.ref}`,
    repo: {
      id: ctx.state.repoId(s.repo),
      full_name: s.repo,
      fork: !sameRepo(s.repo, p.repo)
    }
  })
  return {
    number: p.number,
    state: p.state,
    html_url: `${ctx.origin}/${p.repo}/pull/${p.number}`,
    head: side(p.head),
    base: side(p.base),
    merge_commit_sha: p.merge_commit_sha
  }
}
