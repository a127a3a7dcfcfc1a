import { byId } from './dom.js'
import { flushUrlUpdate } from './url-sync.js'

/**
 * The skip link moves focus without touching the URL's fragment, which
 * holds the plan.
 */
export function startSkipLink(): void {
  const link = document.querySelector<HTMLAnchorElement>('.skip-link')
  link?.addEventListener('click', event => {
    event.preventDefault()
    byId('results', HTMLElement).focus()
  })
}

/**
 * The "copy a link" button: the URL already holds the whole plan (every
 * change rewrites its fragment), so sharing is copying the address.
 */
export function startShareLink(): void {
  window.addEventListener('pagehide', flushUrlUpdate)
  const button = byId('copy-link', HTMLButtonElement)
  const status = byId('copy-status', HTMLElement)
  button.addEventListener('click', () => {
    flushUrlUpdate()
    const url = location.href
    const copied = navigator.clipboard?.writeText(url)
    if (copied === undefined) {
      status.textContent = `Copy this address: ${url}`
      return
    }
    copied.then(
      () => (status.textContent = 'Link copied: it restores this plan.'),
      () => (status.textContent = `Copy this address: ${url}`)
    )
  })
}
