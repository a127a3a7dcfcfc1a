import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { AUDIT_ENTRY_NAME } from '../../src/github/find-baseline.js'
import { extractZipEntry } from '../../src/github/zip-entry.js'
import {
  MOCK_BOT,
  MOCK_TOKEN,
  type MockGitHub,
  startMockGitHub
} from '../github/mock-github-server.js'
import {
  type MockResultsService,
  startMockResultsService
} from '../github/mock-results-service.js'
import { buildZip } from '../github/zip-writer.js'
import { J_PER_KWH, jsonlText } from '../helpers/temp-telemetry.js'
import {
  type ActionRun,
  BASE_SHA,
  HEAD_SHA,
  REPO,
  runAction
} from './action-runner.js'

/**
 * The bundled action with the runner's artifact service (a local double
 * of it) beside the GitHub API double: it uploads its audit, reads the
 * telemetry artifacts of matrix legs, and survives concurrency, a 422
 * and a re-run.
 */
let github: MockGitHub
let results: MockResultsService
let dir: string

beforeEach(async () => {
  github = await startMockGitHub()
  results = await startMockResultsService()
  dir = mkdtempSync(join(tmpdir(), 'eco-e2e-art-'))
})
afterEach(async () => {
  await github.close()
  await results.close()
})

/** Runs the action with the artifact service available. */
function runWithArtifacts(
  inputs: Record<string, string>,
  env: Record<string, string> = {},
  event?: { name: string; payload: object }
): Promise<ActionRun> {
  return runAction(inputs, {
    dir,
    workspace: dir,
    apiUrl: github.apiUrl,
    env: { ...results.env, ...env },
    ...(event ? { event } : {})
  })
}

const botComments = () =>
  github.state.commentsOf(REPO, 7).filter(c => c.user.login === MOCK_BOT)

const T0 = Date.UTC(2026, 3, 1, 8)

/** The bundled examples, by absolute path: the step runs in its own workspace. */
const EXAMPLES = `${process.cwd()}/examples/*.csv`

/** A telemetry artifact: one board at `powerW` for `seconds` from t0. */
function legArtifact(
  uuid: string,
  host: string,
  t0: number,
  seconds: number,
  powerW: number
): Buffer {
  const device = { key: '0', kind: 'gpu', uuid, name: 'NVIDIA H100 80GB HBM3' }
  const records = Array.from({ length: seconds + 1 }, (_, s) => ({
    t: t0 + s * 1000,
    d: '0',
    p_w: powerW
  }))
  const text = jsonlText([device], records, { host })
  return buildZip([{ name: 'telemetry.jsonl', data: text, method: 'deflate' }])
}

describe('the audit artifact', () => {
  it('uploads the audit JSON under the artifact-name output', async () => {
    const result = await runWithArtifacts({
      telemetry: EXAMPLES,
      region: 'SE',
      'retention-days': '30'
    })

    expect(result.code).toBe(0)
    const name = result.outputs['artifact-name']!
    expect(name).toBe('ecocompute-audit-ci-default-1')
    const stored = results.artifacts.get(name)
    expect(stored).toBeDefined()
    const entry = extractZipEntry(stored!.zip, { name: AUDIT_ENTRY_NAME })
    expect(entry.toString('utf8')).toBe(
      readFileSync(result.outputs['report-path']!, 'utf8')
    )
  })

  it('gives each matrix leg its own comment and artifact', async () => {
    const a100 = await runWithArtifacts({
      telemetry: EXAMPLES,
      'matrix-key': 'a100'
    })
    const h100 = await runWithArtifacts({
      telemetry: EXAMPLES,
      'matrix-key': 'h100'
    })

    expect([a100.code, h100.code]).toEqual([0, 0])
    expect([...results.artifacts.keys()].sort()).toEqual([
      'ecocompute-audit-ci-default-a100-1',
      'ecocompute-audit-ci-default-h100-1'
    ])
    expect(botComments()).toHaveLength(2)
  })

  it('warns and carries on where the artifact service is missing (GHES)', async () => {
    const result = await runWithArtifacts(
      { telemetry: EXAMPLES },
      { GITHUB_SERVER_URL: 'https://ghes.example.test' }
    )

    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/::warning::The audit was not uploaded/)
    expect(result.stdout).toContain('Enterprise Server')
    expect(results.artifacts.size).toBe(0)
    expect(result.summary).toContain('Sustainability Audit')
  })
})

