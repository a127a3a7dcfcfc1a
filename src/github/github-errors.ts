/**
 * Errors of the GitHub REST layer. Callers branch on `status` and the
 * flags, never on the message text: GitHub rewords its messages (B62).
 */

/** A GitHub API call failed: an HTTP error status, or 0 for no answer. */
export class GitHubApiError extends Error {
  override name = 'GitHubApiError'

  /**
   * @param status HTTP status, or 0 when no response came (network error,
   *   timeout)
   * @param method HTTP method of the failed call
   * @param endpoint path of the call without its query string, which may
   *   carry signatures (artifact download links)
   * @param detail what GitHub or the network said, with the token masked
   * @param rateLimited true when the answer was a rate-limit refusal whose
   *   wait did not fit the retry budget
   */
  constructor(
    readonly status: number,
    readonly method: string,
    readonly endpoint: string,
    detail: string,
    readonly rateLimited = false
  ) {
    const answer = status === 0 ? 'got no answer' : `answered ${status}`
    super(`GitHub API ${method} ${endpoint} ${answer}: ${detail}`)
  }
}

/** The REST client was configured with something it cannot use. */
export class GitHubConfigError extends Error {
  override name = 'GitHubConfigError'
}

/** A download was larger than the caller allowed; nothing was kept. */
export class DownloadTooLargeError extends Error {
  override name = 'DownloadTooLargeError'

  /** @param maxBytes the limit the download went past */
  constructor(readonly maxBytes: number) {
    super(`download refused: larger than ${maxBytes} bytes`)
  }
}

/** Placeholder written wherever a secret would have appeared. */
export const MASK = '***'

/** GitHub token shapes (classic, app, OAuth, fine-grained) and `Bearer x`. */
const TOKEN_LIKE =
  /\b(?:gh[pousr]_[A-Za-z0-9_]{16,}|github_pat_[A-Za-z0-9_]{16,})|(?<=\bbearer\s+)[^\s"',;]+/gi

/**
 * Replaces every occurrence of each secret, anything shaped like a GitHub
 * token and any `Bearer …` credential with `***`. Used on every text that
 * can reach a message or a log.
 */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  let masked = text
  for (const secret of secrets) {
    if (secret.length > 0) masked = masked.split(secret).join(MASK)
  }
  return masked.replace(TOKEN_LIKE, MASK)
}

/** True for an error of this layer that says the token may not do this. */
export function isForbidden(error: unknown): error is GitHubApiError {
  return (
    error instanceof GitHubApiError &&
    error.status === 403 &&
    !error.rateLimited
  )
}
