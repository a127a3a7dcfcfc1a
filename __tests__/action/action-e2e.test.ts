import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import {
  MOCK_BOT,
  type MockGitHub,
  startMockGitHub
} from '../github/mock-github-server.js'
import type { MockComment } from '../github/mock/mock-types.js'
import { buildZip } from '../github/zip-writer.js'
import {
  type ActionRun,
  HEAD_SHA,
  REPO,
  pullRequestEvent,
  runAction as runBundledAction
} from './action-runner.js'

/**
 * The bundled action, run the way a runner runs it (INPUT_*, GITHUB_*,
 * an event payload file), against a local server that answers like the
 * GitHub REST API on 127.0.0.1.
 */
let github: MockGitHub
let dir: string

beforeEach(async () => {
  github = await startMockGitHub()
  dir = mkdtempSync(join(tmpdir(), 'eco-e2e-'))
})
afterEach(async () => {
  await github.close()
})

/** Runs dist/index.js against this test's mock GitHub. */
async function runAction(
  inputs: Record<string, string>,
  event?: { name: string; payload: object },
  apiUrl = github.apiUrl
): Promise<ActionRun> {
  return runBundledAction(inputs, { dir, apiUrl, ...(event ? { event } : {}) })
}

/** Writes a baseline: the example's own audit with carbon scaled. */
async function baselineScaled(factor: number): Promise<string> {
  const first = await runAction({
    telemetry: 'examples/*.csv',
    region: 'SE',
    comment: 'off',
    'check-run': 'false'
  })
  const report = JSON.parse(
    readFileSync(first.outputs['report-path']!, 'utf8')
  ) as {
    carbon: { kg: number; low_kg: number; high_kg: number }
  }
  report.carbon.kg *= factor
  report.carbon.low_kg *= factor
  report.carbon.high_kg *= factor
  const path = join(dir, `base-${factor}.json`)
  writeFileSync(path, JSON.stringify(report))
  return path
}

const botComments = (): MockComment[] =>
  github.state.commentsOf(REPO, 7).filter(c => c.user.login === MOCK_BOT)

describe('on a pull request', () => {
  it('posts one comment and one check run on the first run, with a neutral verdict and no baseline', async () => {
    const result = await runAction({
      telemetry: 'examples/*.csv',
      region: 'SE'
    })
    expect(result.code).toBe(0)
    expect(botComments()).toHaveLength(1)
    expect(botComments()[0]!.body).toContain('Sustainability Audit')
    expect(github.state.checkRuns).toHaveLength(1)
    expect(github.state.checkRuns[0]).toMatchObject({
      head_sha: HEAD_SHA,
      conclusion: 'neutral'
    })
    expect(result.outputs.verdict).toBe('neutral')
    expect(result.summary).toContain('Sustainability Audit')
  })

  it('fails the step when carbon rose past max-increase, and passes when it fell', async () => {
    const lower = await baselineScaled(0.5)
    const worse = await runAction({
      telemetry: 'examples/*.csv',
      region: 'SE',
      baseline: lower,
      'max-increase': '10%'
    })
    expect(worse.code).toBe(1)
    expect(worse.outputs.verdict).toBe('fail')
    expect(Number(worse.outputs['change-percent'])).toBeCloseTo(100, 6)
    expect(worse.stdout).toContain('::error::carbon gate failed')

    const higher = await baselineScaled(2)
    const better = await runAction({
      telemetry: 'examples/*.csv',
      region: 'SE',
      baseline: higher,
      'max-increase': '10%'
    })
    expect(better.code).toBe(0)
    expect(better.outputs.verdict).toBe('pass')
    expect(Number(better.outputs['change-percent'])).toBeCloseTo(-50, 6)
  })

  it('updates its comment at position 35 of 40 instead of adding one', async () => {
    await runAction({ telemetry: 'examples/*.csv', region: 'SE' })
    const ours = botComments()[0]!
    github.state.comments.length = 0
    for (let i = 1; i <= 40; i++) {
      if (i === 35) github.state.comments.push(ours)
      else
        github.state.addComment({
          repo: REPO,
          issueNumber: 7,
          body: `comment ${i}`
        })
    }
    const again = await runAction(
      { telemetry: 'examples/*.csv', region: 'SE' },
      undefined
    )
    expect(again.code).toBe(0)
    expect(botComments()).toHaveLength(1)
    expect(github.state.commentsOf(REPO, 7)).toHaveLength(40)
    expect(
      github.requests.filter(
        r => r.method === 'POST' && r.path.endsWith('/comments')
      )
    ).toHaveLength(1)
    expect(github.state.checkRuns).toHaveLength(1)
  })

  it("keeps the verdict and the summary when a fork's token is refused (403)", async () => {
    github.fail('comments.list', { kind: 'forbidden' }, 5)
    github.fail('checks.listForRef', { kind: 'forbidden' }, 5)
    const result = await runAction(
      { telemetry: 'examples/*.csv', region: 'SE' },
      { name: 'pull_request', payload: pullRequestEvent('someone/fork') }
    )
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('::warning::comment refused')
    expect(result.summary).toContain('Sustainability Audit')
    expect(result.outputs.verdict).toBe('neutral')
  })

  it('waits out a 429 and a secondary rate limit, then posts', async () => {
    github.fail(
      'comments.list',
      { kind: 'rate-limit', status: 429, resetInS: 1 },
      1
    )
    github.fail(
      'comments.create',
      { kind: 'secondary-rate-limit', retryAfterS: 1 },
      1
    )
    const result = await runAction({
      telemetry: 'examples/*.csv',
      region: 'SE'
    })
    expect(result.code).toBe(0)
    expect(botComments()).toHaveLength(1)
  }, 30_000)
})

