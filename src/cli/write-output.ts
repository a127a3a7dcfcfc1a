import { writeFile } from 'node:fs/promises'
import { InputError } from '../telemetry/input-error.js'

/** Writes `text` to `path`, or to standard output when there is none. */
export async function writeOutput(
  text: string,
  path: string | undefined
): Promise<void> {
  if (path === undefined) {
    process.stdout.write(text.endsWith('\n') ? text : `${text}\n`)
    return
  }
  try {
    await writeFile(path, text)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new InputError(`cannot write the output: ${reason}`, path)
  }
}
