/**
 * The hidden lines that identify a sticky comment. The first names the
 * comment's key; the second records which commit and run wrote it, so an
 * older run never overwrites a newer report:
 *
 *     <!-- ecocompute-audit:key=gpu-train -->
 *     <!-- ecocompute-audit:head=0123abcd run=9876 attempt=1 -->
 */

/** Who wrote a report: the commit audited and the workflow run. */
export interface ReportStamp {
  headSha: string
  runId: number
  runAttempt: number
}

/** Prefix shared by both marker lines. */
const PREFIX = 'ecocompute-audit'

/** Reads the stamp line; a SHA is 7–64 hex digits. */
const STAMP_LINE = new RegExp(
  `<!-- ${PREFIX}:head=([0-9a-f]{7,64}) run=(\\d{1,20}) attempt=(\\d{1,6}) -->`,
  'i'
)

/**
 * The key marker. The key is percent-encoded, so no key can close the
 * HTML comment early or be a prefix of another key's marker.
 */
export function keyMarker(key: string): string {
  return `<!-- ${PREFIX}:key=${encodeURIComponent(key)} -->`
}

/** The stamp marker; throws RangeError for a stamp that is not well formed. */
export function stampMarker(stamp: ReportStamp): string {
  const line =
    `<!-- ${PREFIX}:head=${stamp.headSha} run=${stamp.runId} ` +
    `attempt=${stamp.runAttempt} -->`
  if (!STAMP_LINE.test(line) || stamp.runId < 1 || stamp.runAttempt < 1) {
    throw new RangeError(
      `sticky comment: head SHA "${stamp.headSha}", run ${stamp.runId}, ` +
        `attempt ${stamp.runAttempt}: need hex SHA and positive integers`
    )
  }
  return line
}

/** True when a comment body carries the key's marker. */
export function hasKeyMarker(
  body: string | null | undefined,
  key: string
): boolean {
  return (body ?? '').includes(keyMarker(key))
}

/** The stamp a body records, or undefined when the line is missing. */
export function readStamp(
  body: string | null | undefined
): ReportStamp | undefined {
  const match = STAMP_LINE.exec(body ?? '')
  if (!match) return undefined
  return {
    headSha: match[1] ?? '',
    runId: Number(match[2]),
    runAttempt: Number(match[3])
  }
}

/**
 * Orders stamps: positive when `a` is newer. Run ids grow over time in a
 * repository; a rerun keeps its id and raises the attempt. A missing
 * stamp is older than any.
 */
export function compareStamps(
  a: ReportStamp | undefined,
  b: ReportStamp | undefined
): number {
  const runDelta = (a?.runId ?? 0) - (b?.runId ?? 0)
  if (runDelta !== 0) return Math.sign(runDelta)
  return Math.sign((a?.runAttempt ?? 0) - (b?.runAttempt ?? 0))
}
