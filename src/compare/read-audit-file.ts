import { readFile, stat } from 'node:fs/promises'
import { formatZodIssues } from '../action/format-zod-issues.js'
import { AuditResult } from '../audit/audit-schema.js'
import { stripControl } from '../report/escape-text.js'
import { InputError } from '../telemetry/input-error.js'

/**
 * Reading an `ecocompute.audit/v1` file for a comparison. The file may
 * come from another run or a fork, so it is size-capped and validated
 * before anything uses it; every problem names the file.
 */

/** Largest audit file read: 10 MiB, far above any real result. */
export const MAX_AUDIT_BYTES = 10 * 1024 * 1024

/** Schema problems listed before the rest are only counted. */
const MAX_LISTED_PROBLEMS = 20

/** Reads and validates an audit file; throws InputError naming it. */
export async function readAuditFile(path: string): Promise<AuditResult> {
  const result = await readOptionalAuditFile(path)
  if (result === undefined)
    throw new InputError('the file is empty or does not exist', path)
  return result
}

/**
 * Like readAuditFile, but a file that does not exist or is empty is no
 * baseline (undefined) rather than an error, as when a base run failed.
 */
export async function readOptionalAuditFile(
  path: string
): Promise<AuditResult | undefined> {
  const size = await fileSize(path)
  if (size === undefined || size === 0) return undefined
  if (size > MAX_AUDIT_BYTES) {
    throw new InputError(
      `the file is ${size} bytes, more than the ${MAX_AUDIT_BYTES} an audit result may have`,
      path
    )
  }
  return parseAudit(await readText(path), path)
}

/** The size of a plain file, undefined when there is none at the path. */
async function fileSize(path: string): Promise<number | undefined> {
  try {
    const info = await stat(path)
    if (!info.isFile()) throw new InputError('not a plain file', path)
    return info.size
  } catch (error) {
    if (error instanceof InputError) throw error
    if (isNodeError(error) && error.code === 'ENOENT') return undefined
    throw new InputError(`cannot read the file: ${messageOf(error)}`, path)
  }
}

/** The file's text, or an InputError naming it. */
async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    throw new InputError(`cannot read the file: ${messageOf(error)}`, path)
  }
}

/** JSON parsed and checked against the audit schema. */
function parseAudit(text: string, path: string): AuditResult {
  return parseAuditJson(text, path)
}

/**
 * An audit result from JSON text, or from an already parsed value (an
 * artifact's contents), checked against the audit schema; throws
 * InputError naming `label` as readAuditFile does.
 */
export function parseAuditJson(input: unknown, label: string): AuditResult {
  let json: unknown = input
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input)
    } catch (error) {
      throw new InputError(
        `not valid JSON: ${stripControl(messageOf(error))}`,
        label
      )
    }
  }
  const path = label
  const parsed = AuditResult.safeParse(json)
  if (parsed.success) return parsed.data
  const lines = formatZodIssues(parsed.error).split('\n')
  const listed = lines.slice(0, MAX_LISTED_PROBLEMS).map(stripControl)
  if (lines.length > listed.length)
    listed.push(`… ${lines.length - listed.length} more problems`)
  throw new InputError(
    `not an ecocompute.audit/v1 result:\n  ${listed.join('\n  ')}`,
    path
  )
}

/**
 * True for an error from Node with a `code` such as ENOENT; duck-typed,
 * since an error from another realm (a test's VM) is no `instanceof Error`.
 */
function isNodeError(error: unknown): error is NodeJS.ErrnoException {
  return typeof error === 'object' && error !== null && 'code' in error
}

/** The message of anything thrown, from any realm. */
function messageOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error)
    return String(error.message)
  return String(error)
}
