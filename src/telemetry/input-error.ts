/** A problem with the user's input, reported without a stack trace. */
export class InputError extends Error {
  override name = 'InputError'

  /** `file` and `line` (1-based) locate the problem when known. */
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number
  ) {
    super(formatLocation(file, line) + message)
  }
}

/** `file:line: ` prefix, or as much of it as is known. */
function formatLocation(file?: string, line?: number): string {
  if (file === undefined) return ''
  return line === undefined ? `${file}: ` : `${file}:${line}: `
}
