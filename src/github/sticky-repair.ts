import {
  type IssueComment,
  deleteIssueComment,
  listIssueComments
} from './issue-comments.js'
import type { GitHubRestClient } from './rest-client.js'
import {
  type ReportStamp,
  compareStamps,
  hasKeyMarker,
  readStamp
} from './sticky-marker.js'
import type { StickyPlan } from './sticky-plan.js'
import type { VerifyOutcome, WrittenComment } from './sticky-steps.js'

/** One of our marked comments and the run that wrote it. */
export interface OwnComment {
  id: number
  stamp?: ReportStamp
  url?: string
}

/** The survivor after repair, and the duplicates deleted. */
export interface RepairOutcome {
  survivor?: OwnComment
  deletedIds: number[]
}

/**
 * The token's comments carrying the key's marker, across all pages,
 * newest report first (then highest id). Others' comments never count,
 * even when they quote our marker.
 */
export async function listOwnComments(
  client: GitHubRestClient,
  plan: StickyPlan,
  warnings: string[]
): Promise<OwnComment[]> {
  const list = await listIssueComments(client, plan.ref)
  if (!list.complete) {
    warnings.push(
      `read only the first ${list.items.length} comments; an older ` +
        'report further down may be left in place'
    )
  }
  return list.items
    .filter(comment => isOwnMarked(comment, plan))
    .map(comment => ({
      id: comment.id,
      stamp: readStamp(comment.body),
      url: comment.html_url
    }))
    .sort(newestFirst)
}

/**
 * Lists again after writing and deletes every own marked comment but the
 * newest. Every concurrent run picks the same survivor from the same
 * list, so parallel upserts converge on one comment.
 */
export async function removeDuplicates(
  client: GitHubRestClient,
  plan: StickyPlan,
  written: WrittenComment,
  check: VerifyOutcome,
  warnings: string[]
): Promise<RepairOutcome> {
  const own = await listOwnComments(client, plan, [])
  if (check === 'ok' && !own.some(comment => comment.id === written.id)) {
    // The list may lag behind the write just verified.
    own.push({ id: written.id, stamp: plan.stamp, url: written.url })
    own.sort(newestFirst)
  }
  const [survivor, ...duplicates] = own
  const deletedIds: number[] = []
  for (const duplicate of duplicates) {
    if (await deleteIssueComment(client, plan.ref, duplicate.id)) {
      deletedIds.push(duplicate.id)
    }
  }
  if (deletedIds.length > 0) {
    warnings.push(
      `removed ${deletedIds.length} duplicate report comment(s): ` +
        deletedIds.join(', ')
    )
  }
  return { survivor, deletedIds }
}

/** True for a comment by the token's login that carries the key marker. */
function isOwnMarked(comment: IssueComment, plan: StickyPlan): boolean {
  const login = comment.user?.login ?? ''
  if (login.toLowerCase() !== plan.botLogin.toLowerCase()) return false
  return hasKeyMarker(comment.body, plan.key)
}

/** Sort order: newer stamp first, then higher id. */
function newestFirst(a: OwnComment, b: OwnComment): number {
  return compareStamps(b.stamp, a.stamp) || b.id - a.id
}
