import { GitHubApiError } from './github-errors.js'
import type { GitHubRestClient } from './rest-client.js'
import { ACTIONS_BOT_LOGIN } from './sticky-types.js'

/**
 * The login the token comments as, so that the sticky comment is found
 * among its own: GET /user for a personal token; an installation token
 * such as GITHUB_TOKEN cannot call it (403 or 401) and comments as
 * `github-actions[bot]`. A GitHub App's own installation token comments
 * as `<app>[bot]`, which GET /user cannot tell: such tokens are taken for
 * `github-actions[bot]`, and their comments are not found again.
 */
export async function tokenLogin(client: GitHubRestClient): Promise<string> {
  try {
    const response = await client.request<{ login?: unknown }>({
      method: 'GET',
      path: '/user'
    })
    const login = response.data.login
    return typeof login === 'string' && login !== '' ? login : ACTIONS_BOT_LOGIN
  } catch (error) {
    const refused =
      error instanceof GitHubApiError &&
      (error.status === 401 || error.status === 403 || error.status === 404)
    if (!refused) throw error
    return ACTIONS_BOT_LOGIN
  }
}
