import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { clientFor, sha } from './github-test-kit.js'
import {
  MOCK_TOKEN,
  type MockGitHub,
  startMockGitHub
} from './mock-github-server.js'

/** A raw call to the mock with an optional Authorization header. */
function raw(
  mock: MockGitHub,
  path: string,
  authorization?: string
): Promise<Response> {
  const headers: Record<string, string> = authorization ? { authorization } : {}
  return fetch(`${mock.apiUrl}${path}`, { headers, redirect: 'manual' })
}

describe('the mock GitHub server', () => {
  let mock: MockGitHub
  beforeEach(async () => {
    mock = await startMockGitHub()
  })
  afterEach(() => mock.close())

  it('listens on 127.0.0.1 only', () => {
    expect(mock.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  })

  it('answers 401 without a token or with a wrong or non-Bearer one', async () => {
    const path = '/repos/acme/gpu/issues/1/comments'
    const answers = await Promise.all([
      raw(mock, path),
      raw(mock, path, 'Bearer wrong'),
      raw(mock, path, `token ${MOCK_TOKEN}`),
      raw(mock, path, `Bearer ${MOCK_TOKEN}`)
    ])
    expect(answers.map(a => a.status)).toEqual([401, 401, 401, 200])
    expect(await answers[0]?.json()).toMatchObject({
      message: 'Requires authentication'
    })
    expect(mock.requests.map(r => r.authPresent)).toEqual([
      false,
      true,
      true,
      true
    ])
  })

  it('pages with GitHub-style Link headers on /repositories/{id}', async () => {
    for (let i = 0; i < 5; i++) {
      mock.state.addComment({ repo: 'acme/gpu', issueNumber: 1, body: `c${i}` })
    }
    const page = await raw(
      mock,
      '/repos/acme/gpu/issues/1/comments?per_page=2&page=2',
      `Bearer ${MOCK_TOKEN}`
    )
    const id = mock.state.repoId('acme/gpu')
    const base = `${mock.apiUrl}/repositories/${id}/issues/1/comments?per_page=2&page=`
    expect(page.headers.get('link')).toBe(
      `<${base}1>; rel="prev", <${base}3>; rel="next", <${base}3>; rel="last", <${base}1>; rel="first"`
    )
    expect(
      ((await page.json()) as { body: string }[]).map(c => c.body)
    ).toEqual(['c2', 'c3'])
  })

  it('filters workflow runs by branch, event, status and head_sha', async () => {
    const { client } = clientFor(mock)
    mock.state.addWorkflowRun({ repo: 'acme/gpu', head_sha: sha('1') })
    const wanted = mock.state.addWorkflowRun({
      repo: 'acme/gpu',
      head_sha: sha('2')
    })
    mock.state.addWorkflowRun({
      repo: 'acme/gpu',
      head_sha: sha('2'),
      event: 'pull_request'
    })
    mock.state.addWorkflowRun({
      repo: 'acme/gpu',
      head_sha: sha('2'),
      conclusion: 'failure'
    })
    mock.state.addWorkflowRun({
      repo: 'acme/gpu',
      head_sha: sha('2'),
      head_branch: 'dev'
    })
    const query = {
      branch: 'main',
      event: 'push',
      status: 'success',
      head_sha: sha('2')
    }
    const pick = (data: unknown): unknown =>
      (data as { workflow_runs: unknown }).workflow_runs
    const runs = await client.paginate<{ id: number }>(
      '/repos/acme/gpu/actions/runs',
      query,
      pick
    )
    expect(runs.items.map(r => r.id)).toEqual([wanted.id])
    const byFile = await client.paginate<{ id: number }>(
      '/repos/acme/gpu/actions/workflows/audit.yml/runs',
      {},
      pick
    )
    expect(byFile.items).toHaveLength(5)
  })

  it('lists artifacts by run and by name with the expired flag', async () => {
    const { client } = clientFor(mock)
    const run = mock.state.addWorkflowRun({ repo: 'acme/gpu' })
    const bytes = new Uint8Array([1, 2, 3])
    mock.state.addArtifact({
      repo: 'acme/gpu',
      runId: run.id,
      name: 'ecocompute-audit-ci-train-1',
      bytes
    })
    mock.state.addArtifact({
      repo: 'acme/gpu',
      runId: 1,
      name: 'ecocompute-audit-ci-train-1',
      bytes,
      expired: true
    })
    const pick = (data: unknown): unknown =>
      (data as { artifacts: unknown }).artifacts
    type Listed = {
      expired: boolean
      workflow_run: { id: number }
      size_in_bytes: number
    }
    const byName = await client.paginate<Listed>(
      '/repos/acme/gpu/actions/artifacts',
      { name: 'ecocompute-audit-ci-train-1' },
      pick
    )
    expect(byName.items.map(a => a.expired)).toEqual([true, false])
    const forRun = await client.paginate<Listed>(
      `/repos/acme/gpu/actions/runs/${run.id}/artifacts`,
      {},
      pick
    )
    expect(forRun.items).toMatchObject([
      { expired: false, workflow_run: { id: run.id }, size_in_bytes: 3 }
    ])
  })

  it('redirects an artifact zip to a signed blob and refuses a bad signature', async () => {
    const artifact = mock.state.addArtifact({
      repo: 'acme/gpu',
      runId: 1,
      name: 'a',
      bytes: new Uint8Array([9])
    })
    const redirect = await raw(
      mock,
      `/repos/acme/gpu/actions/artifacts/${artifact.id}/zip`,
      `Bearer ${MOCK_TOKEN}`
    )
    expect(redirect.status).toBe(302)
    const location = redirect.headers.get('location') ?? ''
    expect(
      location.startsWith(`${mock.origin}/_blob/artifacts/${artifact.id}?sig=`)
    ).toBe(true)
    expect((await fetch(location)).status).toBe(200)
    expect((await fetch(location.replace(/sig=\w/, 'sig=z'))).status).toBe(403)
  })

  it('finds pull requests by head label and by commit', async () => {
    const { client } = clientFor(mock)
    const head = { ref: 'feature', sha: sha('f'), repo: 'contrib/gpu' }
    const base = { ref: 'main', sha: sha('b'), repo: 'acme/gpu' }
    mock.state.addPull({ number: 5, repo: 'acme/gpu', head, base })
    mock.state.addPull({
      number: 6,
      repo: 'acme/gpu',
      head: { ...head, repo: 'acme/gpu' },
      base,
      state: 'closed'
    })
    type Pull = { number: number; head: { repo: { fork: boolean } } }
    const byHead = await client.paginate<Pull>('/repos/acme/gpu/pulls', {
      head: 'contrib:feature'
    })
    expect(byHead.items).toMatchObject([
      { number: 5, head: { repo: { fork: true } } }
    ])
    const all = await client.paginate<Pull>(
      `/repos/acme/gpu/commits/${sha('f')}/pulls`
    )
    expect(all.items.map(p => p.number)).toEqual([5, 6])
    const open = await client.paginate<Pull>('/repos/acme/gpu/pulls', {
      base: 'main'
    })
    expect(open.items.map(p => p.number)).toEqual([5])
  })

  it('refuses comment bodies over 65,536 characters with a 422', async () => {
    const { client } = clientFor(mock)
    const error = await client
      .request({
        method: 'POST',
        path: '/repos/acme/gpu/issues/1/comments',
        body: { body: 'x'.repeat(65_537) }
      })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ status: 422 })
    expect(mock.state.comments).toHaveLength(0)
  })
})
