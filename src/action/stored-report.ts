import type { AuditResult } from '../audit/audit-schema.js'
import { parseAuditJson } from '../compare/read-audit-file.js'
import { AUDIT_ENTRY_NAME } from '../github/find-baseline.js'
import {
  DownloadTooLargeError,
  GitHubApiError
} from '../github/github-errors.js'
import type { GitHubRestClient } from '../github/rest-client.js'
import {
  ArchiveError,
  MAX_ENTRY_BYTES,
  extractZipEntry
} from '../github/zip-entry.js'
import { InputError } from '../telemetry/input-error.js'

/**
 * The audit a pull request's own workflow stored as an artifact, read
 * for `mode: publish`. The artifact was made by code from the pull
 * request, so it is untrusted: only `ecocompute-audit.json` is read, the
 * download and the entry are capped at 10 MiB, and the JSON must pass
 * the audit schema before anything renders it.
 */

/** Where to look: the triggering run and the artifact name prefix. */
export interface StoredReportQuery {
  owner: string
  repo: string
  runId: number
  /** `ecocompute-audit-<workflow>-<comment-key>-`. */
  artifactPrefix: string
  /** Largest download and JSON entry. Default 10 MiB. */
  maxBytes?: number
}

/** The validated audit and its artifact, or why there is none. */
export type StoredReport =
  | { result: AuditResult; artifact: string }
  | { result: undefined; why: string; invalid: boolean }

interface ArtifactItem {
  id: number
  name: string
  expired: boolean
}

/** The newest usable audit artifact of the run, validated. */
export async function readStoredReport(
  client: GitHubRestClient,
  query: StoredReportQuery
): Promise<StoredReport> {
  const artifacts = await listAuditArtifacts(client, query)
  const reasons: string[] = []
  for (const artifact of artifacts) {
    if (artifact.expired) {
      reasons.push(`artifact ${artifact.name} has expired`)
      continue
    }
    const read = await readArtifact(client, query, artifact)
    if (read.result !== undefined) return read
    if (read.invalid) return read
    reasons.push(read.why)
  }
  if (artifacts.length === 0)
    reasons.push(`run ${query.runId} has no ${query.artifactPrefix}* artifact`)
  return { result: undefined, why: reasons.join('; '), invalid: false }
}

/** The run's artifacts named prefix + attempt, highest attempt first. */
async function listAuditArtifacts(
  client: GitHubRestClient,
  query: StoredReportQuery
): Promise<ArtifactItem[]> {
  const path = `${repoPath(query)}/actions/runs/${query.runId}/artifacts`
  const list = await client.paginate<unknown>(
    path,
    {},
    data => (data as { artifacts?: unknown }).artifacts
  )
  const found: { artifact: ArtifactItem; attempt: number }[] = []
  for (const item of list.items) {
    const artifact = asArtifact(item)
    if (artifact === undefined) continue
    const rest = artifact.name.startsWith(query.artifactPrefix)
      ? artifact.name.slice(query.artifactPrefix.length)
      : ''
    if (/^\d{1,9}$/.test(rest)) found.push({ artifact, attempt: Number(rest) })
  }
  return found
    .sort((a, b) => b.attempt - a.attempt || b.artifact.id - a.artifact.id)
    .map(entry => entry.artifact)
}

/** The fields read from an artifact list item, when well-formed. */
function asArtifact(item: unknown): ArtifactItem | undefined {
  const a = item as Partial<Record<keyof ArtifactItem, unknown>> | null
  if (
    typeof a?.id !== 'number' ||
    typeof a.name !== 'string' ||
    typeof a.expired !== 'boolean'
  )
    return undefined
  return { id: a.id, name: a.name, expired: a.expired }
}

/** One artifact downloaded, unzipped, parsed and validated. */
async function readArtifact(
  client: GitHubRestClient,
  query: StoredReportQuery,
  artifact: ArtifactItem
): Promise<StoredReport> {
  const maxBytes = query.maxBytes ?? MAX_ENTRY_BYTES
  const label = `artifact ${artifact.name}`
  const miss = (why: string, invalid = false): StoredReport => ({
    result: undefined,
    why: `${label} ${why}`,
    invalid
  })
  let zip: Uint8Array
  try {
    zip = await client.download(
      `${repoPath(query)}/actions/artifacts/${artifact.id}/zip`,
      { maxBytes }
    )
  } catch (error) {
    if (error instanceof GitHubApiError && error.status === 410)
      return miss('has expired')
    if (error instanceof DownloadTooLargeError)
      return miss(`is larger than ${maxBytes} bytes`, true)
    throw error
  }
  try {
    const text = extractZipEntry(zip, {
      name: AUDIT_ENTRY_NAME,
      maxBytes
    }).toString('utf8')
    return { result: parseAuditJson(text, label), artifact: artifact.name }
  } catch (error) {
    if (error instanceof ArchiveError)
      return miss(`is unreadable: ${error.message}`, true)
    if (error instanceof InputError)
      return { result: undefined, why: error.message, invalid: true }
    throw error
  }
}

/** `/repos/{owner}/{repo}`, percent-encoded. */
function repoPath(query: StoredReportQuery): string {
  return `/repos/${encodeURIComponent(query.owner)}/${encodeURIComponent(query.repo)}`
}
