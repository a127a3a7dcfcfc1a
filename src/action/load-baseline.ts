import * as core from '@actions/core'
import type { AuditResult } from '../audit/audit-schema.js'
import { readOptionalAuditFile } from '../compare/read-audit-file.js'

/** A baseline audit and where it came from, or why there is none. */
export interface Baseline {
  result: AuditResult | undefined
  source: string
}

/**
 * The baseline named by the `baseline` input: `none`, a file path, or
 * `auto`. The file is untrusted (it may come from another run): it is
 * size-capped and schema-checked before use.
 */
export async function loadBaseline(input: string): Promise<Baseline> {
  if (input === 'none')
    return { result: undefined, source: 'none (baseline: none)' }
  if (input === 'auto') {
    // TODO(#3): look up the base SHA's run and its audit artifact.
    core.info(
      'baseline: auto looks for no artifacts yet; pass baseline: PATH to compare'
    )
    return {
      result: undefined,
      source:
        'none found (automatic lookup from artifacts is not available yet)'
    }
  }
  const result = await readOptionalAuditFile(input)
  if (result === undefined) {
    core.warning(
      `baseline: ${input} is missing or empty, so nothing is compared (verdict by on-missing-baseline)`
    )
    return { result, source: `none (${input} is missing or empty)` }
  }
  return { result, source: `file ${input}` }
}
