import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { GitHubApiError } from '../../src/github/github-errors.js'
import { GitHubRestClient } from '../../src/github/rest-client.js'
import { callsTo, clientFor } from './github-test-kit.js'
import { type MockGitHub, startMockGitHub } from './mock-github-server.js'

const REPO = '/repos/acme/gpu'

describe('GitHubRestClient against the mock', () => {
  let mock: MockGitHub
  beforeEach(async () => {
    mock = await startMockGitHub({ nowMs: 1_700_000_000_000 })
  })
  afterEach(() => mock.close())

  it('sends the token as Bearer with GitHub headers and reads JSON', async () => {
    const { client } = clientFor(mock)
    const created = await client.request<{ id: number; body: string }>({
      method: 'POST',
      path: `${REPO}/issues/7/comments`,
      body: { body: 'hello' }
    })
    expect(created.status).toBe(201)
    expect(created.data.body).toBe('hello')
    expect(mock.requests[0]?.authPresent).toBe(true)
    expect(mock.requests[0]?.authorization).toMatch(/^Bearer /)
  })

  it('waits out a 429 until x-ratelimit-reset, then succeeds', async () => {
    mock.fail('comments.list', {
      kind: 'rate-limit',
      status: 429,
      resetInS: 10
    })
    const { client, waits, retries } = clientFor(mock)
    const list = await client.paginate(`${REPO}/issues/7/comments`)
    expect(list).toEqual({ items: [], complete: true })
    expect(waits).toEqual([11_000]) // reset in 10 s + 1 s margin
    expect(retries[0]).toMatch(/answered 429, retry 1 of 3 in 11000 ms/)
  })

  it('honours retry-after on a secondary rate limit 403', async () => {
    mock.fail('comments.create', {
      kind: 'secondary-rate-limit',
      retryAfterS: 30
    })
    mock.fail('comments.create', {
      kind: 'rate-limit',
      status: 403,
      resetInS: 5
    })
    const { client, waits } = clientFor(mock)
    await client.request({
      method: 'POST',
      path: `${REPO}/issues/7/comments`,
      body: { body: 'x' }
    })
    expect(waits).toEqual([30_000, 6_000])
    expect(callsTo(mock, 'POST', 'comments.create')).toHaveLength(3)
  })

  it('backs off exponentially on 5xx and dropped connections', async () => {
    mock.fail('comments.list', { kind: 'server-error', status: 502 })
    mock.fail('comments.list', { kind: 'drop-connection' })
    mock.fail('comments.list', { kind: 'server-error' })
    const { client, waits } = clientFor(mock)
    await client.paginate(`${REPO}/issues/7/comments`)
    expect(waits).toEqual([1_000, 2_000, 4_000])
  })

  it('gives up after four attempts with the last status', async () => {
    mock.fail('comments.list', { kind: 'server-error', status: 503 }, 4)
    const { client, waits } = clientFor(mock)
    const error = await client
      .paginate(`${REPO}/issues/7/comments`)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GitHubApiError)
    expect(error).toMatchObject({ status: 503, method: 'GET' })
    expect(waits).toHaveLength(3)
  })

  it('never retries a fork 403 or a 404', async () => {
    mock.fail('comments.create', { kind: 'forbidden' })
    const { client, waits } = clientFor(mock)
    const forbidden = await client
      .request({
        method: 'POST',
        path: `${REPO}/issues/7/comments`,
        body: { body: 'x' }
      })
      .catch((e: unknown) => e)
    expect(forbidden).toMatchObject({ status: 403, rateLimited: false })
    const missing = await client
      .request({ method: 'GET', path: `${REPO}/issues/comments/1` })
      .catch((e: unknown) => e)
    expect(missing).toMatchObject({ status: 404 })
    expect(waits).toEqual([])
    expect(mock.requests).toHaveLength(2)
  })

  it('does not sleep past the total wait cap', async () => {
    mock.fail('comments.list', {
      kind: 'rate-limit',
      status: 403,
      resetInS: 3_600
    })
    const { client, waits } = clientFor(mock, { maxTotalWaitMs: 60_000 })
    const error = await client
      .paginate(`${REPO}/issues/7/comments`)
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ status: 403, rateLimited: true })
    expect(waits).toEqual([])
  })

  it('follows Link rel="next" with per_page=100 and stops at maxPages', async () => {
    for (let i = 0; i < 250; i++) {
      mock.state.addComment({ repo: 'acme/gpu', issueNumber: 7, body: `c${i}` })
    }
    const { client } = clientFor(mock)
    const all = await client.paginate<{ body: string }>(
      `${REPO}/issues/7/comments`
    )
    expect(all.complete).toBe(true)
    expect(all.items.map(c => c.body)).toEqual(
      Array.from({ length: 250 }, (_, i) => `c${i}`)
    )
    const lists = callsTo(mock, 'GET', 'comments.list')
    expect(lists.map(r => r.query)).toEqual([
      { per_page: '100' },
      { per_page: '100', page: '2' },
      { per_page: '100', page: '3' }
    ])
    expect(lists[1]?.path).toMatch(/^\/repositories\/\d+\/issues\/7\/comments$/)
    const capped = await clientFor(mock, { maxPages: 2 }).client.paginate(
      `${REPO}/issues/7/comments`
    )
    expect(capped).toMatchObject({ complete: false })
    expect(capped.items).toHaveLength(200)
  })

  it('works under a GHES /api/v3 prefix', async () => {
    const ghes = await startMockGitHub({ prefix: '/api/v3' })
    try {
      const { client } = clientFor(ghes)
      expect(client.baseUrl).toBe(`${ghes.origin}/api/v3`)
      await client.request({
        method: 'POST',
        path: `${REPO}/issues/1/comments`,
        body: { body: 'a' }
      })
      await client.paginate(`${REPO}/issues/1/comments`)
      expect(ghes.requests.map(r => [r.path, r.status])).toEqual([
        ['/api/v3/repos/acme/gpu/issues/1/comments', 201],
        ['/api/v3/repos/acme/gpu/issues/1/comments', 200]
      ])
      const bare = clientFor(ghes, { baseUrl: ghes.origin }).client
      await expect(
        bare.paginate(`${REPO}/issues/1/comments`)
      ).rejects.toMatchObject({
        status: 404
      })
    } finally {
      await ghes.close()
    }
  })
})

describe('GitHubRestClient configuration', () => {
  it('refuses to start without an explicit http(s) base URL', () => {
    for (const baseUrl of [
      '',
      'api.github.com',
      'ftp://x.test',
      'https://u:p@x.test'
    ]) {
      expect(() => new GitHubRestClient({ baseUrl, token: 't' })).toThrow(
        /GitHub API URL/
      )
    }
    expect(
      () =>
        new GitHubRestClient({ token: 't' } as unknown as {
          baseUrl: string
          token: string
        })
    ).toThrow(/GitHub API URL/)
  })

  it('refuses an empty token', () => {
    expect(
      () => new GitHubRestClient({ baseUrl: 'http://127.0.0.1:9', token: '' })
    ).toThrow(/github-token/)
  })
})
