/** Where the collector reports what it read, decided and worked around. */
export interface CollectLog {
  /** What was found and decided (a few lines per run). */
  info(text: string): void
  /** Degraded but carrying on; says what was done instead. */
  warning(text: string): void
  /** The collector cannot go on; the caller exits 125. */
  error(text: string): void
  /** Intermediate detail and skip reasons. */
  debug(text: string): void
}

/**
 * A log that writes `collect: …` lines to a stream (the CLI's standard
 * error, the detached sampler's log file); debug lines only when asked.
 */
export function streamLog(
  write: (text: string) => void,
  showDebug: boolean
): CollectLog {
  return {
    info: text => write(`collect: ${text}\n`),
    warning: text => write(`collect: warning: ${text}\n`),
    error: text => write(`collect: error: ${text}\n`),
    debug: text => {
      if (showDebug) write(`collect: debug: ${text}\n`)
    }
  }
}
