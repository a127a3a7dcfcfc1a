import { GitHubApiError, maskSecrets } from './github-errors.js'
import type { ResolvedRestConfig } from './rest-config.js'

/** HTTP methods the layer uses. */
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

/** One REST call as the caller describes it. */
export interface RestRequest {
  method: HttpMethod
  /**
   * Path below the base URL (`/repos/o/r/issues/1/comments`), or an
   * absolute URL on the base URL's origin (a pagination link).
   */
  path: string
  /** Query parameters; undefined values are left out. */
  query?: Record<string, string | number | boolean | undefined>
  /** JSON body. */
  body?: unknown
}

/** A successful answer: status, headers and the parsed JSON (or text). */
export interface RestResponse<T> {
  status: number
  headers: Headers
  data: T
}

/** The API version this layer was written against. */
const API_VERSION = '2022-11-28'

/** Builds the absolute URL of a request; refuses other origins. */
export function requestUrl(
  config: ResolvedRestConfig,
  request: Pick<RestRequest, 'method' | 'path' | 'query'>
): URL {
  const absolute = /^https?:\/\//i.test(request.path)
  const url = new URL(absolute ? request.path : config.baseUrl + request.path)
  if (url.origin !== config.origin) {
    throw new GitHubApiError(
      0,
      request.method,
      `${url.origin}${url.pathname}`,
      `refused: not on the API origin ${config.origin}`
    )
  }
  for (const [key, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value))
  }
  return url
}

/**
 * Sends one request with the token and GitHub's headers. Redirects are
 * not followed (`redirect: 'manual'`): the caller decides, so the token
 * never travels to a host it was not meant for.
 */
export function sendAuthorized(
  config: ResolvedRestConfig,
  method: HttpMethod,
  url: URL,
  body: unknown
): Promise<Response> {
  const headers: Record<string, string> = {
    accept: 'application/vnd.github+json',
    authorization: `Bearer ${config.token}`,
    'user-agent': config.userAgent,
    'x-github-api-version': API_VERSION
  }
  if (body !== undefined) headers['content-type'] = 'application/json'
  return config.fetch(url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    redirect: 'manual',
    signal: AbortSignal.timeout(config.timeoutMs)
  })
}

/** Reads a body as JSON when it says so, else as text; empty → undefined. */
export async function readBody(response: Response): Promise<unknown> {
  const text = await response.text()
  if (text.length === 0) return undefined
  const type = response.headers.get('content-type') ?? ''
  if (!type.includes('json')) return text
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

/** GitHub's `message` from an error body, or the start of the text. */
export function errorDetail(data: unknown, secrets: string[]): string {
  const message =
    typeof data === 'object' && data !== null && 'message' in data
      ? String(data.message)
      : typeof data === 'string'
        ? data
        : 'no message'
  return maskSecrets(message.slice(0, 300), secrets)
}

/** Describes a thrown fetch failure (network, timeout) without secrets. */
export function networkDetail(error: unknown, secrets: string[]): string {
  const parts: string[] = []
  let current: unknown = error
  for (let depth = 0; current instanceof Error && depth < 3; depth++) {
    parts.push(current.message)
    current = current.cause
  }
  if (parts.length === 0) parts.push(String(error))
  return maskSecrets(parts.join(': ').slice(0, 300), secrets)
}
