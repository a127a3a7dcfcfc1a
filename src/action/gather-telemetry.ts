import * as core from '@actions/core'
import * as glob from '@actions/glob'
import { isAbsolute, join, relative } from 'node:path'
import type { JobFolder } from '../audit/device-records.js'
import { sanitiseArtifactPart } from '../github/artifact-name.js'
import { downloadRunArtifacts } from '../github/download-artifacts.js'
import type { ActionContext } from './action-context.js'

/** A `telemetry` line naming artifacts of this run rather than files. */
const ARTIFACT_PREFIX = 'artifact:'

/** What to audit: paths, and which job each artifact folder came from. */
export interface GatheredTelemetry {
  paths: string[]
  jobFolders: JobFolder[]
}

/**
 * Resolves the `telemetry` lines: file globs in the workspace, and
 * `artifact:PATTERN` for telemetry artifacts that other jobs of this
 * run uploaded, each downloaded into its own folder and labelled with
 * its job. A line that matches nothing is an error naming it.
 */
export async function gatherTelemetry(
  patterns: readonly string[],
  context: ActionContext
): Promise<GatheredTelemetry> {
  const globs = patterns.filter(p => !p.startsWith(ARTIFACT_PREFIX))
  const artifactPatterns = patterns
    .filter(p => p.startsWith(ARTIFACT_PREFIX))
    .map(p => p.slice(ARTIFACT_PREFIX.length).trim())
  const gathered: GatheredTelemetry = { paths: [], jobFolders: [] }
  if (globs.length > 0) gathered.paths.push(...(await matchFiles(globs)))
  for (const pattern of artifactPatterns) {
    const found = await downloadArtifacts(pattern, context)
    gathered.paths.push(...found.map(f => f.folder))
    gathered.jobFolders.push(...found)
  }
  if (gathered.paths.length === 0)
    throw new Error(
      'telemetry: only ! exclusions were given; name files or artifact:PATTERN to audit'
    )
  return shortPaths(gathered)
}

/**
 * Paths inside the working directory made relative to it, so that the
 * report names `ecocompute-telemetry/<artifact>/gpu.csv`, not a runner's
 * absolute path.
 */
function shortPaths(gathered: GatheredTelemetry): GatheredTelemetry {
  const cwd = process.cwd()
  const short = (path: string): string => {
    const inside = relative(cwd, path)
    return inside === '' || inside.startsWith('..') || isAbsolute(inside)
      ? path
      : inside
  }
  return {
    paths: gathered.paths.map(short),
    jobFolders: gathered.jobFolders.map(f => ({
      ...f,
      folder: short(f.folder)
    }))
  }
}

/**
 * Files matching the globs (`!pattern` lines exclude), each line globbed
 * once: a line that matches no file is an error naming it, since a
 * mistyped path must not quietly leave a job's telemetry out.
 */
async function matchFiles(patterns: readonly string[]): Promise<string[]> {
  const exclusions = patterns.filter(p => p.startsWith('!'))
  const files = new Set<string>()
  for (const pattern of patterns.filter(p => !p.startsWith('!'))) {
    const globber = await glob.create([pattern, ...exclusions].join('\n'), {
      matchDirectories: false
    })
    const matched = await globber.glob()
    if (matched.length === 0) {
      const after = exclusions.length > 0 ? ' (after the ! exclusions)' : ''
      throw new Error(`telemetry: no file matches "${pattern}"${after}`)
    }
    for (const file of matched) files.add(file)
  }
  return [...files].sort()
}

/** Downloads the run's artifacts matching one pattern, labelled by job. */
async function downloadArtifacts(
  pattern: string,
  context: ActionContext
): Promise<JobFolder[]> {
  if (pattern === '')
    throw new Error('telemetry: "artifact:" needs a name pattern after it')
  // Where actions/download-artifact puts artifacts by default: the workspace.
  const destination = join(context.workspace, 'ecocompute-telemetry')
  const downloaded = await downloadRunArtifacts(pattern, destination)
  if (downloaded.length === 0)
    throw new Error(
      `telemetry: no artifact of this run matches "${pattern}"; the jobs that upload it must finish first (needs:)`
    )
  core.info(
    `Downloaded ${downloaded.length} telemetry artifact(s): ${downloaded.map(d => d.name).join(', ')}`
  )
  return downloaded.map(({ name, folder }) => ({
    folder,
    job: jobLabel(name, context.workflow)
  }))
}

/**
 * `train-a100` from `ecocompute-telemetry-<workflow>-train-a100-<attempt>`
 * (the collector's naming); any other artifact is labelled by its name.
 */
export function jobLabel(artifactName: string, workflow: string): string {
  const prefix = `ecocompute-telemetry-${sanitiseArtifactPart(workflow)}-`
  if (!artifactName.startsWith(prefix)) return artifactName
  const label = artifactName.slice(prefix.length).replace(/-\d{1,9}$/, '')
  return label === '' ? artifactName : label
}
