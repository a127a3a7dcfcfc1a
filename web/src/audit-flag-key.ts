import { el } from './dom.js'
import { fieldLink } from './field-links.js'

/**
 * The page's audit option for each `audit` flag that the report's
 * messages name (src/audit, src/telemetry: "name the model with --gpu",
 * "pass --interval-ms", "see --help for the list").
 */
const OPTION_OF_FLAG: Readonly<Record<string, string>> = {
  gpu: 'audit-gpu',
  'node-profile': 'audit-node-profile',
  'interval-ms': 'audit-interval-ms',
  'input-format': 'audit-format',
  help: 'audit-format',
  columns: 'audit-columns',
  region: 'audit-region',
  pue: 'audit-pue',
  timezone: 'audit-timezone',
  workload: 'audit-workload'
}

/** `--gpu`, `--interval-ms`: a flag as messages write it. */
const FLAG = /(?<![\w-])--([a-z][a-z-]*[a-z])(?![\w-])/g

/**
 * One line under the report: each flag its text names, and the option of
 * this page that does the same, linked to it; nothing when it names none.
 */
export function renderFlagKey(text: string): HTMLElement | undefined {
  const flags = [...new Set([...text.matchAll(FLAG)].map(m => m[1]!))].filter(
    flag => OPTION_OF_FLAG[flag] !== undefined
  )
  if (flags.length === 0) return undefined
  const items = flags.flatMap((flag, index) => [
    index === 0 ? '' : '; ',
    el('code', {}, [`--${flag}`]),
    ' → ',
    fieldLink(OPTION_OF_FLAG[flag]!)
  ])
  return el('p', { class: 'flag-key', id: 'audit-flag-key' }, [
    'Command-line flags named above are audit options on this page: ',
    ...items,
    '.'
  ])
}
