import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import {
  AUDIT_ENTRY_NAME,
  NO_ARTIFACT_SERVICE,
  type BaselineQuery,
  findBaselineArtifact
} from '../../src/github/find-baseline.js'
import { GitHubApiError } from '../../src/github/github-errors.js'
import { buildAuditResult } from '../report/audit-fixture.js'
import { callsTo, clientFor, sha } from './github-test-kit.js'
import { type MockGitHub, startMockGitHub } from './mock-github-server.js'
import { buildZip } from './zip-writer.js'

const REPO = 'acme/gpu'
const PREFIX = 'ecocompute-audit-ci-default-'
const NOW = Date.parse('2026-03-02T12:00:00Z')
const HOUR = 3_600_000
const BASE_SHA = sha('b0b1')

/** An artifact zip holding this audit JSON. */
function auditZip(marker: string): Buffer {
  const audit = { ...buildAuditResult(), marker }
  return buildZip([
    { name: AUDIT_ENTRY_NAME, data: JSON.stringify(audit), method: 'deflate' }
  ])
}

/** The query of a pull request onto main at BASE_SHA. */
function query(extra: Partial<BaselineQuery> = {}): BaselineQuery {
  return {
    owner: 'acme',
    repo: 'gpu',
    workflowName: 'GPU audit',
    baseSha: BASE_SHA,
    baseRef: 'main',
    artifactPrefix: PREFIX,
    now: () => NOW,
    ...extra
  }
}

/** The marker of a found result, to tell which artifact was read. */
function markerOf(result: unknown): unknown {
  return (result as { marker?: unknown } | undefined)?.marker
}

