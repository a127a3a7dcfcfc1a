import type { IssueRef } from './issue-comments.js'

/** How the sticky comment is written; `off` writes nothing. */
export const STICKY_MODES = ['update', 'recreate', 'off'] as const
/** One of STICKY_MODES. */
export type StickyMode = (typeof STICKY_MODES)[number]

/** The login `GITHUB_TOKEN` comments as; it cannot call `GET /user`. */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]'

/** What to post where, and who this run is. */
export interface StickyCommentOptions extends IssueRef {
  /** Separates reports on one pull request (workflow, job, matrix leg). */
  key: string
  /** Markdown report; the markers are added in front of it. */
  body: string
  /** Commit the report is about. */
  headSha: string
  /** `GITHUB_RUN_ID`; a comment from a higher run is never overwritten. */
  runId: number
  /** `GITHUB_RUN_ATTEMPT`. Default 1. */
  runAttempt?: number
  mode: StickyMode
  /** Login the token comments as. Default `github-actions[bot]`. */
  botLogin?: string
  /** Largest body in characters, markers included. Default 60,000. */
  maxChars?: number
  /** Largest body in UTF-8 bytes. Default 200,000. */
  maxBytes?: number
  /** Last line of a truncated body. Default points to the job summary. */
  truncationNote?: string
}

/** What happened. Only unexpected API failures throw. */
export interface StickyResult {
  status: 'created' | 'updated' | 'skipped' | 'forbidden' | 'unverified'
  /** The comment that now holds the report (ours or a newer run's). */
  commentId?: number
  url?: string
  /** True when the body was cut to fit. */
  truncated: boolean
  /** Why it was skipped, refused or not verified. */
  reason?: string
  /** Degraded-but-done notes for `core.warning`. */
  warnings: string[]
  /** Own comments deleted (recreate mode, duplicate repair). */
  deletedIds: number[]
}
