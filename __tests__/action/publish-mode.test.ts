import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import {
  ADVISORY_NOTE,
  type PublishRequest,
  publishStoredAudit
} from '../../src/action/publish-mode.js'
import { readActionInputs } from '../../src/action/action-inputs.js'
import { AUDIT_ENTRY_NAME } from '../../src/github/find-baseline.js'
import { buildAuditResult } from '../report/audit-fixture.js'
import { callsTo, clientFor, sha } from '../github/github-test-kit.js'
import {
  type MockGitHub,
  startMockGitHub
} from '../github/mock-github-server.js'
import { buildZip } from '../github/zip-writer.js'

const REPO = 'acme/gpu'
const FORK = 'contrib/gpu'
const WORKFLOW = 'GPU audit'
const PREFIX = 'ecocompute-audit-gpu-audit-default-'
const HEAD_SHA = sha('f0f1')
const NOW = Date.parse('2026-03-02T12:00:00Z')

/** A zip holding `json` as the audit entry. */
function zipOf(json: unknown): Buffer {
  return buildZip([
    { name: AUDIT_ENTRY_NAME, data: JSON.stringify(json), method: 'deflate' }
  ])
}

describe('publishStoredAudit (mode: publish)', () => {
  let mock: MockGitHub
  beforeEach(async () => {
    mock = await startMockGitHub({ nowMs: NOW })
  })
  afterEach(() => mock.close())

  /** The fork's pull_request run of the audit workflow in the base repo. */
  function addForkRun(): number {
    return mock.state.addWorkflowRun({
      repo: REPO,
      name: WORKFLOW,
      event: 'pull_request',
      head_branch: 'main',
      head_sha: HEAD_SHA,
      head_repository: { full_name: FORK }
    }).id
  }

  /** The fork's open pull request, head contrib:main at HEAD_SHA. */
  function addForkPull(number = 42, headSha = HEAD_SHA): void {
    mock.state.addPull({
      number,
      repo: REPO,
      head: { ref: 'main', sha: headSha, repo: FORK },
      base: { ref: 'main', sha: sha('b0b1'), repo: REPO }
    })
  }

  /** The workflow_run payload GitHub sends for a fork's run. */
  function request(runId: number, extra: object = {}): PublishRequest {
    return {
      owner: 'acme',
      repo: 'gpu',
      serverUrl: 'https://github.example',
      commentKey: 'default',
      comment: 'update',
      checkRun: true,
      payload: {
        action: 'completed',
        workflow_run: {
          id: runId,
          name: WORKFLOW,
          event: 'pull_request',
          conclusion: 'success',
          head_sha: HEAD_SHA,
          head_branch: 'main',
          head_repository: { full_name: FORK },
          pull_requests: [],
          ...extra
        }
      }
    }
  }

  it('finds a fork pull request by its head label and posts one advisory comment', async () => {
    const runId = addForkRun()
    addForkPull(7, sha('0ld'))
    mock.state.pulls[0]!.state = 'closed'
    addForkPull(42)
    mock.state.addArtifact({
      repo: REPO,
      runId,
      name: `${PREFIX}1`,
      bytes: zipOf(buildAuditResult())
    })
    const { client } = clientFor(mock)
    const outcome = await publishStoredAudit(client, request(runId))
    expect(outcome.status).toBe('posted')
    expect(outcome.pullRequest).toBe(42)
    expect(outcome.warnings).toEqual([])
    const list = callsTo(mock, 'GET', 'pulls.list')
    expect(list).toHaveLength(1)
    expect(list[0]?.query).toMatchObject({
      state: 'open',
      head: 'contrib:main'
    })
    const comments = mock.state.commentsOf(REPO, 42)
    expect(comments).toHaveLength(1)
    expect(comments[0]?.body).toContain(
      "advisory: computed in the pull request's own workflow"
    )
    expect(comments[0]?.body).toContain(ADVISORY_NOTE)
    expect(comments[0]?.body.indexOf('advisory')).toBeLessThan(
      comments[0]?.body.indexOf('## Sustainability Audit') ?? -1
    )
    expect(mock.state.checkRuns).toHaveLength(1)
    expect(mock.state.checkRuns[0]).toMatchObject({
      head_sha: HEAD_SHA,
      conclusion: 'neutral'
    })
  })

  it('uses the pull request the payload lists, and finds by commit as a last resort', async () => {
    const runId = addForkRun()
    addForkPull(42)
    mock.state.addArtifact({
      repo: REPO,
      runId,
      name: `${PREFIX}1`,
      bytes: zipOf(buildAuditResult())
    })
    const { client } = clientFor(mock)
    const listed = await publishStoredAudit(
      client,
      request(runId, { pull_requests: [{ number: 42 }] })
    )
    expect(listed.status).toBe('posted')
    expect(callsTo(mock, 'GET', 'pulls.list')).toHaveLength(0)
    // A deleted branch name: the head filter misses, the commit finds it.
    const byCommit = await publishStoredAudit(
      client,
      request(runId, { head_branch: 'renamed' })
    )
    expect(byCommit.pullRequest).toBe(42)
    expect(callsTo(mock, 'GET', 'pulls.forCommit')).toHaveLength(1)
    expect(mock.state.commentsOf(REPO, 42)).toHaveLength(1)
  })

  it('warns and posts nothing when no pull request matches the head SHA', async () => {
    const runId = addForkRun()
    addForkPull(42, sha('0ther'))
    mock.state.addArtifact({
      repo: REPO,
      runId,
      name: `${PREFIX}1`,
      bytes: zipOf(buildAuditResult())
    })
    const { client } = clientFor(mock)
    const outcome = await publishStoredAudit(client, request(runId))
    expect(outcome.status).toBe('no-pull-request')
    expect(outcome.warnings.join('\n')).toMatch(/no pull request found/)
    expect(callsTo(mock, 'GET', 'artifacts.listForRun')).toHaveLength(0)
    expect(mock.state.comments).toHaveLength(0)
    expect(mock.state.checkRuns).toHaveLength(0)
  })

  it('warns and posts nothing when the only artifact has expired', async () => {
    const runId = addForkRun()
    addForkPull(42)
    mock.state.addArtifact({
      repo: REPO,
      runId,
      name: `${PREFIX}1`,
      bytes: zipOf(buildAuditResult()),
      expired: true
    })
    const { client } = clientFor(mock)
    const outcome = await publishStoredAudit(client, request(runId))
    expect(outcome.status).toBe('no-artifact')
    expect(outcome.warnings.join('\n')).toMatch(/has expired/)
    expect(callsTo(mock, 'GET', 'artifacts.download')).toHaveLength(0)
    expect(mock.state.comments).toHaveLength(0)
  })

  it('warns and posts nothing when the run has no audit artifact', async () => {
    const runId = addForkRun()
    addForkPull(42)
    mock.state.addArtifact({
      repo: REPO,
      runId,
      name: 'ecocompute-audit-other-workflow-default-1',
      bytes: zipOf(buildAuditResult())
    })
    const { client } = clientFor(mock)
    const outcome = await publishStoredAudit(client, request(runId))
    expect(outcome.status).toBe('no-artifact')
    expect(mock.state.comments).toHaveLength(0)
  })

  it('refuses a hostile artifact whose audit JSON fails the schema', async () => {
    const runId = addForkRun()
    addForkPull(42)
    const hostile = {
      ...buildAuditResult(),
      schema: 'ecocompute.audit/v1',
      carbon: { kg: '<img src=x onerror=alert(1)>' }
    }
    mock.state.addArtifact({
      repo: REPO,
      runId,
      name: `${PREFIX}1`,
      bytes: zipOf(hostile)
    })
    const { client } = clientFor(mock)
    const outcome = await publishStoredAudit(client, request(runId))
    expect(outcome.status).toBe('invalid-artifact')
    expect(outcome.warnings.join('\n')).toMatch(/not an ecocompute\.audit\/v1/)
    expect(mock.state.comments).toHaveLength(0)
    expect(mock.state.checkRuns).toHaveLength(0)
  })

  it('warns without calling the API when the payload is not a workflow_run event', async () => {
    const { client } = clientFor(mock)
    const outcome = await publishStoredAudit(client, {
      ...request(1),
      payload: { pull_request: { number: 1 } }
    })
    expect(outcome.status).toBe('no-event')
    expect(mock.requests).toHaveLength(0)
  })
})

describe('mode input', () => {
  const saved = { ...process.env }
  afterEach(() => {
    for (const name of Object.keys(process.env))
      if (name.startsWith('INPUT_')) delete process.env[name]
    Object.assign(process.env, saved)
  })

  it('defaults to audit, which needs telemetry; publish does not', () => {
    expect(() => readActionInputs()).toThrow(
      /telemetry: required in audit mode/
    )
    process.env.INPUT_MODE = 'publish'
    expect(readActionInputs().mode).toBe('publish')
    process.env.INPUT_MODE = 'post'
    expect(() => readActionInputs()).toThrow(
      /mode must be one of audit, publish/
    )
    process.env.INPUT_MODE = ''
    process.env.INPUT_TELEMETRY = 'gpu.csv'
    expect(readActionInputs().mode).toBe('audit')
  })
})