describe('findBaselineArtifact', () => {
  let mock: MockGitHub
  beforeEach(async () => {
    mock = await startMockGitHub({ prefix: '/api/v3', nowMs: NOW })
  })
  afterEach(() => mock.close())

  /** A run of the audit workflow in REPO, `hoursAgo` old. */
  function addRun(
    hoursAgo: number,
    seed: Parameters<MockGitHub['state']['addWorkflowRun']>[0] | object = {}
  ): ReturnType<MockGitHub['state']['addWorkflowRun']> {
    return mock.state.addWorkflowRun({
      repo: REPO,
      created_at: new Date(NOW - hoursAgo * HOUR).toISOString(),
      ...seed
    })
  }

  /** An artifact of a run. */
  function addArtifact(
    runId: number,
    name: string,
    bytes: Uint8Array,
    expired = false
  ): ReturnType<MockGitHub['state']['addArtifact']> {
    return mock.state.addArtifact({ repo: REPO, runId, name, bytes, expired })
  }

  it("uses the base SHA's run and its highest attempt, without sending the token to the blob", async () => {
    const run = addRun(2, { head_sha: BASE_SHA, event: 'push' })
    addArtifact(run.id, `${PREFIX}1`, auditZip('attempt 1'))
    addArtifact(run.id, `${PREFIX}3`, auditZip('attempt 3'))
    addArtifact(run.id, `${PREFIX}2`, auditZip('attempt 2'))
    addArtifact(run.id, 'ecocompute-audit-ci-other-9', auditZip('other key'))
    addArtifact(run.id, `${PREFIX}9x`, auditZip('not an attempt'))
    const { client } = clientFor(mock)
    const found = await findBaselineArtifact(client, query())
    expect(markerOf(found.result)).toBe('attempt 3')
    expect(found.source).toBe(
      `run ${run.id} (push on main, sha b0b1000, 2 h old)`
    )
    const blobs = callsTo(mock, 'GET', 'blob.download')
    expect(blobs).toHaveLength(1)
    expect(blobs[0]?.authPresent).toBe(false)
    const list = callsTo(mock, 'GET', 'runs.list')[0]
    expect(list?.query).toMatchObject({
      head_sha: BASE_SHA,
      status: 'completed'
    })
  })

  it('falls back to the latest finished push run on the base branch of the base repository (B64)', async () => {
    const upstream = addRun(5, { head_sha: sha('c0c0') })
    addArtifact(upstream.id, `${PREFIX}1`, auditZip('upstream'))
    const older = addRun(30, { head_sha: sha('d0d0') })
    addArtifact(older.id, `${PREFIX}1`, auditZip('older'))
    // Newer, but not usable: a fork's run of its own `main`, a failed
    // run without an audit artifact, a pull request run and another
    // workflow.
    const fork = addRun(1, {
      head_sha: sha('f0f0'),
      head_repository: { full_name: 'someone/fork' }
    })
    addArtifact(fork.id, `${PREFIX}1`, auditZip('fork'))
    addRun(1, { head_sha: sha('e0e0'), conclusion: 'failure' })
    addRun(1, { head_sha: sha('e1e1'), event: 'pull_request' })
    const other = addRun(1, { head_sha: sha('e2e2'), name: 'Lint' })
    addArtifact(other.id, `${PREFIX}1`, auditZip('lint'))
    const { client } = clientFor(mock)
    const found = await findBaselineArtifact(client, query())
    expect(markerOf(found.result)).toBe('upstream')
    expect(found.source).toBe(
      `run ${upstream.id} (push on main, sha c0c0000, 5 h old)`
    )
    const branchList = callsTo(mock, 'GET', 'runs.list')[1]
    expect(branchList?.query).toMatchObject({
      event: 'push',
      branch: 'main',
      status: 'completed'
    })
  })

  it('takes a push run that failed its carbon budget as the base, and says it failed', async () => {
    const passed = addRun(30, { head_sha: sha('a1a1') })
    addArtifact(passed.id, `${PREFIX}1`, auditZip('under budget'))
    const overBudget = addRun(2, {
      head_sha: sha('b2b2'),
      conclusion: 'failure'
    })
    addArtifact(overBudget.id, `${PREFIX}1`, auditZip('over budget'))
    addRun(1, { head_sha: sha('c3c3'), conclusion: 'cancelled' })
    const { client } = clientFor(mock)
    const found = await findBaselineArtifact(client, query())
    expect(markerOf(found.result)).toBe('over budget')
    expect(found.source).toBe(
      `run ${overBudget.id} (push on main, sha b2b2000, 2 h old, the run failed)`
    )
  })

  it('lists the runs of the workflow file when it is known', async () => {
    const run = addRun(49, { head_sha: BASE_SHA, name: 'Renamed' })
    addArtifact(run.id, `${PREFIX}1`, auditZip('by file'))
    const { client } = clientFor(mock)
    const found = await findBaselineArtifact(
      client,
      query({ workflowFile: 'audit.yml' })
    )
    expect(markerOf(found.result)).toBe('by file')
    expect(found.source).toContain('2 d old')
    expect(callsTo(mock, 'GET', 'runs.listForWorkflow')).not.toHaveLength(0)
  })

  it('skips an artifact flagged expired without downloading it (B62)', async () => {
    const run = addRun(2, { head_sha: BASE_SHA })
    const expired = addArtifact(run.id, `${PREFIX}2`, auditZip('two'), true)
    addArtifact(run.id, `${PREFIX}1`, auditZip('one'))
    const { client } = clientFor(mock)
    const found = await findBaselineArtifact(client, query())
    expect(markerOf(found.result)).toBe('one')
    const downloads = callsTo(mock, 'GET', 'artifacts.download')
    expect(downloads.map(r => r.path)).not.toContain(
      `/api/v3/repos/${REPO}/actions/artifacts/${expired.id}/zip`
    )
  })

  it('treats a 410 on download as expired and tries the next (B62)', async () => {
    const run = addRun(2, { head_sha: BASE_SHA })
    addArtifact(run.id, `${PREFIX}2`, auditZip('two'))
    addArtifact(run.id, `${PREFIX}1`, auditZip('one'))
    mock.fail('artifacts.download', {
      kind: 'status',
      status: 410,
      message: 'Artifact has expired, see https://docs.example/any-new-text'
    })
    const { client, waits } = clientFor(mock)
    const found = await findBaselineArtifact(client, query())
    expect(markerOf(found.result)).toBe('one')
    expect(waits).toEqual([])
  })

  it('says why when every artifact has expired and no other run exists', async () => {
    const run = addRun(2, { head_sha: BASE_SHA })
    addArtifact(run.id, `${PREFIX}1`, auditZip('one'), true)
    const { client } = clientFor(mock)
    const found = await findBaselineArtifact(client, query())
    expect(found.result).toBeUndefined()
    expect(found.source).toContain(
      `artifact ${PREFIX}1 of run ${run.id} has expired`
    )
  })

  it('says why when nothing is found at all', async () => {
    const { client } = clientFor(mock)
    const found = await findBaselineArtifact(client, query())
    expect(found).toEqual({
      result: undefined,
      source:
        'no completed run for base sha b0b1000; no finished push run on main in acme/gpu'
    })
  })

  it('reports a run without the artifact, and a corrupt archive, then moves on', async () => {
    const bare = addRun(1, { head_sha: BASE_SHA })
    const broken = addRun(3, { head_sha: sha('c1c1') })
    addArtifact(broken.id, `${PREFIX}1`, Buffer.from('not a zip'))
    const good = addRun(4, { head_sha: sha('c2c2') })
    addArtifact(good.id, `${PREFIX}1`, auditZip('good'))
    const { client } = clientFor(mock)
    const found = await findBaselineArtifact(client, query())
    expect(markerOf(found.result)).toBe('good')
    expect(found.source).toContain(`run ${good.id} `)
    const none = await findBaselineArtifact(
      client,
      query({ artifactPrefix: 'ecocompute-audit-ci-nothing-' })
    )
    expect(none.result).toBeUndefined()
    expect(none.source).toContain(
      `run ${bare.id} has no ecocompute-audit-ci-nothing-* artifact`
    )
  })

  it('refuses an artifact with invalid JSON or a zip-slip entry as a miss', async () => {
    const run = addRun(2, { head_sha: BASE_SHA })
    addArtifact(
      run.id,
      `${PREFIX}2`,
      buildZip([{ name: '../ecocompute-audit.json', data: '{}' }])
    )
    addArtifact(
      run.id,
      `${PREFIX}1`,
      buildZip([{ name: AUDIT_ENTRY_NAME, data: '{not json' }])
    )
    const { client } = clientFor(mock)
    const found = await findBaselineArtifact(client, query())
    expect(found.result).toBeUndefined()
    expect(found.source).toContain('unsafe entry name')
    expect(found.source).toContain('holds no valid JSON')
  })

  it('refuses a download over the cap as a miss', async () => {
    const run = addRun(2, { head_sha: BASE_SHA })
    addArtifact(run.id, `${PREFIX}1`, auditZip('big'))
    const { client } = clientFor(mock)
    const found = await findBaselineArtifact(client, query({ maxBytes: 100 }))
    expect(found.result).toBeUndefined()
    expect(found.source).toContain('is larger than 100 bytes')
  })

  it.each([
    [{ kind: 'forbidden' } as const],
    [{ kind: 'status', status: 404 } as const]
  ])(
    'answers "artifact service not available" for %j from the artifact API (GHES)',
    async fault => {
      const run = addRun(2, { head_sha: BASE_SHA })
      addArtifact(run.id, `${PREFIX}1`, auditZip('one'))
      mock.fail('artifacts.listForRun', fault, 5)
      const { client } = clientFor(mock)
      const found = await findBaselineArtifact(client, query())
      expect(found).toEqual({ result: undefined, source: NO_ARTIFACT_SERVICE })
    }
  )

  it('answers with a reason when the runs API is refused', async () => {
    mock.fail('runs.list', { kind: 'forbidden' })
    const { client } = clientFor(mock)
    const found = await findBaselineArtifact(client, query())
    expect(found.result).toBeUndefined()
    expect(found.source).toContain('pass baseline: PATH')
  })

  it('throws GitHubApiError for an unexpected failure', async () => {
    addRun(2, { head_sha: BASE_SHA })
    mock.fail('artifacts.listForRun', { kind: 'server-error' }, 50)
    const { client } = clientFor(mock)
    const error = await findBaselineArtifact(client, query()).catch(
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(GitHubApiError)
    expect(error).toMatchObject({ status: 500 })
  })
})
