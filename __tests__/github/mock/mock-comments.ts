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
import { sameRepo, userFor } from './mock-state.js'
import type { MockComment } from './mock-types.js'

/** GitHub refuses comment bodies longer than this (its 422 says so). */
const MAX_BODY_CHARS = 65_536

const REPO = '/repos/([^/]+)/([^/]+)'

/** Issue-comment routes. */
export const commentRoutes: MockRouteDef[] = [
  {
    route: 'comments.list',
    method: 'GET',
    pattern: new RegExp(`^${REPO}/issues/(\\d+)/comments$`),
    handle: ctx =>
      paginate(
        ctx,
        ctx.state
          .commentsOf(repoOf(ctx), Number(ctx.params[2]))
          .map(c => commentJson(ctx, c))
      )
  },
  {
    route: 'comments.create',
    method: 'POST',
    pattern: new RegExp(`^${REPO}/issues/(\\d+)/comments$`),
    handle: createComment
  },
  {
    route: 'comments.get',
    method: 'GET',
    pattern: new RegExp(`^${REPO}/issues/comments/(\\d+)$`),
    handle: ctx => withComment(ctx, c => json(200, commentJson(ctx, c)))
  },
  {
    route: 'comments.update',
    method: 'PATCH',
    pattern: new RegExp(`^${REPO}/issues/comments/(\\d+)$`),
    handle: ctx => withComment(ctx, c => updateComment(ctx, c))
  },
  {
    route: 'comments.delete',
    method: 'DELETE',
    pattern: new RegExp(`^${REPO}/issues/comments/(\\d+)$`),
    handle: ctx =>
      withComment(ctx, c => {
        ctx.state.comments = ctx.state.comments.filter(o => o.id !== c.id)
        return { status: 204 }
      })
  }
]

/** POST: checks the body like GitHub, stores and returns the comment. */
function createComment(ctx: MockContext): MockReply {
  const problem = bodyProblem(ctx.body)
  if (problem) return problem
  const comment = ctx.state.addComment({
    repo: repoOf(ctx),
    issueNumber: Number(ctx.params[2]),
    body: ctx.mangle ?? newBody(ctx.body),
    login: ctx.login
  })
  return json(201, commentJson(ctx, comment))
}

/** PATCH: same checks, replaces the body. */
function updateComment(ctx: MockContext, comment: MockComment): MockReply {
  const problem = bodyProblem(ctx.body)
  if (problem) return problem
  comment.body = ctx.mangle ?? newBody(ctx.body)
  comment.updated_at = ctx.state.isoNow()
  return json(200, commentJson(ctx, comment))
}

/** Runs `then` on the comment of the path, or answers 404. */
function withComment(
  ctx: MockContext,
  then: (comment: MockComment) => MockReply
): MockReply {
  const id = Number(ctx.params[2])
  const comment = ctx.state.comments.find(
    c => c.id === id && sameRepo(c.repo, repoOf(ctx))
  )
  return comment ? then(comment) : notFound()
}

/** The 422 GitHub gives for a missing or too long body, if any. */
function bodyProblem(body: unknown): MockReply | undefined {
  const text = newBody(body)
  if (text === '') {
    return validationFailed('IssueComment', 'body', 'body cannot be blank')
  }
  if (text.length <= MAX_BODY_CHARS) return undefined
  return validationFailed(
    'IssueComment',
    'body',
    `body is too long (maximum is ${MAX_BODY_CHARS} characters)`
  )
}

/** The `body` field of a request body, '' when absent. */
function newBody(body: unknown): string {
  const value = (body as { body?: unknown } | undefined)?.body
  return typeof value === 'string' ? value : ''
}

/** A comment as the API returns it. */
function commentJson(ctx: MockContext, c: MockComment): object {
  const api = `${ctx.apiUrl}/repos/${c.repo}`
  return {
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${api}/issues/comments/${c.id}`,
    html_url: `${ctx.origin}/${c.repo}/pull/${c.issueNumber}#issuecomment-${c.id}`,
    issue_url: `${api}/issues/${c.issueNumber}`,
    body: c.body,
    user: userFor(c.user.login),
    created_at: c.created_at,
    updated_at: c.updated_at,
    author_association: c.user.type === 'Bot' ? 'NONE' : 'MEMBER'
  }
}