describe('telemetry: artifact:PATTERN', () => {
  const BOARD_A = 'GPU-0a0a0a0a-1111-4222-8333-444455556666'
  const BOARD_B = 'GPU-0b0b0b0b-1111-4222-8333-444455556666'

  it('merges matrix legs by job, takes the latest attempt and counts a board reported twice once', async () => {
    // Leg a100: attempt 1 (superseded, 999 W) and attempt 2 (60 s at 300 W).
    results.seed(
      'ecocompute-telemetry-ci-train-a100-1',
      legArtifact(BOARD_A, 'node-1', T0, 60, 999)
    )
    results.seed(
      'ecocompute-telemetry-ci-train-a100-2',
      legArtifact(BOARD_A, 'node-1', T0 + 600_000, 60, 300)
    )
    // Leg h100: 120 s at 500 W on node-2.
    results.seed(
      'ecocompute-telemetry-ci-train-h100-1',
      legArtifact(BOARD_B, 'node-2', T0, 120, 500)
    )
    // 60 s of the same node-2 board inside that window, from a sidecar job.
    results.seed(
      'ecocompute-telemetry-ci-sidecar-1',
      legArtifact(BOARD_B, 'node-2', T0 + 30_000, 60, 500)
    )
    results.seed('unrelated-artifact', Buffer.from('not a zip'))

    const result = await runWithArtifacts({
      telemetry: 'artifact:ecocompute-telemetry-*',
      region: 'SE',
      pue: '1.1'
    })

    expect(result.code).toBe(0)
    const report = JSON.parse(
      readFileSync(result.outputs['report-path']!, 'utf8')
    ) as {
      energy: { gpu_kwh: number }
      devices: { job: string | null; node: string | null }[]
      warnings: { code: string }[]
    }
    // 60 s × 300 W + 120 s × 500 W = 18,000 + 60,000 J.
    expect(report.energy.gpu_kwh * J_PER_KWH).toBeCloseTo(78_000, 6)
    expect(report.devices.map(d => [d.job, d.node]).sort()).toEqual([
      ['train-a100', 'node-1'],
      ['train-h100', 'node-2']
    ])
    expect(report.warnings.map(w => w.code)).toContain('duplicate-device')
    expect(result.summary).toContain('### By job and node')
    // Files are named by their place in the workspace, not an absolute path.
    expect(result.summary).toContain(
      '| ecocompute-telemetry/ecocompute-telemetry-ci-train-a100-2/telemetry.jsonl |'
    )
    expect(result.summary).not.toContain(dir)
  })

  it('clears what an earlier run left in the download folder', async () => {
    const stale = join(
      dir,
      'ecocompute-telemetry',
      'ecocompute-telemetry-ci-train-a100-1'
    )
    mkdirSync(stale, { recursive: true })
    writeFileSync(
      join(stale, 'old.jsonl'),
      jsonlText(
        [{ key: '0', kind: 'gpu', uuid: BOARD_B }],
        [
          { t: T0, d: '0', p_w: 100 },
          { t: T0 + 1000, d: '0', p_w: 100 }
        ]
      )
    )
    results.seed(
      'ecocompute-telemetry-ci-train-a100-1',
      legArtifact(BOARD_A, 'node-1', T0, 60, 300)
    )

    const result = await runWithArtifacts({
      telemetry: 'artifact:ecocompute-telemetry-*'
    })

    expect(result.code).toBe(0)
    expect(existsSync(join(stale, 'old.jsonl'))).toBe(false)
    expect(Number(result.outputs['energy-kwh'])).toBeGreaterThan(0)
    const report = JSON.parse(
      readFileSync(result.outputs['report-path']!, 'utf8')
    ) as { energy: { gpu_kwh: number } }
    expect(report.energy.gpu_kwh * J_PER_KWH).toBeCloseTo(18_000, 6)
  })

  it('never writes an entry outside its folder (zip slip)', async () => {
    const text = jsonlText([{ key: '0', kind: 'gpu' }], [])
    results.seed(
      'ecocompute-telemetry-ci-evil-1',
      buildZip([
        { name: '../../../escaped.jsonl', data: text },
        { name: 'inside.jsonl', data: text }
      ])
    )

    const result = await runWithArtifacts({
      telemetry: 'artifact:ecocompute-telemetry-*'
    })

    for (const path of [
      'escaped.jsonl',
      '../escaped.jsonl',
      '../../escaped.jsonl'
    ])
      expect(existsSync(join(dir, path))).toBe(false)
    expect(result.stdout).not.toContain('    at ')
  })

  it('fails naming a glob line that matches nothing, even beside one that does', async () => {
    const result = await runWithArtifacts({
      telemetry: `${EXAMPLES}\n/nonexistent/*.csv`
    })

    expect(result.code).toBe(1)
    expect(result.stdout).toContain(
      '::error::telemetry: no file matches "/nonexistent/*.csv"'
    )
  })

  it('fails with the pattern named when no artifact matches', async () => {
    const result = await runWithArtifacts({
      telemetry: 'artifact:ecocompute-telemetry-*'
    })

    expect(result.code).toBe(1)
    expect(result.stdout).toContain(
      '::error::telemetry: no artifact of this run matches "ecocompute-telemetry-*"'
    )
  })
})

