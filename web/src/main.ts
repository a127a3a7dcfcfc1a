import { z } from 'zod'
import { buildAuditOptionFields } from './audit-options-fields.js'
import { startAuditPanel } from './audit-panel.js'
import { byId } from './dom.js'
import { startEstimator } from './estimator.js'
import { buildRegionList } from './region-list.js'
import { startScrollHints } from './scroll-hints.js'
import { startShareLink, startSkipLink } from './share-link.js'

// zod's compiled parsers probe `new Function`, which this page's
// Content-Security-Policy forbids; the plain parsers give the same result.
z.config({ jitless: true })

/** Builds the page once the document is parsed (the script is deferred). */
function start(): void {
  buildRegionList()
  buildAuditOptionFields()
  startAuditPanel()
  startEstimator()
  startShareLink()
  startSkipLink()
  startScrollHints()
}

try {
  start()
} catch (error) {
  const message = error instanceof Error ? error.message : String(error)
  byId('plan-error', HTMLElement).textContent =
    `The page could not start: ${message}`
  throw error
}
