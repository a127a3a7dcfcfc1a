import * as core from '@actions/core'
import type { AuditResult } from '../audit/audit-schema.js'
import {
  parseAuditJson,
  readOptionalAuditFile
} from '../compare/read-audit-file.js'
import { GitHubApiError } from '../github/github-errors.js'
import { InputError } from '../telemetry/input-error.js'

/** A baseline audit and where it came from, or why there is none. */
export interface Baseline {
  result: AuditResult | undefined
  source: string
}

/** Finds the base branch's audit JSON (unvalidated), or says why not. */
export type BaselineLookup = () => Promise<{
  result: unknown
  source: string
}>

/**
 * The baseline named by the `baseline` input: `none`, a file path, or
 * `auto`. Either source is untrusted (it may come from another run): it
 * is size-capped and schema-checked before use. `auto` needs `lookup`
 * (a pull request with a token); without one there is no baseline.
 */
export async function loadBaseline(
  input: string,
  lookup?: BaselineLookup
): Promise<Baseline> {
  if (input === 'none')
    return { result: undefined, source: 'none (baseline: none)' }
  if (input === 'auto') return loadAutomatic(lookup)
  const result = await readOptionalAuditFile(input)
  if (result === undefined) {
    core.warning(
      `baseline: ${input} is missing or empty, so nothing is compared (verdict by on-missing-baseline)`
    )
    return { result, source: `none (${input} is missing or empty)` }
  }
  return { result, source: `file ${input}` }
}

/**
 * The base run's audit artifact. A missing, expired or invalid artifact
 * is no baseline (a warning; the verdict follows on-missing-baseline),
 * like a base build that failed (B66).
 */
async function loadAutomatic(
  lookup: BaselineLookup | undefined
): Promise<Baseline> {
  if (lookup === undefined) {
    core.info(
      'baseline: auto looks up artifacts only on a pull request with a github-token; pass baseline: PATH to compare'
    )
    return {
      result: undefined,
      source: 'none found (automatic lookup needs a pull request and a token)'
    }
  }
  const found = await lookupOrWarn(lookup)
  if (found.result === undefined) {
    core.info(`baseline: none found: ${found.source}`)
    return { result: undefined, source: `none found (${found.source})` }
  }
  try {
    const result = parseAuditJson(found.result, `baseline ${found.source}`)
    core.info(`baseline: ${found.source}`)
    return { result, source: found.source }
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    core.warning(`${error.message}; nothing is compared`)
    return {
      result: undefined,
      source: `none (the audit artifact of ${found.source} is invalid)`
    }
  }
}

/**
 * Runs the lookup; a GitHub API failure that outlived the retries (a 5xx,
 * a network error) costs the comparison, never the audit: a warning, and
 * no baseline.
 */
async function lookupOrWarn(
  lookup: BaselineLookup
): Promise<{ result: unknown; source: string }> {
  try {
    return await lookup()
  } catch (error) {
    if (!(error instanceof GitHubApiError)) throw error
    core.warning(
      `baseline: the lookup failed (${error.message}); nothing is compared, and the verdict follows on-missing-baseline`
    )
    return { result: undefined, source: `the lookup failed: ${error.message}` }
  }
}
