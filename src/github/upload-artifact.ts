import { DefaultArtifactClient } from '@actions/artifact'

/** What to upload: files under one root, kept for retentionDays. */
export interface UploadRequest {
  name: string
  files: string[]
  rootDirectory: string
  /** Days to keep it; the repository's own setting caps it. */
  retentionDays?: number
}

/** The artifact's id and zipped size, or why it was not uploaded. */
export type UploadOutcome =
  | { uploaded: true; id: number; size: number }
  | { uploaded: false; reason: string }

/**
 * Uploads files as a workflow-run artifact through the runner's artifact
 * (results) service. An upload is never worth failing a step for: a
 * missing service (a local run, GitHub Enterprise Server), a refused
 * name or a network failure comes back as a reason for the caller to
 * warn with.
 */
export async function uploadArtifact(
  request: UploadRequest
): Promise<UploadOutcome> {
  try {
    const client = new DefaultArtifactClient()
    const response = await client.uploadArtifact(
      request.name,
      request.files,
      request.rootDirectory,
      retentionOption(request.retentionDays)
    )
    if (response.id === undefined)
      return { uploaded: false, reason: 'the artifact service gave no id' }
    return { uploaded: true, id: response.id, size: response.size ?? 0 }
  } catch (error) {
    return { uploaded: false, reason: describeArtifactError(error) }
  }
}

/** The library's options: retention only when one was asked for. */
function retentionOption(retentionDays: number | undefined): {
  retentionDays?: number
} {
  return retentionDays === undefined ? {} : { retentionDays }
}

/** A one-line reason, with the library's wording made actionable. */
export function describeArtifactError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  if (/ACTIONS_RUNTIME_TOKEN|ACTIONS_RESULTS_URL/.test(message))
    return 'no artifact service (ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL are set only inside a GitHub Actions job)'
  if (error instanceof Error && error.name === 'GHESNotSupportedError')
    return 'the artifact service of this GitHub Enterprise Server is not supported by @actions/artifact v2+'
  return message.split('\n')[0]?.slice(0, 300) ?? 'unknown error'
}
