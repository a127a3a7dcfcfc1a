import * as core from '@actions/core'
import { dirname } from 'node:path'
import { auditArtifactName } from '../github/artifact-name.js'
import { uploadArtifact } from '../github/upload-artifact.js'
import type { ActionContext } from './action-context.js'
import type { ActionConfig } from './action-inputs.js'

/**
 * Uploads the audit JSON as this run's audit artifact, which later pull
 * requests find as their baseline and `mode: publish` re-renders. A
 * failed upload is a warning: the report is already in the summary.
 */
export async function uploadAuditReport(
  reportPath: string,
  config: ActionConfig,
  context: ActionContext
): Promise<void> {
  const name = auditArtifactName(
    context.workflow,
    config.commentKey,
    context.runAttempt
  )
  const outcome = await uploadArtifact({
    name,
    files: [reportPath],
    rootDirectory: dirname(reportPath),
    retentionDays: config.retentionDays
  })
  if (outcome.uploaded) {
    core.info(`Uploaded the audit as artifact ${name} (id ${outcome.id})`)
    return
  }
  core.warning(
    `The audit was not uploaded as artifact ${name}: ${outcome.reason}. Later pull requests cannot find this run as their baseline: upload report-path under this name with an upload step your server supports, or give later runs baseline: PATH`
  )
}
