import type { IssueRef } from './issue-comments.js'
import type { StickyCommentOptions, StickyMode } from './sticky-types.js'
import { type ReportStamp, keyMarker, stampMarker } from './sticky-marker.js'
import { truncateMarkdown } from './truncate-markdown.js'

/** Everything an upsert needs, checked and with the bodies prepared. */
export interface StickyPlan {
  ref: IssueRef
  key: string
  stamp: ReportStamp
  botLogin: string
  mode: StickyMode
  /** Markers and report, within the limits. */
  body: string
  truncated: boolean
  /** The same at half the limits, for one retry after a 422. */
  shortBody: string
}

/** Defaults the caller fills in. */
export interface StickyDefaults {
  botLogin: string
  maxChars: number
  maxBytes: number
}

/** Note ending a truncated comment. */
export const DEFAULT_TRUNCATION_NOTE =
  '*Report truncated to fit a pull-request comment. The full report is ' +
  "in this run's job summary.*"

/**
 * Checks the options and builds the bodies: the two marker lines first
 * (kept by any cut), then the report, truncated safely to the limits.
 * Throws RangeError for a malformed stamp or an empty key.
 */
export function planStickyBody(
  options: StickyCommentOptions,
  defaults: StickyDefaults
): StickyPlan {
  if (options.key.trim() === '') {
    throw new RangeError('sticky comment: the key is empty')
  }
  const stamp: ReportStamp = {
    headSha: options.headSha,
    runId: options.runId,
    runAttempt: options.runAttempt ?? 1
  }
  const whole =
    `${keyMarker(options.key)}\n${stampMarker(stamp)}\n` + options.body
  const note = options.truncationNote ?? DEFAULT_TRUNCATION_NOTE
  const limits = {
    maxChars: options.maxChars ?? defaults.maxChars,
    maxBytes: options.maxBytes ?? defaults.maxBytes
  }
  const fitted = truncateMarkdown(whole, limits, note)
  const half = {
    maxChars: Math.floor(limits.maxChars / 2),
    maxBytes: Math.floor(limits.maxBytes / 2)
  }
  return {
    ref: {
      owner: options.owner,
      repo: options.repo,
      issueNumber: options.issueNumber
    },
    key: options.key,
    stamp,
    botLogin: options.botLogin ?? defaults.botLogin,
    mode: options.mode,
    body: fitted.text,
    truncated: fitted.truncated,
    shortBody: truncateMarkdown(whole, half, note).text
  }
}
