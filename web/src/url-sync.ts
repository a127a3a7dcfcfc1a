import { type PageState, stateToHash } from './plan-state.js'

/**
 * Writing the URL is the slowest step of a recompute (history.replaceState
 * took 11–12 ms a call in Chromium on file://, against 1–7 ms for each
 * view), and browsers throttle frequent calls; so the fragment is written
 * once typing pauses, or at once when a link is about to be copied.
 */
const PAUSE_MS = 250

let pending: PageState | undefined
let timer: ReturnType<typeof setTimeout> | undefined

/** Writes `state` into the URL's fragment once input pauses. */
export function scheduleUrlUpdate(state: PageState): void {
  pending = state
  if (timer !== undefined) clearTimeout(timer)
  timer = setTimeout(flushUrlUpdate, PAUSE_MS)
}

/** Writes a pending state into the URL now. */
export function flushUrlUpdate(): void {
  if (timer !== undefined) clearTimeout(timer)
  timer = undefined
  if (pending === undefined) return
  const hash = stateToHash(pending)
  pending = undefined
  if (hash !== location.hash) history.replaceState(null, '', hash)
}
