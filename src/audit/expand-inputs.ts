import { readdir, realpath, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { InputError } from '../telemetry/input-error.js'

/** A file to audit, and whether the user named it or a folder held it. */
export interface InputPath {
  path: string
  fromDirectory: boolean
  /** Set when the entry cannot be audited (a FIFO, an unreadable folder). */
  problem?: string
}

/** Folder the collector keeps raw tool output in; never audited. */
const SKIPPED_DIRECTORIES = new Set(['raw'])

/**
 * Expands the user's files and folders into files: a folder contributes
 * every plain file in it (recursively, hidden and `raw/` folders skipped),
 * in name order so results are reproducible.
 */
export async function expandInputs(
  paths: readonly string[]
): Promise<InputPath[]> {
  const files: InputPath[] = []
  for (const path of paths) {
    const info = await statOrThrow(path)
    if (info.isDirectory()) files.push(...(await listDirectory(path)))
    else if (info.isFile()) files.push({ path, fromDirectory: false })
    else
      files.push({
        path,
        fromDirectory: false,
        problem: 'not a regular file (a FIFO or device is never read)'
      })
  }
  return dropRepeats(files)
}

/**
 * One entry per real file: a file named twice, or reached through a link
 * and directly, is read once, so its energy is never counted twice.
 */
async function dropRepeats(files: InputPath[]): Promise<InputPath[]> {
  const seen = new Set<string>()
  const kept: InputPath[] = []
  for (const file of files) {
    const key =
      file.problem === undefined
        ? await realpath(file.path).catch(() => file.path)
        : file.path
    if (seen.has(key)) continue
    seen.add(key)
    kept.push(file)
  }
  return kept
}

/** Folders followed below a named one; deeper ones (or link loops) stop. */
const MAX_DEPTH = 16

/**
 * Files under a folder, sorted. Links are followed to what they point
 * at; anything that is not a file or folder, and a folder that cannot be
 * read, is reported as a problem rather than skipped in silence.
 */
async function listDirectory(
  directory: string,
  depth = 0
): Promise<InputPath[]> {
  let names: string[]
  try {
    names = (await readdir(directory)).sort((a, b) => a.localeCompare(b))
  } catch (error) {
    return [
      {
        path: directory,
        fromDirectory: true,
        problem: `cannot read the folder: ${reason(error)}`
      }
    ]
  }
  const files: InputPath[] = []
  for (const name of names) {
    if (name.startsWith('.')) continue
    files.push(...(await listEntry(join(directory, name), name, depth)))
  }
  return files
}

/** One folder entry: a file, a folder to descend into, or a problem. */
async function listEntry(
  path: string,
  name: string,
  depth: number
): Promise<InputPath[]> {
  let info: Awaited<ReturnType<typeof stat>>
  try {
    info = await stat(path)
  } catch (error) {
    return [
      { path, fromDirectory: true, problem: `cannot read: ${reason(error)}` }
    ]
  }
  if (info.isFile()) return [{ path, fromDirectory: true }]
  if (!info.isDirectory()) {
    return [
      { path, fromDirectory: true, problem: 'skipped: not a regular file' }
    ]
  }
  if (SKIPPED_DIRECTORIES.has(name)) return []
  if (depth >= MAX_DEPTH) {
    return [
      {
        path,
        fromDirectory: true,
        problem: `skipped: more than ${MAX_DEPTH} folders deep (a link loop?)`
      }
    ]
  }
  return listDirectory(path, depth + 1)
}

/** The message of a file-system error. */
function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** `stat`, with a clear error for a path that is not there. */
async function statOrThrow(
  path: string
): Promise<Awaited<ReturnType<typeof stat>>> {
  try {
    return await stat(path)
  } catch {
    throw new InputError('no such file or folder', path)
  }
}
