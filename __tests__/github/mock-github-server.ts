import {
  type IncomingMessage,
  type ServerResponse,
  createServer
} from 'node:http'
import type { AddressInfo } from 'node:net'
import { FaultBook } from './mock/mock-faults.js'
import type { MockReply } from './mock/mock-http.js'
import { routeCall } from './mock/mock-router.js'
import { MockState } from './mock/mock-state.js'
import type {
  MockFault,
  MockRoute,
  RecordedRequest
} from './mock/mock-types.js'

export type { MockFault, MockRoute, RecordedRequest }
export { MockState }

/** A test token; deliberately not shaped like a real GitHub token. */
export const MOCK_TOKEN = 'mock-token-5b1e7c2a9d40f3'

/** Login `MOCK_TOKEN` acts as. */
export const MOCK_BOT = 'github-actions[bot]'

/** How to start the mock. */
export interface MockGitHubOptions {
  /** API path prefix, e.g. `/api/v3` for GitHub Enterprise Server. */
  prefix?: string
  /** Tokens and their logins. Default MOCK_TOKEN → github-actions[bot]. */
  tokens?: Record<string, string>
  /** Starting mock clock, epoch ms. Default now. */
  nowMs?: number
}

/** A running mock GitHub bound to 127.0.0.1. */
export interface MockGitHub {
  /** `http://127.0.0.1:PORT`. */
  origin: string
  /** origin + prefix: pass this as the client's base URL. */
  apiUrl: string
  state: MockState
  /** Every request in arrival order. */
  requests: RecordedRequest[]
  /** Serves `fault` on the next `times` requests to `route` (or any: `*`). */
  fail(route: MockRoute | '*', fault: MockFault, times?: number): void
  /** Faults not yet served. */
  pendingFaults(): number
  close(): Promise<void>
}

/** Largest request body read, in bytes. */
const MAX_REQUEST_BYTES = 8 * 1024 * 1024

/**
 * Starts an in-process HTTP server that answers like the GitHub REST API
 * for comments, check runs, workflow runs, artifacts and pull requests.
 * It listens on 127.0.0.1 only, on a port the system picks.
 */
export async function startMockGitHub(
  options: MockGitHubOptions = {}
): Promise<MockGitHub> {
  const state = new MockState(options.nowMs ?? Date.now())
  const faults = new FaultBook()
  const requests: RecordedRequest[] = []
  const tokens = new Map(
    Object.entries(options.tokens ?? { [MOCK_TOKEN]: MOCK_BOT })
  )
  const prefix = (options.prefix ?? '').replace(/\/+$/, '')
  let origin = ''
  const server = createServer((req, res) => {
    void handle(req, res).catch(() => res.destroy())
  })
  const handle = async (
    req: IncomingMessage,
    res: ServerResponse
  ): Promise<void> => {
    const url = new URL(req.url ?? '/', origin)
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: undefined,
      authPresent: req.headers.authorization !== undefined,
      authorization: req.headers.authorization
    }
    requests.push(record)
    const body = await readJson(req)
    record.body = body
    if (body === INVALID) return send(res, record, badJson())
    const outcome = routeCall(
      { method: record.method, url, body, authorization: record.authorization },
      { state, faults, tokens, origin, prefix }
    )
    if (outcome === 'drop') return void req.socket.destroy()
    record.route = outcome.route
    send(res, record, outcome.reply)
  }
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const address = server.address() as AddressInfo
  if (address.address !== '127.0.0.1') throw new Error('mock bound elsewhere')
  origin = `http://127.0.0.1:${address.port}`
  return {
    origin,
    apiUrl: origin + prefix,
    state,
    requests,
    fail: (route, fault, times) => faults.add(route, fault, times),
    pendingFaults: () => faults.pending(),
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

/** Marks a body that is not JSON. */
const INVALID = Symbol('invalid JSON')

/** The request body parsed as JSON; undefined when empty. */
async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_REQUEST_BYTES) return INVALID
    chunks.push(chunk as Buffer)
  }
  if (size === 0) return undefined
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown
  } catch {
    return INVALID
  }
}

/** GitHub's 400 for a body it cannot parse. */
function badJson(): MockReply {
  return { status: 400, body: { message: 'Problems parsing JSON' } }
}

/** Writes a reply with GitHub's usual headers and records its status. */
function send(
  res: ServerResponse,
  record: RecordedRequest,
  reply: MockReply
): void {
  record.status = reply.status
  const headers: Record<string, string> = {
    'x-github-api-version-selected': '2022-11-28',
    'x-github-request-id': `MOCK:${Math.random().toString(16).slice(2, 10)}`,
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    'x-ratelimit-resource': 'core',
    ...reply.headers
  }
  if (reply.raw) {
    res.writeHead(reply.status, {
      'content-length': String(reply.raw.length),
      ...headers
    })
    res.end(reply.raw)
    return
  }
  const text = reply.body === undefined ? '' : JSON.stringify(reply.body)
  if (text) headers['content-type'] = 'application/json; charset=utf-8'
  res.writeHead(reply.status, headers)
  res.end(text)
}
