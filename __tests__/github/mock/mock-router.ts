import { artifactRoutes, BLOB_PATH, serveBlob } from './mock-artifacts.js'
import { checkRoutes } from './mock-checks.js'
import { commentRoutes } from './mock-comments.js'
import { FaultBook, MANGLED_BODY, faultReply } from './mock-faults.js'
import {
  type MockContext,
  type MockReply,
  type MockRouteDef,
  notFound
} from './mock-http.js'
import { pullRoutes } from './mock-pulls.js'
import { runRoutes } from './mock-runs.js'
import { userRoutes } from './mock-users.js'
import type { MockState } from './mock-state.js'
import type { MockRoute } from './mock-types.js'

/** Every API route the mock serves. */
const ROUTES: MockRouteDef[] = [
  ...commentRoutes,
  ...checkRoutes,
  ...runRoutes,
  ...artifactRoutes,
  ...pullRoutes,
  ...userRoutes
]

/** One incoming request, already read. */
export interface IncomingCall {
  method: string
  url: URL
  body: unknown
  authorization: string | undefined
}

/** Server-wide settings the router needs. */
export interface RouterSettings {
  state: MockState
  faults: FaultBook
  /** Token → login of its identity. */
  tokens: ReadonlyMap<string, string>
  origin: string
  prefix: string
}

/** The router's decision: a reply, or drop the connection. */
export type RouteOutcome = { reply: MockReply; route?: MockRoute } | 'drop'

/**
 * Routes a call like GitHub: blob links first (they need no token), then
 * the API prefix, `/repositories/{id}` links, authentication, faults and
 * the handler.
 */
export function routeCall(
  call: IncomingCall,
  settings: RouterSettings
): RouteOutcome {
  const context = (
    path: string,
    params: string[],
    login: string
  ): MockContext => ({
    state: settings.state,
    params,
    query: call.url.searchParams,
    body: call.body,
    login,
    origin: settings.origin,
    apiUrl: settings.origin + settings.prefix,
    path
  })
  const blob = BLOB_PATH.exec(call.url.pathname)
  if (blob && call.method === 'GET') {
    return serve('blob.download', settings, () =>
      serveBlob(context(call.url.pathname, [], ''), Number(blob[1]))
    )
  }
  const path = apiPath(call.url.pathname, settings)
  if (path === undefined) return { reply: notFound() }
  const login = authenticate(call.authorization, settings.tokens)
  if (typeof login !== 'string') return { reply: login }
  for (const def of ROUTES) {
    const match = def.method === call.method ? def.pattern.exec(path) : null
    if (!match) continue
    const ctx = context(path, match.slice(1), login)
    return serve(def.route, settings, mangle => def.handle({ ...ctx, mangle }))
  }
  return { reply: notFound() }
}

/** Serves the next fault of a route, or the handler's answer. */
function serve(
  route: MockRoute,
  settings: RouterSettings,
  handle: (mangle?: string) => MockReply
): RouteOutcome {
  const fault = settings.faults.take(route)
  if (fault?.kind === 'drop-connection') return 'drop'
  if (fault?.kind === 'mangle-body') {
    return { route, reply: handle(fault.body ?? MANGLED_BODY) }
  }
  if (fault) return { route, reply: faultReply(fault, settings.state.nowMs) }
  return { route, reply: handle() }
}

/** The path below the prefix with `/repositories/{id}` resolved. */
function apiPath(
  pathname: string,
  settings: RouterSettings
): string | undefined {
  const { prefix, state } = settings
  if (prefix && !pathname.startsWith(`${prefix}/`)) return undefined
  const path = pathname.slice(prefix.length)
  const byId = /^\/repositories\/(\d+)(\/.*)?$/.exec(path)
  if (!byId) return path
  const name = state.repoName(Number(byId[1]))
  if (!name) return undefined
  const [owner, repo] = name.split('/')
  return `/repos/${owner}/${repo}${byId[2] ?? ''}`
}

/** The login of a valid `Bearer` token, or GitHub's 401. */
function authenticate(
  authorization: string | undefined,
  tokens: ReadonlyMap<string, string>
): string | MockReply {
  const docs = 'https://docs.github.com/rest'
  if (!authorization) {
    return {
      status: 401,
      body: {
        message: 'Requires authentication',
        documentation_url: docs,
        status: '401'
      }
    }
  }
  const match = /^Bearer (\S+)$/.exec(authorization)
  const login = match ? tokens.get(match[1] ?? '') : undefined
  if (login !== undefined) return login
  return {
    status: 401,
    body: { message: 'Bad credentials', documentation_url: docs, status: '401' }
  }
}
