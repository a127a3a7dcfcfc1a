import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import {
  type CheckRunOptions,
  publishCheckRun
} from '../../src/github/check-run.js'
import { callsTo, clientFor, sha } from './github-test-kit.js'
import { type MockGitHub, startMockGitHub } from './mock-github-server.js'

/** A failing audit's check run on commit abc. */
function checkOptions(
  overrides: Partial<CheckRunOptions> = {}
): CheckRunOptions {
  return {
    owner: 'acme',
    repo: 'gpu',
    headSha: sha('abc'),
    name: 'EcoCompute audit (ci / train)',
    conclusion: 'failure',
    title: 'Carbon +12 % over the base',
    summary: '## Sustainability Audit',
    text: 'details',
    externalId: 'ecocompute:ci:train:train',
    completedAt: new Date('2026-03-01T12:00:00Z'),
    ...overrides
  }
}

describe('publishCheckRun', () => {
  let mock: MockGitHub
  beforeEach(async () => {
    mock = await startMockGitHub()
  })
  afterEach(() => mock.close())

  it('creates the check run, then updates the same one on a rerun', async () => {
    const { client } = clientFor(mock)
    const first = await publishCheckRun(client, checkOptions())
    expect(first).toMatchObject({ status: 'created', truncated: false })
    const rerun = await publishCheckRun(
      client,
      checkOptions({ conclusion: 'success', title: 'Within budget' })
    )
    expect(rerun).toMatchObject({
      status: 'updated',
      checkRunId: first.checkRunId
    })
    expect(mock.state.checkRuns).toHaveLength(1)
    expect(mock.state.checkRuns[0]).toMatchObject({
      head_sha: sha('abc'),
      status: 'completed',
      conclusion: 'success',
      external_id: 'ecocompute:ci:train:train',
      completed_at: '2026-03-01T12:00:00.000Z',
      output: {
        title: 'Within budget',
        summary: '## Sustainability Audit',
        text: 'details'
      }
    })
    const lookups = callsTo(mock, 'GET', 'checks.listForRef')
    expect(lookups[0]?.query).toEqual({
      check_name: 'EcoCompute audit (ci / train)',
      filter: 'all',
      per_page: '100'
    })
  })

  it('never touches a same-named check run with another external id', async () => {
    mock.state.checkRuns.push({
      id: 7,
      repo: 'acme/gpu',
      name: 'EcoCompute audit (ci / train)',
      head_sha: sha('abc'),
      external_id: 'job-uuid',
      status: 'completed',
      conclusion: 'success',
      details_url: null,
      completed_at: null,
      output: { title: null, summary: null, text: null }
    })
    const { client } = clientFor(mock)
    expect((await publishCheckRun(client, checkOptions())).status).toBe(
      'created'
    )
    expect(callsTo(mock, 'PATCH', 'checks.update')).toHaveLength(0)
  })

  it('caps summary and text at 65,535 characters', async () => {
    const { client } = clientFor(mock)
    const long = `\`\`\`\n${'line\n'.repeat(20_000)}`
    const result = await publishCheckRun(
      client,
      checkOptions({ summary: long, text: long })
    )
    expect(result).toMatchObject({ status: 'created', truncated: true })
    const output = mock.state.checkRuns[0]?.output
    expect(output?.summary?.length).toBeLessThanOrEqual(65_535)
    expect(output?.text).toMatch(
      /\n```\n\n\*Truncated\. The full report is in the job summary\.\*$/
    )
  })

  it('returns forbidden without checks: write, never throwing', async () => {
    mock.fail('checks.create', { kind: 'forbidden' })
    const { client } = clientFor(mock)
    const result = await publishCheckRun(client, checkOptions())
    expect(result.status).toBe('forbidden')
    expect(result.reason).toMatch(
      /POST \/repos\/acme\/gpu\/check-runs \(403\).*checks: write/
    )
  })

  it('still throws for failures other than a refusal', async () => {
    mock.fail('checks.create', { kind: 'server-error' }, 4)
    const { client } = clientFor(mock)
    await expect(publishCheckRun(client, checkOptions())).rejects.toMatchObject(
      {
        name: 'GitHubApiError',
        status: 500
      }
    )
  })
})
