/**
 * When to try a GitHub call again and how long to wait first. Follows
 * GitHub's documented rate-limit headers: `retry-after` (seconds) first,
 * then `x-ratelimit-remaining: 0` with `x-ratelimit-reset` (epoch
 * seconds); 5xx and network failures back off exponentially. Other 4xx
 * answers are final: a 403 without rate-limit headers is a permission
 * refusal (fork or read-only token), and retrying cannot change it.
 */

/** What one attempt produced: a status and headers, or no answer. */
export interface AttemptOutcome {
  /** HTTP status; undefined when the request got no response. */
  status?: number
  /** Response headers, when there was a response. */
  headers?: Headers
}

/** A retry decision: wait `waitMs`, and whether a rate limit caused it. */
export interface RetryAdvice {
  waitMs: number
  rateLimited: boolean
}

/** Margin added to a rate-limit reset time, for clock skew (1 s). */
const RESET_MARGIN_MS = 1_000

/**
 * The wait before attempt `attempt + 1`, or undefined when the outcome is
 * final. `attempt` counts from 1; `nowMs` is epoch milliseconds.
 */
export function adviseRetry(
  outcome: AttemptOutcome,
  attempt: number,
  nowMs: number,
  baseDelayMs: number
): RetryAdvice | undefined {
  const backoffMs = baseDelayMs * 2 ** (attempt - 1)
  const { status, headers } = outcome
  if (status === undefined || status >= 500) {
    return { waitMs: backoffMs, rateLimited: false }
  }
  if (status !== 403 && status !== 429) return undefined
  const limitWaitMs = headers ? rateLimitWaitMs(headers, nowMs) : undefined
  if (limitWaitMs !== undefined) {
    return { waitMs: limitWaitMs, rateLimited: true }
  }
  return status === 429 ? { waitMs: backoffMs, rateLimited: true } : undefined
}

/** True when a 403 or 429 carries rate-limit headers. */
export function isRateLimitAnswer(status: number, headers: Headers): boolean {
  if (status === 429) return true
  return status === 403 && rateLimitWaitMs(headers, 0) !== undefined
}

/**
 * Milliseconds the rate-limit headers ask for, or undefined when they ask
 * for nothing. `retry-after` may be seconds or an HTTP date.
 */
function rateLimitWaitMs(headers: Headers, nowMs: number): number | undefined {
  const retryAfter = headers.get('retry-after')?.trim()
  if (retryAfter) {
    const seconds = Number(retryAfter)
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
    const dateMs = Date.parse(retryAfter)
    if (Number.isFinite(dateMs)) return Math.max(0, dateMs - nowMs)
  }
  if (headers.get('x-ratelimit-remaining')?.trim() !== '0') return undefined
  const resetS = Number(headers.get('x-ratelimit-reset'))
  if (!Number.isFinite(resetS) || resetS <= 0) return 60_000
  return Math.max(0, resetS * 1000 - nowMs) + RESET_MARGIN_MS
}
