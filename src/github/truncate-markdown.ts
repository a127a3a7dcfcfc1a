/**
 * Cuts Markdown to fit a size limit without breaking what follows: whole
 * lines are kept while they fit, an open code fence and open `<details>`
 * blocks are closed, and a note says where the rest is.
 */

/** A size limit in UTF-16 code units (what GitHub counts) and UTF-8 bytes. */
export interface TextLimits {
  maxChars: number
  maxBytes: number
}

/** The text that fits, and whether anything was cut. */
export interface FittedText {
  text: string
  truncated: boolean
}

/** Block state at a point in the text: an open fence and `<details>` depth. */
interface BlockState {
  fence: string | undefined
  detailsDepth: number
}

/**
 * Returns `text` unchanged when it fits `limits`, otherwise a prefix of
 * it, closed, followed by a blank line and `note`. The note must fit.
 */
export function truncateMarkdown(
  text: string,
  limits: TextLimits,
  note: string
): FittedText {
  if (fits(text.length, byteLength(text), limits)) {
    return { text, truncated: false }
  }
  const tail = `\n\n${note}`
  const kept: string[] = []
  let state: BlockState = { fence: undefined, detailsDepth: 0 }
  let chars = 0
  let bytes = 0
  for (const line of text.split('\n')) {
    const next = advance(state, line)
    const extra = `${kept.length > 0 ? '\n' : ''}${line}`
    const ending = closers(next) + tail
    const total = chars + extra.length + ending.length
    const totalBytes = bytes + byteLength(extra) + byteLength(ending)
    if (!fits(total, totalBytes, limits)) {
      const partial = cutLine(
        extra,
        limits,
        chars,
        bytes,
        closers(state) + tail
      )
      if (partial) kept.push(partial)
      break
    }
    kept.push(extra)
    chars += extra.length
    bytes += byteLength(extra)
    state = next
  }
  return { text: kept.join('') + closers(state) + tail, truncated: true }
}

/** The block state after one more line. */
function advance(state: BlockState, line: string): BlockState {
  const fence = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1]
  if (state.fence !== undefined) {
    const closes =
      fence !== undefined &&
      fence[0] === state.fence[0] &&
      fence.length >= state.fence.length &&
      line.trim() === fence
    return closes ? { ...state, fence: undefined } : state
  }
  if (fence !== undefined) return { ...state, fence }
  const opened = line.match(/<details[\s>]/gi)?.length ?? 0
  const closed = line.match(/<\/details\s*>/gi)?.length ?? 0
  const detailsDepth = Math.max(0, state.detailsDepth + opened - closed)
  return { ...state, detailsDepth }
}

/** The lines that close what is open. */
function closers(state: BlockState): string {
  const fence = state.fence === undefined ? '' : `\n${state.fence}`
  return fence + '\n</details>'.repeat(state.detailsDepth)
}

/**
 * The part of a line that still fits, cut at a character boundary and
 * without a half-written HTML tag or entity; '' when less than a quarter
 * of the limit is left (then the line is dropped whole).
 * A cut line opens no fence or `<details>` (those are dropped from it), so
 * the closers of the state before it still apply.
 */
function cutLine(
  extra: string,
  limits: TextLimits,
  chars: number,
  bytes: number,
  ending: string
): string {
  const roomChars = limits.maxChars - chars - ending.length
  const roomBytes = limits.maxBytes - bytes - byteLength(ending)
  // Only a line that would take much with it is cut; others go whole.
  if (roomChars < limits.maxChars / 4) return ''
  let end = Math.min(extra.length, roomChars, roomBytes)
  if (end <= 0) return ''
  while (end > 0 && byteLength(extra.slice(0, end)) > roomBytes) {
    end = Math.floor(end * 0.9)
  }
  const code = extra.charCodeAt(end - 1)
  if (code >= 0xd800 && code <= 0xdbff) end -= 1
  const partial = extra.slice(0, end)
  if (/^\n? {0,3}(`{3,}|~{3,})/.test(partial)) return ''
  return partial
    .replace(/<\/?details[^>]*>/gi, '')
    .replace(/<[^>]*$/, '')
    .replace(/&[#A-Za-z0-9]*$/, '')
}

/** True when both sizes are within the limits. */
function fits(chars: number, bytes: number, limits: TextLimits): boolean {
  return chars <= limits.maxChars && bytes <= limits.maxBytes
}

/** UTF-8 length of a string. */
function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}
