/** Exit codes of the CLI, part of its contract. */
export const EXIT = {
  ok: 0,
  /** No usable data, or input that could not be read. */
  noData: 1,
  /** A usage error: unknown option, bad value. */
  usage: 2,
  /** `compare`: a gate failed. */
  gateFailed: 3
} as const
