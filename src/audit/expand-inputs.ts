import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { InputError } from '../telemetry/input-error.js'

/** A file to audit, and whether the user named it or a folder held it. */
export interface InputPath {
  path: string
  fromDirectory: boolean
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
    else files.push({ path, fromDirectory: false })
  }
  return files
}

/** Files under a folder, sorted. */
async function listDirectory(directory: string): Promise<InputPath[]> {
  const entries = await readdir(directory, { withFileTypes: true })
  entries.sort((a, b) => a.name.localeCompare(b.name))
  const files: InputPath[] = []
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue
    const path = join(directory, entry.name)
    if (entry.isDirectory() && !SKIPPED_DIRECTORIES.has(entry.name)) {
      files.push(...(await listDirectory(path)))
    } else if (entry.isFile()) files.push({ path, fromDirectory: true })
  }
  return files
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
