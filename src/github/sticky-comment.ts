import {
  MAX_COMMENT_BYTES,
  MAX_COMMENT_CHARS
} from '../report/markdown-budget.js'
import { type GitHubApiError, isForbidden } from './github-errors.js'
import { deleteIssueComment } from './issue-comments.js'
import type { GitHubRestClient } from './rest-client.js'
import {
  ACTIONS_BOT_LOGIN,
  type StickyCommentOptions,
  type StickyResult
} from './sticky-types.js'
import { type StickyPlan, planStickyBody } from './sticky-plan.js'
import {
  type OwnComment,
  listOwnComments,
  removeDuplicates
} from './sticky-repair.js'
import {
  type VerifyOutcome,
  type WrittenComment,
  describeStamp,
  verifyComment,
  writeComment
} from './sticky-steps.js'
import { compareStamps } from './sticky-marker.js'

export {
  ACTIONS_BOT_LOGIN,
  STICKY_MODES,
  type StickyCommentOptions,
  type StickyMode,
  type StickyResult
} from './sticky-types.js'

/**
 * Creates or updates the one comment of `key` on an issue or pull request.
 * Never throws for a refused write (403: fork or read-only token) or a
 * failed verification; those come back as `forbidden` and `unverified`.
 */
export async function upsertStickyComment(
  client: GitHubRestClient,
  options: StickyCommentOptions
): Promise<StickyResult> {
  if (options.mode === 'off') {
    return {
      ...emptyResult(),
      status: 'skipped',
      reason: 'comment mode is off'
    }
  }
  const plan = planStickyBody(options, {
    botLogin: options.botLogin ?? ACTIONS_BOT_LOGIN,
    maxChars: MAX_COMMENT_CHARS,
    maxBytes: MAX_COMMENT_BYTES
  })
  try {
    return await upsert(client, plan)
  } catch (error) {
    if (!isForbidden(error)) throw error
    const reason = forbiddenReason(error)
    return { ...emptyResult(), status: 'forbidden', reason }
  }
}

/** Fields every result starts from. */
function emptyResult(): Omit<StickyResult, 'status'> {
  return { truncated: false, warnings: [], deletedIds: [] }
}

/** Find, guard, write, verify, then repair duplicates. */
async function upsert(
  client: GitHubRestClient,
  plan: StickyPlan
): Promise<StickyResult> {
  const warnings: string[] = []
  const own = await listOwnComments(client, plan, warnings)
  const newest = own[0]
  if (newest && compareStamps(newest.stamp, plan.stamp) > 0) {
    const reason = `comment ${newest.id} holds a newer report (${describeStamp(newest.stamp)})`
    const commentId = newest.id
    return { ...emptyResult(), warnings, status: 'skipped', commentId, reason }
  }
  const deletedIds =
    plan.mode === 'recreate' ? await deleteAll(client, plan, own) : []
  const target = plan.mode === 'update' ? newest?.id : undefined
  const written = await writeComment(client, plan, target, warnings)
  const check = await verifyComment(client, plan, written, warnings)
  const repair = await removeDuplicates(client, plan, written, check, warnings)
  deletedIds.push(...repair.deletedIds)
  const outcome = judge(plan, written, check, repair.survivor)
  return { truncated: written.truncated, warnings, deletedIds, ...outcome }
}

/** Deletes every listed comment; the ids that were still there. */
async function deleteAll(
  client: GitHubRestClient,
  plan: StickyPlan,
  comments: readonly OwnComment[]
): Promise<number[]> {
  const deleted: number[] = []
  for (const comment of comments) {
    if (await deleteIssueComment(client, plan.ref, comment.id)) {
      deleted.push(comment.id)
    }
  }
  return deleted
}

/** The status after writing: ours, superseded, or not verifiable. */
function judge(
  plan: StickyPlan,
  written: WrittenComment,
  check: VerifyOutcome,
  survivor: OwnComment | undefined
): Pick<StickyResult, 'status' | 'commentId' | 'url' | 'reason'> {
  const order = survivor ? compareStamps(survivor.stamp, plan.stamp) : -1
  if (survivor && order > 0) {
    const reason = `${describeStamp(survivor.stamp)} wrote a newer report meanwhile`
    return { status: 'skipped', commentId: survivor.id, reason }
  }
  if (check === 'failed') {
    const reason = `comment ${written.id}: the marker was still missing after rewriting it; a later run may post a second comment`
    return { status: 'unverified', commentId: written.id, reason }
  }
  if (!survivor || order < 0) {
    const reason = `comment ${written.id} disappeared after writing and no report comment remains`
    return { status: 'unverified', commentId: written.id, reason }
  }
  const url = survivor.id === written.id ? written.url : survivor.url
  return { status: written.status, commentId: survivor.id, url }
}

/** The reason a 403 gives, naming the call that was refused. */
function forbiddenReason(error: GitHubApiError): string {
  return (
    `GitHub refused ${error.method} ${error.endpoint} (403): the token may ` +
    'not write pull-request comments (a fork pull request, or a workflow ' +
    'without `pull-requests: write`); the report is in the job summary'
  )
}
