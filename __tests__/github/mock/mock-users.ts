import {
  type MockContext,
  type MockReply,
  type MockRouteDef,
  json
} from './mock-http.js'

/**
 * GET /user: the token's own account. An installation token, such as
 * GITHUB_TOKEN (`github-actions[bot]`), gets GitHub's 403 "Resource not
 * accessible by integration"; a personal token gets its login.
 */
export const userRoutes: MockRouteDef[] = [
  {
    route: 'users.me',
    method: 'GET',
    pattern: /^\/user$/,
    handle: currentUser
  }
]

/** The authenticated account, or the integration's 403. */
function currentUser(ctx: MockContext): MockReply {
  if (ctx.login.endsWith('[bot]'))
    return json(403, {
      message: 'Resource not accessible by integration',
      documentation_url:
        'https://docs.github.com/rest/users/users#get-the-authenticated-user',
      status: '403'
    })
  return json(200, { login: ctx.login, type: 'User' })
}
