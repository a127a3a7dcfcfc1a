/**
 * One sample line of the Prometheus text exposition format:
 * `name{label="value",…} value [timestamp]`, labels optional.
 */

/** A sample line split into its parts, values still as text. */
export interface PromSample {
  name: string
  labels: ReadonlyMap<string, string>
  /** Name and sorted labels: equal for every sample of one series. */
  seriesKey: string
  valueText: string
  /** Milliseconds since the epoch as written; undefined when absent. */
  timestampText: string | undefined
}

const METRIC_NAME = /^[A-Za-z_:][A-Za-z0-9_:]*/
const LABEL_NAME = /[A-Za-z_][A-Za-z0-9_]*/y
const BLANKS = /[ \t]*/y

/** Splits one sample line; returns a reason when it is not one. */
export function parseSampleLine(text: string): PromSample | { reason: string } {
  const failure = {
    reason: `expected a metric sample "name{labels} value [timestamp]", found "${text.slice(0, 120)}"`
  }
  const name = METRIC_NAME.exec(text)?.[0]
  if (name === undefined) return failure

  let rest = text.slice(name.length)
  let labels = new Map<string, string>()
  if (rest.startsWith('{')) {
    const parsed = parseLabels(rest)
    if (parsed === undefined) return failure
    labels = parsed.labels
    rest = rest.slice(parsed.end)
  }
  const parts = rest.trim().split(/\s+/)
  if (!/^\s/.test(rest) || parts[0] === '' || parts.length > 2) return failure
  return {
    name,
    labels,
    seriesKey: seriesKeyOf(name, labels),
    valueText: parts[0]!,
    timestampText: parts[1]
  }
}

/** Reads `{a="x",b="y"}` from the start of `text`; undefined if broken. */
function parseLabels(
  text: string
): { labels: Map<string, string>; end: number } | undefined {
  const labels = new Map<string, string>()
  let at = skipBlanks(text, 1)
  while (text[at] !== '}') {
    LABEL_NAME.lastIndex = at
    const name = LABEL_NAME.exec(text)?.[0]
    if (name === undefined) return undefined
    at = skipBlanks(text, at + name.length)
    if (text[at] !== '=') return undefined

    const value = readQuoted(text, skipBlanks(text, at + 1))
    if (value === undefined) return undefined
    labels.set(name, value.text)
    at = skipBlanks(text, value.end)
    if (text[at] === ',') at = skipBlanks(text, at + 1)
    else if (text[at] !== '}') return undefined
  }
  return { labels, end: at + 1 }
}

/** Reads a `"…"` label value with `\\`, `\"` and `\n` escapes. */
function readQuoted(
  text: string,
  at: number
): { text: string; end: number } | undefined {
  if (text[at] !== '"') return undefined
  let value = ''
  for (let index = at + 1; index < text.length; index += 1) {
    const char = text[index]!
    if (char === '"') return { text: value, end: index + 1 }
    if (char === '\\') {
      index += 1
      const escaped = text[index]
      value += escaped === 'n' ? '\n' : (escaped ?? '')
    } else {
      value += char
    }
  }
  return undefined
}

/** Index of the first non-blank at or after `at`. */
function skipBlanks(text: string, at: number): number {
  BLANKS.lastIndex = at
  BLANKS.exec(text)
  return BLANKS.lastIndex
}

/** `name{a="x",b="y"}` with labels sorted, so label order does not matter. */
function seriesKeyOf(
  name: string,
  labels: ReadonlyMap<string, string>
): string {
  const pairs = [...labels]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([label, value]) => `${label}=${JSON.stringify(value)}`)
  return `${name}{${pairs.join(',')}}`
}
