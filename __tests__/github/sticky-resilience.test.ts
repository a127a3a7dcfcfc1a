import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { upsertStickyComment } from '../../src/github/sticky-comment.js'
import { callsTo, clientFor } from './github-test-kit.js'
import { type MockGitHub, startMockGitHub } from './mock-github-server.js'
import {
  REPO_NAME,
  PR,
  reportBodies,
  seedReport,
  stickyOptions,
  upsertAs
} from './sticky-test-kit.js'

describe('upsertStickyComment when GitHub misbehaves', () => {
  let mock: MockGitHub
  beforeEach(async () => {
    mock = await startMockGitHub({ nowMs: 1_700_000_000_000 })
  })
  afterEach(() => mock.close())

  it('returns forbidden on a fork’s read-only token, never throwing (B54)', async () => {
    mock.fail('comments.create', { kind: 'forbidden' })
    const { client, waits } = clientFor(mock)
    const result = await upsertAs(client, 100)
    expect(result.status).toBe('forbidden')
    expect(result.reason).toMatch(
      /POST \/repos\/acme\/gpu\/issues\/42\/comments \(403\)/
    )
    expect(result.reason).toMatch(/job summary/)
    expect(waits).toEqual([])
  })

  it('retries a 422 once with a shorter body, which is accepted', async () => {
    const { client } = clientFor(mock)
    const body = `## Report\n\n${'row of the device table\n'.repeat(3_000)}`
    const result = await upsertAs(client, 100, { body, maxChars: 70_000 })
    const posts = callsTo(mock, 'POST', 'comments.create')
    expect(posts.map(p => p.status)).toEqual([422, 201])
    expect(result).toMatchObject({ status: 'created', truncated: true })
    expect(result.warnings).toContain(
      'GitHub refused the comment body (422); posted a shorter report'
    )
    const [stored] = reportBodies(mock)
    expect(stored?.length).toBeLessThanOrEqual(35_000)
    expect(stored).toMatch(/job summary\.\*$/)
  })

  it('keeps bodies within 60,000 characters on create and update (B56)', async () => {
    const body = `<details><summary>devices</summary>\n\n\`\`\`text\n${'x'.repeat(70_000)}\n\`\`\`\n</details>`
    const { client } = clientFor(mock)
    for (const runId of [100, 101]) {
      const result = await upsertAs(client, runId, { body })
      expect(result.truncated).toBe(true)
    }
    const writes = [
      ...callsTo(mock, 'POST', 'comments.create'),
      ...callsTo(mock, 'PATCH', 'comments.update')
    ]
    expect(writes.map(w => w.status)).toEqual([201, 200])
    const [stored = ''] = reportBodies(mock)
    expect(stored.length).toBeLessThanOrEqual(60_000)
    expect(stored.startsWith('<!-- ecocompute-audit:key=train -->\n')).toBe(
      true
    )
    expect(stored).toMatch(/\n```\n<\/details>\n\n\*Report truncated/)
  })

  it('keeps bodies within 200,000 bytes', async () => {
    const { client } = clientFor(mock)
    await upsertAs(client, 100, { body: '東'.repeat(59_000) })
    const [stored = ''] = reportBodies(mock)
    expect(Buffer.byteLength(stored)).toBeLessThanOrEqual(200_000)
  })

  it('waits out rate limits during an upsert and finishes (B68)', async () => {
    mock.fail('comments.list', {
      kind: 'rate-limit',
      status: 429,
      resetInS: 20
    })
    mock.fail('comments.update', {
      kind: 'secondary-rate-limit',
      retryAfterS: 45
    })
    seedReport(mock, 90)
    const { client, waits } = clientFor(mock)
    expect((await upsertAs(client, 100)).status).toBe('updated')
    expect(waits).toEqual([21_000, 45_000])
  })

  it('detects a write that lost its marker and repairs it (B59)', async () => {
    mock.fail('comments.create', { kind: 'mangle-body' })
    const { client } = clientFor(mock)
    const result = await upsertAs(client, 100)
    expect(result.status).toBe('created')
    expect(result.warnings[0]).toMatch(/marker was missing after writing/)
    expect(reportBodies(mock)).toEqual([expect.stringContaining('run 100')])
    expect(mock.state.commentsOf(REPO_NAME, PR.issueNumber)).toHaveLength(1)
  })

  it('returns unverified, not an error, when the repair does not hold', async () => {
    mock.fail('comments.create', { kind: 'mangle-body' })
    mock.fail('comments.update', { kind: 'mangle-body' })
    const { client } = clientFor(mock)
    const result = await upsertAs(client, 100)
    expect(result.status).toBe('unverified')
    expect(result.reason).toMatch(/marker was still missing after rewriting/)
  })

  it('posts anew when the comment it meant to update was deleted', async () => {
    const id = seedReport(mock, 90)
    mock.fail('comments.update', { kind: 'status', status: 404 })
    const { client } = clientFor(mock)
    const result = await upsertAs(client, 100)
    expect(result).toMatchObject({ status: 'created', deletedIds: [id] })
    expect(reportBodies(mock)).toEqual([expect.stringContaining('run 100')])
  })

  it('converges on one comment when two runs upsert at once', async () => {
    for (const [first, second] of [
      [100, 101],
      [101, 100],
      [100, 100]
    ] as const) {
      mock.state.comments = []
      mock.requests.length = 0
      const a = clientFor(mock).client
      const b = clientFor(mock).client
      const results = await Promise.all([
        upsertStickyComment(a, stickyOptions(first, { body: 'A' })),
        upsertStickyComment(b, stickyOptions(second, { body: 'B' }))
      ])
      expect(callsTo(mock, 'POST', 'comments.create')).toHaveLength(2)
      const bodies = reportBodies(mock)
      expect(bodies).toHaveLength(1)
      const winner = Math.max(first, second)
      expect(bodies[0]).toContain(`run=${winner} `)
      expect(results.map(r => r.status)).not.toContain('unverified')
    }
  })

  it('converges when an older run updates concurrently with a newer one', async () => {
    seedReport(mock, 90)
    const results = await Promise.all([
      upsertAs(clientFor(mock).client, 101, { body: 'newer' }),
      upsertAs(clientFor(mock).client, 100, { body: 'older' })
    ])
    expect(reportBodies(mock)).toEqual([expect.stringContaining('newer')])
    expect(results[0]?.status).toBe('updated')
  })
})
