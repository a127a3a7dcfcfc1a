import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { callsTo, clientFor } from './github-test-kit.js'
import { type MockGitHub, startMockGitHub } from './mock-github-server.js'
import {
  REPO_NAME,
  PR,
  reportBodies,
  seedChatter,
  seedReport,
  upsertAs
} from './sticky-test-kit.js'

describe('upsertStickyComment', () => {
  let mock: MockGitHub
  beforeEach(async () => {
    mock = await startMockGitHub()
  })
  afterEach(() => mock.close())

  it('creates the comment with both markers when there is none', async () => {
    const { client } = clientFor(mock)
    const result = await upsertAs(client, 100)
    expect(result).toMatchObject({
      status: 'created',
      truncated: false,
      warnings: []
    })
    expect(reportBodies(mock)).toEqual([
      '<!-- ecocompute-audit:key=train -->\n' +
        `<!-- ecocompute-audit:head=${'abc'.padEnd(40, '0')} run=100 attempt=1 -->\n` +
        '## Sustainability Audit\n\nrun 100'
    ])
    expect(result.url).toContain(`#issuecomment-${result.commentId}`)
  })

  it.each([
    [33, 35],
    [35, 40]
  ])(
    'finds the report at position %i of %i and PATCHes it (B57)',
    async (position, total) => {
      seedChatter(mock, position - 1)
      const id = seedReport(mock, 90)
      seedChatter(mock, total - position)
      const { client } = clientFor(mock)
      const result = await upsertAs(client, 100)
      expect(result).toMatchObject({ status: 'updated', commentId: id })
      expect(callsTo(mock, 'POST', 'comments.create')).toHaveLength(0)
      expect(callsTo(mock, 'PATCH', 'comments.update')).toHaveLength(1)
      expect(reportBodies(mock)).toHaveLength(1)
      expect(mock.state.commentsOf(REPO_NAME, PR.issueNumber)).toHaveLength(
        total
      )
    }
  )

  it('walks every page of a busy pull request (report at 235 of 240)', async () => {
    seedChatter(mock, 234)
    const id = seedReport(mock, 90)
    seedChatter(mock, 5)
    const { client } = clientFor(mock)
    expect(await upsertAs(client, 100)).toMatchObject({
      status: 'updated',
      commentId: id
    })
    expect(callsTo(mock, 'GET', 'comments.list').length).toBeGreaterThanOrEqual(
      3
    )
    expect(callsTo(mock, 'POST', 'comments.create')).toHaveLength(0)
  })

  it('never overwrites a newer run’s report', async () => {
    const id = seedReport(mock, 200, 'newer')
    const { client } = clientFor(mock)
    const result = await upsertAs(client, 150)
    expect(result).toMatchObject({ status: 'skipped', commentId: id })
    expect(result.reason).toMatch(/newer report \(run 200 attempt 1\)/)
    expect(reportBodies(mock)[0]).toContain('newer')
    expect(callsTo(mock, 'PATCH', 'comments.update')).toHaveLength(0)
  })

  it('lets a rerun attempt of the same run replace attempt 1', async () => {
    seedReport(mock, 100)
    const { client } = clientFor(mock)
    const result = await upsertAs(client, 100, { runAttempt: 2 })
    expect(result.status).toBe('updated')
    expect(reportBodies(mock)[0]).toContain('run=100 attempt=2')
  })

  it('ignores the marker in comments by other users and other keys', async () => {
    mock.state.addComment({
      repo: REPO_NAME,
      issueNumber: PR.issueNumber,
      body: '> <!-- ecocompute-audit:key=train -->\n> quoted by a human'
    })
    seedReport(mock, 90, 'other key', 'train-2')
    const { client } = clientFor(mock)
    expect((await upsertAs(client, 100)).status).toBe('created')
    expect(reportBodies(mock, 'train-2')).toEqual([
      expect.stringContaining('other key')
    ])
  })

  it('recreate deletes every own report and posts one at the bottom', async () => {
    const first = seedReport(mock, 90)
    seedChatter(mock, 3)
    const second = seedReport(mock, 95)
    const { client } = clientFor(mock)
    const result = await upsertAs(client, 100, { mode: 'recreate' })
    expect(result).toMatchObject({
      status: 'created',
      deletedIds: [second, first]
    })
    const comments = mock.state.commentsOf(REPO_NAME, PR.issueNumber)
    expect(comments.at(-1)?.body).toContain('run=100')
    expect(reportBodies(mock)).toHaveLength(1)
  })

  it('refuses a malformed stamp or an empty key before any call', async () => {
    const { client } = clientFor(mock)
    await expect(upsertAs(client, 100, { headSha: 'main' })).rejects.toThrow(
      RangeError
    )
    await expect(upsertAs(client, 0)).rejects.toThrow(/positive integers/)
    await expect(upsertAs(client, 100, { key: ' ' })).rejects.toThrow(
      /key is empty/
    )
    expect(mock.requests).toHaveLength(0)
  })

  it('does nothing in mode off', async () => {
    const { client } = clientFor(mock)
    const result = await upsertAs(client, 100, { mode: 'off' })
    expect(result).toMatchObject({
      status: 'skipped',
      reason: 'comment mode is off'
    })
    expect(mock.requests).toHaveLength(0)
  })

  it('repairs duplicates, keeping the newest report', async () => {
    const older = seedReport(mock, 80)
    const newer = seedReport(mock, 90)
    const { client } = clientFor(mock)
    const result = await upsertAs(client, 100)
    expect(result).toMatchObject({
      status: 'updated',
      commentId: newer,
      deletedIds: [older]
    })
    expect(result.warnings).toEqual([
      `removed 1 duplicate report comment(s): ${older}`
    ])
    expect(reportBodies(mock)).toHaveLength(1)
  })

  it('works against GitHub Enterprise Server under /api/v3', async () => {
    const ghes = await startMockGitHub({ prefix: '/api/v3' })
    try {
      const { client } = clientFor(ghes)
      expect((await upsertAs(client, 100)).status).toBe('created')
      expect((await upsertAs(client, 101)).status).toBe('updated')
      expect(reportBodies(ghes)).toHaveLength(1)
      expect(ghes.requests.every(r => r.path.startsWith('/api/v3/'))).toBe(true)
    } finally {
      await ghes.close()
    }
  })
})
