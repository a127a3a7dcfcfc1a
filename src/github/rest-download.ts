import { DownloadTooLargeError, GitHubApiError } from './github-errors.js'
import type { ResolvedRestConfig } from './rest-config.js'
import { networkDetail } from './rest-attempt.js'
import { adviseRetry } from './retry-policy.js'

/** Limits of one download. */
export interface DownloadLimits {
  /** Largest body accepted, in bytes. */
  maxBytes: number
}

/**
 * Downloads the bytes a signed link points at. The link is resolved anew
 * on every attempt (signed links expire within minutes) and fetched
 * without the token: it is addressed to blob storage, not to GitHub.
 * 5xx and network failures are retried like API calls.
 */
export async function downloadBytes(
  config: ResolvedRestConfig,
  resolveLink: () => Promise<URL>,
  limits: DownloadLimits
): Promise<Uint8Array> {
  let waitedMs = 0
  for (let attempt = 1; ; attempt++) {
    const link = await resolveLink()
    const endpoint = `${link.origin}${link.pathname}`
    let response: Response | undefined
    let error: unknown
    try {
      response = await config.fetch(link, {
        redirect: 'follow',
        signal: AbortSignal.timeout(config.timeoutMs)
      })
      if (response.ok) return await readCapped(response, limits.maxBytes)
    } catch (thrown) {
      if (thrown instanceof DownloadTooLargeError) throw thrown
      error = thrown
    }
    const status = response?.status
    const advice = adviseRetry(
      { status, headers: response?.headers },
      attempt,
      config.now(),
      config.baseDelayMs
    )
    await response?.body?.cancel()
    const retry =
      advice !== undefined &&
      attempt < config.maxAttempts &&
      waitedMs + advice.waitMs <= config.maxTotalWaitMs
    if (!retry) {
      const detail = status
        ? 'download failed'
        : networkDetail(error, [config.token])
      throw new GitHubApiError(status ?? 0, 'GET', endpoint, detail)
    }
    await config.sleep(advice.waitMs)
    waitedMs += advice.waitMs
  }
}

/** The whole body, or DownloadTooLargeError once it passes `maxBytes`. */
async function readCapped(
  response: Response,
  maxBytes: number
): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel()
    throw new DownloadTooLargeError(maxBytes)
  }
  const chunks: Uint8Array[] = []
  let total = 0
  const reader = response.body?.getReader()
  for (;;) {
    const chunk = await reader?.read()
    if (!chunk || chunk.done) break
    const bytes = chunk.value as Uint8Array
    total += bytes.length
    if (total > maxBytes) {
      await reader?.cancel()
      throw new DownloadTooLargeError(maxBytes)
    }
    chunks.push(bytes)
  }
  return Buffer.concat(chunks)
}