describe('outside a pull request and on GHES', () => {
  it('writes summary, check run and outputs on a push, without a comment', async () => {
    const result = await runAction(
      { telemetry: 'examples/*.csv', region: 'SE' },
      { name: 'push', payload: { ref: 'refs/heads/main' } }
    )
    expect(result.code).toBe(0)
    expect(github.state.comments).toHaveLength(0)
    expect(github.state.checkRuns).toHaveLength(1)
    expect(result.outputs['energy-kwh']).not.toBe('')
  })

  it('uses GITHUB_API_URL with an /api/v3 prefix for every call', async () => {
    await github.close()
    github = await startMockGitHub({ prefix: '/api/v3' })
    const result = await runAction(
      { telemetry: 'examples/*.csv', region: 'SE' },
      undefined,
      github.apiUrl
    )
    expect(result.code).toBe(0)
    expect(github.requests.length).toBeGreaterThan(0)
    expect(github.requests.every(r => r.path.startsWith('/api/v3/'))).toBe(true)
    expect(botComments()).toHaveLength(1)
  })
})

describe('baseline: auto', () => {
  it("finds the audit artifact of the base SHA's run and gates against it", async () => {
    const base = JSON.parse(
      readFileSync(await baselineScaled(0.5), 'utf8')
    ) as object
    const run = github.state.addWorkflowRun({
      repo: REPO,
      name: 'ci',
      head_sha: 'b'.repeat(40),
      event: 'push',
      head_branch: 'main'
    })
    github.state.addArtifact({
      repo: REPO,
      runId: run.id,
      name: 'ecocompute-audit-ci-default-1',
      bytes: buildZip([
        {
          name: 'ecocompute-audit.json',
          data: JSON.stringify(base),
          method: 'deflate'
        }
      ])
    })
    const result = await runAction({
      telemetry: 'examples/*.csv',
      region: 'SE',
      'max-increase': '10%'
    })
    expect(result.outputs.verdict).toBe('fail')
    expect(Number(result.outputs['change-percent'])).toBeCloseTo(100, 6)
    expect(result.outputs['artifact-name']).toBe(
      'ecocompute-audit-ci-default-1'
    )
    expect(result.summary).toContain(`run ${run.id}`)
  })

  it('keeps the audit when the baseline lookup keeps failing with 502', async () => {
    github.fail('runs.list', { kind: 'server-error', status: 502 }, 50)
    github.fail(
      'runs.listForWorkflow',
      { kind: 'server-error', status: 502 },
      50
    )
    const result = await runAction({
      telemetry: 'examples/*.csv',
      region: 'SE',
      'max-increase': '10%'
    })
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('::warning::baseline: the lookup failed')
    expect(result.outputs.verdict).toBe('neutral')
    expect(result.outputs['energy-kwh']).not.toBe('')
    expect(result.summary).toContain('Sustainability Audit')
  }, 60_000)

  it('skips an expired artifact and follows on-missing-baseline', async () => {
    const run = github.state.addWorkflowRun({
      repo: REPO,
      name: 'ci',
      head_sha: 'b'.repeat(40)
    })
    github.state.addArtifact({
      repo: REPO,
      runId: run.id,
      name: 'ecocompute-audit-ci-default-1',
      bytes: buildZip([{ name: 'ecocompute-audit.json', data: '{}' }]),
      expired: true
    })
    const result = await runAction({
      telemetry: 'examples/*.csv',
      region: 'SE',
      'max-increase': '10%'
    })
    expect(result.code).toBe(0)
    expect(result.outputs.verdict).toBe('neutral')
  })
})
