import { GitHubRestClient } from '../../src/github/rest-client.js'
import type { RestClientConfig } from '../../src/github/rest-config.js'
import { MOCK_TOKEN, type MockGitHub } from './mock-github-server.js'

/** A client on the mock with a fake clock and sleep, and what it waited. */
export interface TestClient {
  client: GitHubRestClient
  /** Every sleep the client asked for, in ms. */
  waits: number[]
  /** Retry messages the client reported. */
  retries: string[]
}

/**
 * A client for the mock: its base URL is always the mock's, so no test
 * can reach another host; sleeping only records the wait.
 */
export function clientFor(
  mock: MockGitHub,
  overrides: Partial<RestClientConfig> = {}
): TestClient {
  const waits: number[] = []
  const retries: string[] = []
  const client = new GitHubRestClient({
    token: MOCK_TOKEN,
    now: () => mock.state.nowMs,
    sleep: ms => {
      waits.push(ms)
      mock.state.nowMs += ms
      return Promise.resolve()
    },
    onRetry: message => retries.push(message),
    ...overrides,
    baseUrl: overrides.baseUrl ?? mock.apiUrl
  })
  return { client, waits, retries }
}

/** Requests of a method and route, in order. */
export function callsTo(
  mock: MockGitHub,
  method: string,
  route: string
): MockGitHub['requests'] {
  return mock.requests.filter(r => r.method === method && r.route === route)
}

/** A 40-digit hex SHA from a short seed. */
export function sha(seed: string): string {
  return seed.padEnd(40, '0')
}
