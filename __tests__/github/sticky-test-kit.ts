import {
  type StickyCommentOptions,
  type StickyResult,
  upsertStickyComment
} from '../../src/github/sticky-comment.js'
import { keyMarker, stampMarker } from '../../src/github/sticky-marker.js'
import type { GitHubRestClient } from '../../src/github/rest-client.js'
import { sha } from './github-test-kit.js'
import { MOCK_BOT, type MockGitHub } from './mock-github-server.js'

/** Repository and pull request every sticky test uses. */
export const PR = { owner: 'acme', repo: 'gpu', issueNumber: 42 }

/** `owner/name` of PR. */
export const REPO_NAME = 'acme/gpu'

/** Options of a plain update by run `runId`. */
export function stickyOptions(
  runId: number,
  overrides: Partial<StickyCommentOptions> = {}
): StickyCommentOptions {
  return {
    ...PR,
    key: 'train',
    body: `## Sustainability Audit\n\nrun ${runId}`,
    headSha: sha('abc'),
    runId,
    mode: 'update',
    ...overrides
  }
}

/** Upserts as run `runId`. */
export function upsertAs(
  client: GitHubRestClient,
  runId: number,
  overrides: Partial<StickyCommentOptions> = {}
): Promise<StickyResult> {
  return upsertStickyComment(client, stickyOptions(runId, overrides))
}

/** Seeds a report comment as the bot would have written it. */
export function seedReport(
  mock: MockGitHub,
  runId: number,
  text = `old report ${runId}`,
  key = 'train'
): number {
  const stamp = stampMarker({ headSha: sha('abc'), runId, runAttempt: 1 })
  return mock.state.addComment({
    repo: REPO_NAME,
    issueNumber: PR.issueNumber,
    body: `${keyMarker(key)}\n${stamp}\n${text}`,
    login: MOCK_BOT
  }).id
}

/** Seeds `count` ordinary comments by a human. */
export function seedChatter(mock: MockGitHub, count: number): void {
  for (let i = 0; i < count; i++) {
    mock.state.addComment({
      repo: REPO_NAME,
      issueNumber: PR.issueNumber,
      body: `comment ${i}`
    })
  }
}

/** Bodies of the PR's comments that carry the key marker. */
export function reportBodies(mock: MockGitHub, key = 'train'): string[] {
  return mock.state
    .commentsOf(REPO_NAME, PR.issueNumber)
    .filter(c => c.body.includes(keyMarker(key)))
    .map(c => c.body)
}
