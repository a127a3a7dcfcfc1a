/** Formatting of calibration citations for reports and logs. */
import type { Source } from './schemas.js'

/** `Title (2024), https://…` or `Title (2024), DOC-ID` when there is no URL. */
export function formatSource(source: Source): string {
  const where = source.url ?? source.document ?? ''
  return `${source.title} (${source.year}), ${where}`
}
