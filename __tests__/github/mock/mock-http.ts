import type { MockState } from './mock-state.js'

/** What a route handler sees of one request. */
export interface MockContext {
  state: MockState
  /** Regex groups of the matched route (owner, repo, ids…). */
  params: string[]
  query: URLSearchParams
  body: unknown
  /** Login of the authenticated token. */
  login: string
  /** `http://127.0.0.1:PORT`: the web and blob root. */
  origin: string
  /** origin + prefix: the API root. */
  apiUrl: string
  /** Routed path (prefix removed, `/repositories/{id}` resolved). */
  path: string
  /** Placeholder a write stores instead of its body (mangle-body fault). */
  mangle?: string
}

/** A response to send. */
export interface MockReply {
  status: number
  body?: unknown
  headers?: Record<string, string>
  /** Bytes sent as they are instead of JSON. */
  raw?: Uint8Array
}

/** Documentation link GitHub adds to error bodies. */
const DOCS = 'https://docs.github.com/rest'

/** A JSON answer. */
export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): MockReply {
  return { status, body, headers }
}

/** GitHub's 404 body. */
export function notFound(): MockReply {
  return json(404, {
    message: 'Not Found',
    documentation_url: DOCS,
    status: '404'
  })
}

/** GitHub's 422 body naming the field at fault. */
export function validationFailed(
  resource: string,
  field: string,
  message: string
): MockReply {
  return json(422, {
    message: 'Validation Failed',
    errors: [{ resource, code: 'custom', field, message }],
    documentation_url: DOCS,
    status: '422'
  })
}

/**
 * One page of `items` by `per_page` (default 30, at most 100) and `page`,
 * with a `Link` header like GitHub's: absolute URLs on
 * `/repositories/{id}/…` carrying the other query parameters.
 */
export function paginate<T>(
  ctx: MockContext,
  items: T[],
  wrap: (page: T[], total: number) => unknown = page => page
): MockReply {
  const perPage = clamp(Number(ctx.query.get('per_page')) || 30, 1, 100)
  const page = Math.max(1, Math.floor(Number(ctx.query.get('page')) || 1))
  const last = Math.max(1, Math.ceil(items.length / perPage))
  const slice = items.slice((page - 1) * perPage, page * perPage)
  const links: string[] = []
  const add = (rel: string, number: number): void => {
    links.push(`<${pageUrl(ctx, number)}>; rel="${rel}"`)
  }
  if (page > 1) add('prev', page - 1)
  if (page < last) add('next', page + 1)
  if (page < last) add('last', last)
  if (page > 1) add('first', 1)
  const headers: Record<string, string> = {}
  if (links.length > 0) headers.link = links.join(', ')
  return json(200, wrap(slice, items.length), headers)
}

/** The URL of page `number` of the current list. */
function pageUrl(ctx: MockContext, number: number): string {
  const match = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(ctx.path)
  const path = match
    ? `/repositories/${ctx.state.repoId(`${decode(match[1])}/${decode(match[2])}`)}${match[3] ?? ''}`
    : ctx.path
  const query = new URLSearchParams(ctx.query)
  query.set('page', String(number))
  return `${ctx.apiUrl}${path}?${query.toString()}`
}

/** Keeps a number within bounds. */
function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, Math.floor(value)))
}

/** A decoded path segment. */
export function decode(segment: string | undefined): string {
  return decodeURIComponent(segment ?? '')
}

/** One route: method, path pattern (groups become params) and handler. */
export interface MockRouteDef {
  route: import('./mock-types.js').MockRoute
  method: string
  pattern: RegExp
  handle: (ctx: MockContext) => MockReply
}

/** `owner/name` from the first two params. */
export function repoOf(ctx: MockContext): string {
  return `${decode(ctx.params[0])}/${decode(ctx.params[1])}`
}

/** A GET route on a path pattern (anchored at both ends). */
export function getRoute(
  name: MockRouteDef['route'],
  path: string,
  handle: MockRouteDef['handle']
): MockRouteDef {
  return {
    route: name,
    method: 'GET',
    pattern: new RegExp(`^${path}$`),
    handle
  }
}
