import type { MockReply } from './mock-http.js'
import type { MockFault, MockRoute } from './mock-types.js'

/** What a write stores under a mangle-body fault without its own body. */
export const MANGLED_BODY = 'Report is being generated…'

/** Faults waiting to be served, per route or for any route (`*`). */
export class FaultBook {
  private readonly queues = new Map<MockRoute | '*', MockFault[]>()

  /** Serves `fault` on the next `times` requests to `route`. */
  add(route: MockRoute | '*', fault: MockFault, times = 1): void {
    const queue = this.queues.get(route) ?? []
    for (let i = 0; i < times; i++) queue.push(fault)
    this.queues.set(route, queue)
  }

  /** The next fault for a route, removed from its queue. */
  take(route: MockRoute): MockFault | undefined {
    return this.queues.get(route)?.shift() ?? this.queues.get('*')?.shift()
  }

  /** Faults still waiting, for assertions that all were used. */
  pending(): number {
    let count = 0
    for (const queue of this.queues.values()) count += queue.length
    return count
  }
}

/**
 * The answer a fault gives, as GitHub words it. `drop-connection` and
 * `mangle-body` are served by the server and the write handlers.
 */
export function faultReply(fault: MockFault, nowMs: number): MockReply {
  const docs = 'https://docs.github.com/rest'
  switch (fault.kind) {
    case 'forbidden':
      return reply(403, 'Resource not accessible by integration', docs)
    case 'secondary-rate-limit':
      return reply(
        403,
        'You have exceeded a secondary rate limit. Please wait a few ' +
          'minutes before you try again.',
        docs,
        { 'retry-after': String(fault.retryAfterS) }
      )
    case 'rate-limit':
      return reply(
        fault.status,
        'API rate limit exceeded for installation.',
        docs,
        {
          'x-ratelimit-limit': '1000',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-used': '1000',
          'x-ratelimit-reset': String(Math.floor(nowMs / 1000) + fault.resetInS)
        }
      )
    case 'server-error':
      return reply(fault.status ?? 500, fault.message ?? 'Server Error', docs)
    case 'unprocessable':
      return reply(422, fault.message ?? 'Validation Failed', docs)
    case 'status':
      return reply(fault.status, fault.message ?? 'Not Found', docs)
    case 'drop-connection':
    case 'mangle-body':
      return reply(500, `fault ${fault.kind} is served elsewhere`, docs)
  }
}

/** An error body with optional headers. */
function reply(
  status: number,
  message: string,
  docs: string,
  headers: Record<string, string> = {}
): MockReply {
  const body = { message, documentation_url: docs, status: String(status) }
  return { status, body, headers }
}
