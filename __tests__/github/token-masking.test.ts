import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { inspect } from 'node:util'
import { maskSecrets } from '../../src/github/github-errors.js'
import { GitHubRestClient } from '../../src/github/rest-client.js'
import { clientFor } from './github-test-kit.js'
import {
  MOCK_TOKEN,
  type MockGitHub,
  startMockGitHub
} from './mock-github-server.js'

/** Every text a failed call can expose: message, stack and fields. */
function exposedText(error: unknown): string {
  return [
    String(error),
    (error as Error).stack,
    JSON.stringify(error),
    inspect(error)
  ].join('\n')
}

describe('the token never appears in errors or logs', () => {
  let mock: MockGitHub
  beforeEach(async () => {
    mock = await startMockGitHub()
  })
  afterEach(() => mock.close())

  it('is masked when GitHub echoes it in an error message', async () => {
    const { client } = clientFor(mock)
    mock.fail('comments.create', {
      kind: 'unprocessable',
      message: `body quotes ${MOCK_TOKEN} and Bearer ${MOCK_TOKEN}`
    })
    const error = await client
      .request({
        method: 'POST',
        path: `/repos/a/b/issues/1/comments?t=${MOCK_TOKEN}`,
        body: { body: MOCK_TOKEN }
      })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({
      status: 422,
      endpoint: '/repos/a/b/issues/1/comments'
    })
    expect(exposedText(error)).not.toContain(MOCK_TOKEN)
    expect((error as Error).message).toContain('body quotes *** and Bearer ***')
  })

  it('is masked for a wrong token (401), network failures and retries', async () => {
    const wrong = clientFor(mock, { token: 'wrong-token-1234567890' }).client
    const unauthorized = await wrong
      .paginate('/repos/a/b/issues/1/comments')
      .catch((e: unknown) => e)
    expect(unauthorized).toMatchObject({ status: 401 })
    expect(exposedText(unauthorized)).not.toContain('wrong-token-1234567890')

    mock.fail('*', { kind: 'drop-connection' }, 4)
    const { client, retries } = clientFor(mock)
    const dropped = await client
      .paginate('/repos/a/b/issues/1/comments')
      .catch((e: unknown) => e)
    expect(dropped).toMatchObject({ status: 0 })
    expect(exposedText(dropped) + retries.join('\n')).not.toContain(MOCK_TOKEN)
  })

  it('stays out of the client object when logged', () => {
    const { client } = clientFor(mock)
    expect(JSON.stringify(client)).not.toContain(MOCK_TOKEN)
    expect(inspect(client, { depth: 5, showHidden: true })).not.toContain(
      MOCK_TOKEN
    )
  })

  it('is refused on a link to another origin, so it never travels there', async () => {
    const client = new GitHubRestClient({
      baseUrl: mock.apiUrl,
      token: MOCK_TOKEN
    })
    const error = await client
      .request({ method: 'GET', path: 'http://localhost:1/steal' })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({
      status: 0,
      endpoint: 'http://localhost:1/steal'
    })
    expect(mock.requests).toHaveLength(0)
  })
})

describe('maskSecrets', () => {
  it('masks given secrets, token-shaped strings and Bearer values', () => {
    const shaped = `ghs_${'A1'.repeat(18)}`
    const text = `secret s3cr3t-value, ${shaped}, Authorization: Bearer abc.def`
    expect(maskSecrets(text, ['s3cr3t-value'])).toBe(
      'secret ***, ***, Authorization: Bearer ***'
    )
  })

  it('leaves ordinary words such as "token" alone', () => {
    expect(maskSecrets('the token may not write', [])).toBe(
      'the token may not write'
    )
  })
})
