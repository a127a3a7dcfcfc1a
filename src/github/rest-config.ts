import { GitHubConfigError } from './github-errors.js'

/** The public GitHub API; callers use it when `GITHUB_API_URL` is unset. */
export const PUBLIC_API_URL = 'https://api.github.com'

/** Injectable clock and sleep, so tests run retries without waiting. */
export interface RestClock {
  /** Current time in epoch milliseconds. Default `Date.now`. */
  now?: () => number
  /** Waits `ms` milliseconds. Default a timer. */
  sleep?: (ms: number) => Promise<void>
}

/** Everything the REST client needs; nothing is read from the environment. */
export interface RestClientConfig extends RestClock {
  /**
   * API root, e.g. `https://api.github.com` or, on GitHub Enterprise
   * Server, `https://ghe.example.test/api/v3`. Required: the client has no
   * default, so a test can never reach a real host by omission.
   */
  baseUrl: string
  /** Token sent as `Authorization: Bearer …`; masked in every message. */
  token: string
  /** Attempts per call, first included. Default 4. */
  maxAttempts?: number
  /** Most ms one call may spend waiting between tries. Default 120,000. */
  maxTotalWaitMs?: number
  /** First backoff in milliseconds, doubled per retry. Default 1,000. */
  baseDelayMs?: number
  /** Most pages a list call follows. Default 50 (5,000 items). */
  maxPages?: number
  /** Milliseconds before one request is abandoned. Default 30,000. */
  timeoutMs?: number
  /** User-Agent header. Default `ecocompute-audit`. */
  userAgent?: string
  /** Told about each retry, e.g. `core.debug`; messages are masked. */
  onRetry?: (message: string) => void
  /**
   * Fetch to use. Default the global one, which ignores `https_proxy`:
   * on a runner behind a proxy, pass a proxy-aware fetch.
   */
  fetch?: typeof fetch
}

/** The configuration with every default filled in. */
export type ResolvedRestConfig = Required<RestClientConfig> & {
  /** Origin of `baseUrl`; links and redirects are checked against it. */
  origin: string
}

/**
 * Checks the configuration and fills in defaults. Throws GitHubConfigError
 * for a missing or non-http(s) base URL or an empty token.
 */
export function resolveRestConfig(
  config: RestClientConfig
): ResolvedRestConfig {
  const url = parseBaseUrl(config.baseUrl)
  if (!config.token || /\s/.test(config.token)) {
    throw new GitHubConfigError(
      'github-token: empty or contains whitespace; pass the workflow token'
    )
  }
  return {
    maxAttempts: 4,
    maxTotalWaitMs: 120_000,
    baseDelayMs: 1_000,
    maxPages: 50,
    timeoutMs: 30_000,
    userAgent: 'ecocompute-audit',
    now: Date.now,
    sleep: sleepMs,
    onRetry: () => undefined,
    fetch: (input, init) => fetch(input, init),
    ...withoutUndefined(config),
    baseUrl: url.href.replace(/\/+$/, ''),
    token: config.token,
    origin: url.origin
  }
}

/** The base URL parsed; only http(s) without credentials or query. */
function parseBaseUrl(baseUrl: string | undefined): URL {
  let url: URL | undefined
  try {
    url = new URL(baseUrl ?? '')
  } catch {
    url = undefined
  }
  if (
    !url ||
    !['http:', 'https:'].includes(url.protocol) ||
    url.username ||
    url.password ||
    url.search
  ) {
    throw new GitHubConfigError(
      `GitHub API URL: "${baseUrl ?? ''}" is not an http(s) URL without ` +
        `credentials or query; pass GITHUB_API_URL, e.g. ${PUBLIC_API_URL}`
    )
  }
  return url
}

/** The object without keys whose value is undefined. */
function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined)
  ) as Partial<T>
}

/** A timer-based sleep. */
function sleepMs(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms))
}
