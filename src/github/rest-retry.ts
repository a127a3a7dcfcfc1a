import { GitHubApiError } from './github-errors.js'
import type { ResolvedRestConfig } from './rest-config.js'
import {
  type HttpMethod,
  errorDetail,
  networkDetail,
  readBody,
  requestUrl,
  sendAuthorized
} from './rest-attempt.js'
import {
  type AttemptOutcome,
  adviseRetry,
  isRateLimitAnswer
} from './retry-policy.js'

/** One call to send: where, how, and whether a 3xx is the answer. */
export interface SendPlan {
  method: HttpMethod
  url: URL
  body?: unknown
  /** True: a 3xx is returned; false: same-origin redirects are followed. */
  keepRedirect: boolean
}

/** Same-origin redirects followed per attempt (a renamed repository). */
const MAX_REDIRECTS = 3

/** What one attempt got: a response, or the error fetch threw. */
type Attempt = AttemptOutcome & { response?: Response; error?: unknown }

/**
 * Sends a call until it succeeds, retrying as the retry policy advises
 * within `maxAttempts` and `maxTotalWaitMs`. Throws GitHubApiError with
 * the token masked when the last answer is still a failure.
 */
export async function sendWithRetries(
  config: ResolvedRestConfig,
  plan: SendPlan
): Promise<Response> {
  let waitedMs = 0
  for (let attempt = 1; ; attempt++) {
    const outcome = await attemptOnce(config, plan)
    const { response } = outcome
    if (response && isAnswer(response.status, plan.keepRedirect)) {
      return response
    }
    const advice = adviseRetry(
      outcome,
      attempt,
      config.now(),
      config.baseDelayMs
    )
    const retry =
      advice !== undefined &&
      attempt < config.maxAttempts &&
      waitedMs + advice.waitMs <= config.maxTotalWaitMs
    if (!retry) throw await failure(config, plan, outcome)
    await response?.body?.cancel()
    config.onRetry(
      `GitHub API ${plan.method} ${plan.url.pathname}: ` +
        `${response ? `answered ${response.status}` : 'no answer'}, ` +
        `retry ${attempt} of ${config.maxAttempts - 1} in ${advice.waitMs} ms`
    )
    await config.sleep(advice.waitMs)
    waitedMs += advice.waitMs
  }
}

/** True for a status the caller takes as its answer. */
function isAnswer(status: number, keepRedirect: boolean): boolean {
  if (status >= 200 && status < 300) return true
  return keepRedirect && status >= 300 && status < 400
}

/** One attempt, following same-origin redirects unless asked not to. */
async function attemptOnce(
  config: ResolvedRestConfig,
  plan: SendPlan
): Promise<Attempt> {
  let url = plan.url
  for (let hop = 0; ; hop++) {
    let response: Response
    try {
      response = await sendAuthorized(config, plan.method, url, plan.body)
    } catch (error) {
      return { error }
    }
    const location = response.headers.get('location')
    const redirected = response.status >= 300 && response.status < 400
    if (plan.keepRedirect || !redirected || !location || hop >= MAX_REDIRECTS) {
      return { response, status: response.status, headers: response.headers }
    }
    await response.body?.cancel()
    const target = new URL(location, url).href
    url = requestUrl(config, { method: plan.method, path: target })
  }
}

/** The GitHubApiError describing a final failed attempt. */
async function failure(
  config: ResolvedRestConfig,
  plan: SendPlan,
  outcome: Attempt
): Promise<GitHubApiError> {
  const secrets = [config.token]
  const endpoint = plan.url.pathname
  const { response } = outcome
  if (!response) {
    const detail = networkDetail(outcome.error, secrets)
    return new GitHubApiError(0, plan.method, endpoint, detail)
  }
  const body = await readBody(response).catch(() => undefined)
  const detail = errorDetail(body, secrets)
  const limited = isRateLimitAnswer(response.status, response.headers)
  return new GitHubApiError(
    response.status,
    plan.method,
    endpoint,
    detail,
    limited
  )
}
