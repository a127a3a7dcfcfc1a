/**
 * A small typed GitHub REST client over Node's global `fetch`.
 *
 * Why not Octokit (`@actions/github`): its `getOctokit` neither retries
 * nor waits out rate limits (those are separate plugins, and the
 * throttling one is not installed here), and the action needs exact
 * control of three things: retries that honour `retry-after` and
 * `x-ratelimit-reset` within a total wait budget, redirects that never
 * carry the token to another host (artifact downloads land on blob
 * storage), and errors that carry the status and a path without query
 * secrets. It also keeps the bundle small: a dozen endpoints need no
 * generated route table.
 */
import { GitHubApiError } from './github-errors.js'
import { nextPageUrl } from './link-header.js'
import {
  type RestClientConfig,
  type ResolvedRestConfig,
  resolveRestConfig
} from './rest-config.js'
import {
  type HttpMethod,
  type RestRequest,
  type RestResponse,
  networkDetail,
  readBody,
  requestUrl
} from './rest-attempt.js'
import { downloadBytes } from './rest-download.js'
import { sendWithRetries } from './rest-retry.js'

export type { HttpMethod, RestRequest, RestResponse }

/** Items of a paginated list, and whether every page was read. */
export interface PageList<T> {
  items: T[]
  /** False when the page limit stopped the walk before the last page. */
  complete: boolean
}

/** Query values a call may pass. */
type Query = RestRequest['query']

/** GitHub REST calls with retries, pagination and masked errors. */
export class GitHubRestClient {
  /** Private field: keeps the token out of JSON.stringify and inspect. */
  readonly #config: ResolvedRestConfig

  /** Checks the configuration; throws GitHubConfigError when unusable. */
  constructor(config: RestClientConfig) {
    this.#config = resolveRestConfig(config)
  }

  /** The API root every path is resolved against. */
  get baseUrl(): string {
    return this.#config.baseUrl
  }

  /** One call; throws GitHubApiError for any non-2xx final answer. */
  async request<T = unknown>(request: RestRequest): Promise<RestResponse<T>> {
    const url = requestUrl(this.#config, request)
    const response = await sendWithRetries(this.#config, {
      method: request.method,
      url,
      body: request.body,
      keepRedirect: false
    })
    const data = (await readBody(response).catch((error: unknown) => {
      const detail = networkDetail(error, [this.#config.token])
      throw new GitHubApiError(0, request.method, url.pathname, detail)
    })) as T
    return { status: response.status, headers: response.headers, data }
  }

  /**
   * Every item of a list endpoint, `per_page=100`, following `Link:
   * rel="next"` up to `maxPages` pages. `pick` takes the array out of
   * wrapped answers such as `{ total_count, check_runs: [...] }`.
   */
  async paginate<T>(
    path: string,
    query: Query = {},
    pick: (data: unknown) => unknown = data => data
  ): Promise<PageList<T>> {
    const items: T[] = []
    let next: string | undefined = path
    let pageQuery: Query = { ...query, per_page: 100 }
    for (let page = 0; page < this.#config.maxPages && next; page++) {
      const response = await this.request({
        method: 'GET',
        path: next,
        query: pageQuery
      })
      items.push(...asArray<T>(pick(response.data), next))
      next = nextPageUrl(response.headers.get('link'))
      pageQuery = {} // a next link carries its own query
    }
    return { items, complete: next === undefined }
  }

  /**
   * The absolute `Location` a GET answers with a redirect (an artifact's
   * signed download link). Throws GitHubApiError on any other answer, so
   * an expired artifact's 410 reaches the caller as a status.
   */
  async resolveRedirect(path: string, query?: Query): Promise<URL> {
    const url = requestUrl(this.#config, { method: 'GET', path, query })
    const response = await sendWithRetries(this.#config, {
      method: 'GET',
      url,
      keepRedirect: true
    })
    await response.body?.cancel()
    const location = response.headers.get('location')
    if (response.status < 300 || response.status > 399 || !location) {
      throw new GitHubApiError(
        response.status,
        'GET',
        url.pathname,
        'expected a redirect to the download'
      )
    }
    return new URL(location, url)
  }

  /**
   * Bytes behind a redirecting endpoint (`…/artifacts/{id}/zip`): the
   * redirect is resolved with the token, the target fetched without it,
   * and more than `maxBytes` is refused with DownloadTooLargeError.
   */
  async download(
    path: string,
    options: { maxBytes: number }
  ): Promise<Uint8Array> {
    return downloadBytes(this.#config, () => this.resolveRedirect(path), {
      maxBytes: options.maxBytes
    })
  }
}

/** The value as an array, or a GitHubApiError naming the endpoint. */
function asArray<T>(value: unknown, path: string): T[] {
  if (Array.isArray(value)) return value as T[]
  const endpoint = new URL(path, 'http://x').pathname
  throw new GitHubApiError(200, 'GET', endpoint, 'expected a list')
}