describe('concurrency, long bodies and re-runs', () => {
  it('leaves one comment when two runs post at once', async () => {
    const both = await Promise.all([
      runWithArtifacts({ telemetry: EXAMPLES }, { GITHUB_RUN_ID: '2001' }),
      runWithArtifacts({ telemetry: EXAMPLES }, { GITHUB_RUN_ID: '2002' })
    ])

    expect(both.map(r => r.code)).toEqual([0, 0])
    expect(botComments()).toHaveLength(1)
    expect(botComments()[0]!.body).toContain('Sustainability Audit')
  }, 30_000)

  it('retries a comment refused with 422 once, within half the size limits', async () => {
    github.fail(
      'comments.create',
      {
        kind: 'unprocessable',
        message: 'body is too long (maximum is 65536 characters)'
      },
      1
    )

    const result = await runWithArtifacts({ telemetry: EXAMPLES })

    expect(result.code).toBe(0)
    expect(botComments()).toHaveLength(1)
    const posts = github.requests.filter(
      r => r.method === 'POST' && r.path.endsWith('/comments')
    )
    expect(posts).toHaveLength(2)
    const second = (posts[1]!.body as { body: string }).body
    expect(second.length).toBeLessThanOrEqual(30_000)
    expect(Buffer.byteLength(second)).toBeLessThanOrEqual(100_000)
    expect(result.stdout).toContain('GitHub refused the comment body (422)')
  })

  it('updates the same check run on a re-run attempt instead of adding one', async () => {
    await runWithArtifacts({ telemetry: EXAMPLES })
    const rerun = await runWithArtifacts(
      { telemetry: EXAMPLES },
      { GITHUB_RUN_ATTEMPT: '2' }
    )

    expect(rerun.code).toBe(0)
    expect(github.state.checkRuns).toHaveLength(1)
    expect(github.state.checkRuns[0]!.head_sha).toBe(HEAD_SHA)
    const patches = github.requests.filter(
      r => r.method === 'PATCH' && r.path.includes('/check-runs/')
    )
    expect(patches).toHaveLength(1)
    expect(rerun.outputs['artifact-name']).toBe('ecocompute-audit-ci-default-2')
    expect(results.artifacts.has('ecocompute-audit-ci-default-2')).toBe(true)
  })
})

describe('the token identity', () => {
  it('keeps one comment when a personal token posts it, found as its own login', async () => {
    await github.close()
    github = await startMockGitHub({
      tokens: { [MOCK_TOKEN]: MOCK_BOT, 'pat-1f2e3d4c5b6a': 'alice' }
    })
    const asAlice = { 'INPUT_GITHUB-TOKEN': 'pat-1f2e3d4c5b6a' }

    for (const runId of ['3001', '3002', '3003'])
      expect(
        (
          await runWithArtifacts(
            { telemetry: EXAMPLES },
            { ...asAlice, GITHUB_RUN_ID: runId }
          )
        ).code
      ).toBe(0)

    const comments = github.state.commentsOf(REPO, 7)
    expect(comments).toHaveLength(1)
    expect(comments[0]!.user.login).toBe('alice')
  }, 30_000)
})

describe('mode: publish', () => {
  const FORK = 'contributor/trainer'

  /** The fork's pull_request run, holding the audit it uploaded. */
  async function forkRunWithAudit(): Promise<number> {
    const audited = await runWithArtifacts({
      telemetry: EXAMPLES,
      comment: 'off',
      'check-run': 'false'
    })
    const run = github.state.addWorkflowRun({
      repo: REPO,
      name: 'ci',
      event: 'pull_request',
      head_sha: HEAD_SHA,
      head_repository: { full_name: FORK }
    })
    github.state.addArtifact({
      repo: REPO,
      runId: run.id,
      name: 'ecocompute-audit-ci-default-1',
      bytes: buildZip([
        {
          name: AUDIT_ENTRY_NAME,
          data: readFileSync(audited.outputs['report-path']!, 'utf8'),
          method: 'deflate'
        }
      ])
    })
    github.state.addPull({
      number: 7,
      repo: REPO,
      head: { ref: 'main', sha: HEAD_SHA, repo: FORK },
      base: { ref: 'main', sha: BASE_SHA, repo: REPO }
    })
    return run.id
  }

  /** The workflow_run event GitHub sends when the fork's run completes. */
  function workflowRunEvent(runId: number): { name: string; payload: object } {
    return {
      name: 'workflow_run',
      payload: {
        action: 'completed',
        workflow_run: {
          id: runId,
          name: 'ci',
          event: 'pull_request',
          conclusion: 'success',
          head_sha: HEAD_SHA,
          head_branch: 'main',
          head_repository: { full_name: FORK },
          pull_requests: []
        }
      }
    }
  }

  it("posts the fork run's stored report and writes it to the job summary", async () => {
    const runId = await forkRunWithAudit()

    const published = await runWithArtifacts(
      { mode: 'publish' },
      {},
      workflowRunEvent(runId)
    )

    expect(published.code).toBe(0)
    expect(botComments()).toHaveLength(1)
    expect(botComments()[0]!.body).toContain('advisory')
    expect(published.summary).toContain('Sustainability Audit')
    expect(published.summary).toContain('advisory')
  })

  it('says in the job summary why nothing was published', async () => {
    const published = await runWithArtifacts(
      { mode: 'publish' },
      {},
      workflowRunEvent(424242)
    )

    expect(published.code).toBe(0)
    expect(botComments()).toHaveLength(0)
    expect(published.summary).toContain('Nothing was published')
  })
})
