import { mkdir, stat } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { sanitiseArtifactPart } from '../github/artifact-name.js'
import { CollectError, messageOf } from './collect-error.js'

/** Where one collector writes, all under the output folder. */
export interface OutputLayout {
  outDir: string
  /** `<name>-<host>`, with `-2`, `-3`… when an earlier run took it. */
  stem: string
  /** The finished telemetry: `<stem>.jsonl`. */
  telemetryPath: string
  /** Raw tool output, which the audit skips: `raw/<stem>/`. */
  rawDir: string
  /** Work files while sampling (hidden, so the audit skips them too). */
  spoolDir: string
  headerPath: string
  samplesPath: string
  /** The detached sampler's config, status and log (hidden too). */
  configPath: string
  statusPath: string
  logPath: string
}

/** Stems tried before giving up (a folder full of earlier runs). */
const MAX_STEMS = 1000

/**
 * Claims a file stem in `outDir` for one collector: the node name is
 * part of it, so collectors on several nodes writing to one shared
 * folder (one per node under srun) never overwrite each other, and
 * `mkdir` of the raw folder is the atomic claim.
 */
export async function claimOutput(
  outDir: string,
  name: string,
  host: string
): Promise<OutputLayout> {
  const base = `${sanitiseArtifactPart(name)}-${sanitiseArtifactPart(host)}`
  try {
    await makeFolders(join(outDir, 'raw'))
  } catch (error) {
    throw new CollectError(
      `cannot create the output folder ${outDir}: ${messageOf(error)}`
    )
  }
  for (let n = 1; n <= MAX_STEMS; n++) {
    const stem = n === 1 ? base : `${base}-${n}`
    if (existsSync(join(outDir, `${stem}.jsonl`))) continue
    if (!(await claimFolder(join(outDir, 'raw', stem)))) continue
    const layout = layoutFor(outDir, stem)
    await mkdir(layout.spoolDir)
    return layout
  }
  throw new CollectError(
    `${outDir} already holds ${MAX_STEMS} telemetry files named ${base}: choose another --out or name`
  )
}

/** The paths of a claimed stem. */
export function layoutFor(outDir: string, stem: string): OutputLayout {
  const spoolDir = join(outDir, `.spool-${stem}`)
  return {
    outDir,
    stem,
    telemetryPath: join(outDir, `${stem}.jsonl`),
    rawDir: join(outDir, 'raw', stem),
    spoolDir,
    headerPath: join(spoolDir, 'header.json'),
    samplesPath: join(spoolDir, 'samples.jsonl'),
    configPath: join(outDir, `.sampler-${stem}.json`),
    statusPath: join(outDir, `.status-${stem}.json`),
    logPath: join(outDir, `.sampler-${stem}.log`)
  }
}

/** Creates a folder that must not exist yet; false when it does. */
async function claimFolder(path: string): Promise<boolean> {
  try {
    await mkdir(path)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw new CollectError(`cannot create ${path}: ${messageOf(error)}`)
  }
}

/**
 * Makes `path` and any missing folders above it, one plain mkdir per
 * level, and throws the first error. Not `mkdir(…, { recursive: true })`:
 * Node 20's never returns for a path under /proc (the kernel answers
 * ENOENT, the parent exists, and it tries again for ever).
 */
export async function makeFolders(path: string): Promise<void> {
  const missing: string[] = []
  let level = resolve(path)
  while (!(await exists(level))) {
    missing.unshift(level)
    const parent = dirname(level)
    if (parent === level) break
    level = parent
  }
  for (const folder of missing) {
    try {
      await mkdir(folder)
    } catch (error) {
      // Another node's collector may make the same shared folder first.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
  }
}

/** True when something (a folder or not) is at `path`. */
async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch {
    return false
  }
}
