/**
 * Artifact names shared by the uploader and the baseline lookup (DESIGN
 * §6): `ecocompute-audit-<workflow>-<comment-key>-<attempt>`. Each part
 * is reduced to characters every artifact service accepts, so a workflow
 * called "GPU audit / nightly" still yields a valid, stable name.
 */

/** Lower-case letters, digits, `.`, `_` and `-`; anything else becomes `-`. */
export function sanitiseArtifactPart(text: string): string {
  const cleaned = text
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
  return cleaned === '' ? 'default' : cleaned
}

/** The prefix of every attempt's audit artifact: ends in `-`. */
export function auditArtifactPrefix(
  workflow: string,
  commentKey: string
): string {
  return `ecocompute-audit-${sanitiseArtifactPart(workflow)}-${sanitiseArtifactPart(commentKey)}-`
}

/** The audit artifact's full name for one run attempt. */
export function auditArtifactName(
  workflow: string,
  commentKey: string,
  attempt: number
): string {
  return `${auditArtifactPrefix(workflow, commentKey)}${attempt}`
}

/**
 * The collector's telemetry artifact for one job, matrix leg and run
 * attempt: `ecocompute-telemetry-<workflow>-<job>[-<matrix-key>]-<attempt>`,
 * which the audit's `ecocompute-telemetry-*` pattern finds.
 */
export function telemetryArtifactName(
  workflow: string,
  job: string,
  matrixKey: string | undefined,
  attempt: number
): string {
  const leg =
    matrixKey === undefined || matrixKey === ''
      ? ''
      : `-${sanitiseArtifactPart(matrixKey)}`
  return `ecocompute-telemetry-${sanitiseArtifactPart(workflow)}-${sanitiseArtifactPart(job)}${leg}-${attempt}`
}
