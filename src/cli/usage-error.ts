/** A mistake on the command line: exit code 2 with this message. */
export class UsageError extends Error {
  override name = 'UsageError'
}
