import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { DownloadTooLargeError } from '../../src/github/github-errors.js'
import { callsTo, clientFor } from './github-test-kit.js'
import { type MockGitHub, startMockGitHub } from './mock-github-server.js'

const ZIP = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5])

describe('GitHubRestClient downloads through redirects', () => {
  let mock: MockGitHub
  beforeEach(async () => {
    mock = await startMockGitHub({ prefix: '/api/v3' })
  })
  afterEach(() => mock.close())

  it('resolves the 302 with the token and fetches the blob without it', async () => {
    const run = mock.state.addWorkflowRun({ repo: 'acme/gpu' })
    const artifact = mock.state.addArtifact({
      repo: 'acme/gpu',
      runId: run.id,
      name: 'audit',
      bytes: ZIP
    })
    const { client } = clientFor(mock)
    const bytes = await client.download(
      `/repos/acme/gpu/actions/artifacts/${artifact.id}/zip`,
      {
        maxBytes: 1_000
      }
    )
    expect(Array.from(bytes)).toEqual(Array.from(ZIP))
    const blob = callsTo(mock, 'GET', 'blob.download')
    expect(blob).toHaveLength(1)
    expect(blob[0]?.authPresent).toBe(false)
    expect(blob[0]?.path).toBe(`/_blob/artifacts/${artifact.id}`)
  })

  it('reports an expired artifact as a 410 status, without retrying', async () => {
    const artifact = mock.state.addArtifact({
      repo: 'acme/gpu',
      runId: 1,
      name: 'old',
      bytes: ZIP,
      expired: true
    })
    const { client, waits } = clientFor(mock)
    const error = await client
      .download(`/repos/acme/gpu/actions/artifacts/${artifact.id}/zip`, {
        maxBytes: 1_000
      })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({
      status: 410,
      endpoint: `/api/v3/repos/acme/gpu/actions/artifacts/${artifact.id}/zip`
    })
    expect(waits).toEqual([])
  })

  it('refuses a blob over maxBytes', async () => {
    const artifact = mock.state.addArtifact({
      repo: 'acme/gpu',
      runId: 1,
      name: 'big',
      bytes: new Uint8Array(5_000)
    })
    const { client } = clientFor(mock)
    await expect(
      client.download(`/repos/acme/gpu/actions/artifacts/${artifact.id}/zip`, {
        maxBytes: 4_096
      })
    ).rejects.toBeInstanceOf(DownloadTooLargeError)
  })

  it('retries a failing blob with a fresh link', async () => {
    const artifact = mock.state.addArtifact({
      repo: 'acme/gpu',
      runId: 1,
      name: 'a',
      bytes: ZIP
    })
    mock.fail('blob.download', { kind: 'server-error', status: 503 })
    const { client, waits } = clientFor(mock)
    const bytes = await client.download(
      `/repos/acme/gpu/actions/artifacts/${artifact.id}/zip`,
      { maxBytes: 100 }
    )
    expect(bytes).toHaveLength(ZIP.length)
    expect(waits).toEqual([1_000])
    expect(callsTo(mock, 'GET', 'artifacts.download')).toHaveLength(2)
  })
})
