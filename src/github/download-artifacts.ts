import { DefaultArtifactClient } from '@actions/artifact'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { describeArtifactError } from './upload-artifact.js'

/** One artifact of this run, extracted into its own folder. */
export interface DownloadedArtifact {
  name: string
  folder: string
}

/** Thrown when the run's artifacts cannot be listed or fetched. */
export class ArtifactDownloadError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ArtifactDownloadError'
  }
}

/**
 * Downloads the artifacts of the current workflow run whose names match
 * `pattern` (`*` and `?` wildcards), each into `destination/<name>`.
 * Of names that differ only in their trailing attempt number, only the
 * highest attempt is taken: a re-run job uploads again under a new
 * attempt, and counting both would count that job twice.
 */
export async function downloadRunArtifacts(
  pattern: string,
  destination: string
): Promise<DownloadedArtifact[]> {
  const client = new DefaultArtifactClient()
  const listed = await withReason('list', () =>
    client.listArtifacts({ latest: true })
  )
  const wanted = latestAttempts(
    listed.artifacts.filter(
      a => isSafeFolderName(a.name) && matchesPattern(a.name, pattern)
    )
  )
  const downloaded: DownloadedArtifact[] = []
  for (const artifact of wanted) {
    const folder = join(destination, artifact.name)
    // A self-hosted runner keeps its workspace: clear what an earlier
    // run left under the same name, or its files would be audited too.
    await rm(folder, { recursive: true, force: true })
    await withReason(`download ${artifact.name}`, () =>
      client.downloadArtifact(artifact.id, { path: folder })
    )
    downloaded.push({ name: artifact.name, folder })
  }
  return downloaded
}

/** Runs a library call, turning its failure into one clear error. */
async function withReason<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (error) {
    throw new ArtifactDownloadError(
      `cannot ${what} this run's artifacts: ${describeArtifactError(error)}`
    )
  }
}

/**
 * Whether a name can be a folder under the destination: artifact names
 * are chosen by whoever uploaded them (a pull request's own code, in a
 * fork's run), and `..` would point the download, and the clean-up
 * before it, outside.
 */
export function isSafeFolderName(name: string): boolean {
  return /^[\w.-]{1,200}$/.test(name) && !/^\.+$/.test(name)
}

/** Whether an artifact name matches a pattern with `*` and `?`. */
export function matchesPattern(name: string, pattern: string): boolean {
  const source = [...pattern]
    .map(char =>
      char === '*'
        ? '.*'
        : char === '?'
          ? '.'
          : char.replace(/[\\^$.|+()[\]{}]/g, '\\$&')
    )
    .join('')
  return new RegExp(`^${source}$`).test(name)
}

/** Per name without its `-<attempt>` ending, the highest attempt, sorted by name. */
export function latestAttempts<T extends { name: string }>(
  artifacts: readonly T[]
): T[] {
  const best = new Map<string, { artifact: T; attempt: number }>()
  for (const artifact of artifacts) {
    const match = /^(.*)-(\d{1,9})$/.exec(artifact.name)
    const stem = match?.[1] ?? artifact.name
    const attempt = match ? Number(match[2]) : 0
    const current = best.get(stem)
    if (current === undefined || attempt > current.attempt)
      best.set(stem, { artifact, attempt })
  }
  return [...best.values()]
    .map(entry => entry.artifact)
    .sort((a, b) => a.name.localeCompare(b.name))
}
