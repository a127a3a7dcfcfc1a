import { GitHubApiError } from './github-errors.js'
import {
  createIssueComment,
  getIssueComment,
  updateIssueComment
} from './issue-comments.js'
import type { GitHubRestClient } from './rest-client.js'
import {
  type ReportStamp,
  compareStamps,
  hasKeyMarker,
  readStamp
} from './sticky-marker.js'
import type { StickyPlan } from './sticky-plan.js'

/** A comment this upsert wrote, and the body GitHub accepted. */
export interface WrittenComment {
  id: number
  url?: string
  status: 'created' | 'updated'
  body: string
  truncated: boolean
}

/** The re-read: ours, overwritten by a newer run, deleted, or broken. */
export type VerifyOutcome = 'ok' | 'superseded' | 'gone' | 'failed'

/** A stamp in words, for reasons and warnings. */
export function describeStamp(stamp: ReportStamp | undefined): string {
  if (!stamp) return 'no run recorded'
  return `run ${stamp.runId} attempt ${stamp.runAttempt}`
}

/**
 * PATCHes `targetId`, or POSTs when there is none or it was deleted
 * meanwhile (404). A 422 is retried once with the half-size body: GitHub
 * answers 422 for a body it finds too long (B56).
 */
export async function writeComment(
  client: GitHubRestClient,
  plan: StickyPlan,
  targetId: number | undefined,
  warnings: string[]
): Promise<WrittenComment> {
  try {
    return await writeOnce(client, plan, targetId, plan.body, plan.truncated)
  } catch (error) {
    if (!(error instanceof GitHubApiError) || error.status !== 422) {
      throw error
    }
    warnings.push(
      'GitHub refused the comment body (422); posted a shorter report'
    )
    return await writeOnce(client, plan, targetId, plan.shortBody, true)
  }
}

/** One write of one body. */
async function writeOnce(
  client: GitHubRestClient,
  plan: StickyPlan,
  targetId: number | undefined,
  body: string,
  truncated: boolean
): Promise<WrittenComment> {
  if (targetId !== undefined) {
    try {
      const comment = await updateIssueComment(client, plan.ref, targetId, body)
      const url = comment.html_url
      return { id: comment.id, url, status: 'updated', body, truncated }
    } catch (error) {
      if (!(error instanceof GitHubApiError) || error.status !== 404) {
        throw error
      }
    }
  }
  const comment = await createIssueComment(client, plan.ref, body)
  const url = comment.html_url
  return { id: comment.id, url, status: 'created', body, truncated }
}

/**
 * Re-reads the comment and checks both markers (B59: a write can land
 * without them). A missing or older marker is rewritten once.
 */
export async function verifyComment(
  client: GitHubRestClient,
  plan: StickyPlan,
  written: WrittenComment,
  warnings: string[]
): Promise<VerifyOutcome> {
  for (let pass = 1; ; pass++) {
    const read = await getIssueComment(client, plan.ref, written.id)
    if (!read) return 'gone'
    const stamp = readStamp(read.body)
    if (hasKeyMarker(read.body, plan.key) && stamp) {
      const order = compareStamps(stamp, plan.stamp)
      if (order === 0) return 'ok'
      if (order > 0) return 'superseded'
    }
    if (pass === 2) return 'failed'
    warnings.push(
      `comment ${written.id}: the marker was missing after writing; ` +
        'wrote the report again'
    )
    await updateIssueComment(client, plan.ref, written.id, written.body)
  }
}
