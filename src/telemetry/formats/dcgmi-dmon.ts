import type { TelemetryFormat } from '../format.js'
import { clip, type DmonDialect, parseDmon } from './dmon-parse.js'
import {
  type DmonLayout,
  findTimeColumns,
  splitDmonHeader
} from './dmon-table.js'

const HEADER_IN_HEAD = /^\s*#\s*(?:Date\s+)?(?:Time\s+)?Entity\b/m
const UNITS_IN_HEAD = /^\s*I[dD]\b/m
/** The unit line under each header has `ID` (newer DCGM) or `Id`. */
const UNIT_MARK = /^I[dD]$/
/** DCGM entity types of MIG slices: they repeat their parent's power. */
const MIG_ENTITIES = new Set(['GPU-I', 'GPU-CI'])

/** `dcgmi dmon` text: repeated `#Entity` headers, `GPU 0` rows, no times. */
export const dcgmiDmonFormat: TelemetryFormat = {
  name: 'dcgmi-dmon',
  description:
    'DCGM `dcgmi dmon` text (POWER in W, TOTEC in mJ); needs --interval-ms',
  detect(head: string): number {
    if (!HEADER_IN_HEAD.test(head)) return 0
    return UNITS_IN_HEAD.test(head) ? 0.98 : 0.9
  },
  parse(input, sink, options) {
    return parseDmon(input, sink, options, dcgmiDialect)
  }
}

const dcgmiDialect: DmonDialect = {
  headerMark: '#Entity',
  intervalHint: 'the -d value given to dcgmi dmon, which is in ms',
  readHeader: readDcgmiHeader,
  isUnitLine: names => names.slice(0, 3).some(name => UNIT_MARK.test(name)),
  readEntity(cells, layout) {
    const type = cells[layout.entity]
    const id = cells[layout.entity + 1]
    if (type === undefined || id === undefined || !/^\d+$/.test(id)) {
      return {
        reason: `expected an entity such as "GPU 0", found "${clip(cells.join(' '))}"`
      }
    }
    return type === 'GPU' ? id : { skip: type }
  },
  warnSkipped(skipped, sink) {
    for (const [type, rows] of skipped) {
      if (MIG_ENTITIES.has(type)) {
        sink.warn(
          'mig-instance',
          `skipped ${rows} rows of ${type} entities: MIG slices repeat their parent GPU's power, which is read once from its GPU rows`
        )
      } else {
        sink.warn(
          'skipped-line',
          `skipped ${rows} rows of ${type} entities: only GPU rows are read`
        )
      }
    }
  }
}

/** Maps an `#Entity` header's names to cells; undefined for any other line. */
function readDcgmiHeader(text: string): DmonLayout | undefined {
  if (!text.startsWith('#')) return undefined
  const names = splitDmonHeader(text)
  const times = findTimeColumns(names)
  if (names[times.next]?.toLowerCase() !== 'entity') return undefined

  // The entity prints as two cells (`GPU 0`), so fields shift by one.
  const fields = names.slice(times.next + 1)
  const firstField = times.next + 2
  const at = (name: string): number => {
    const index = fields.findIndex(field => field.toUpperCase() === name)
    return index < 0 ? -1 : firstField + index
  }
  return {
    names: [...names.slice(0, times.next), 'Entity', 'ID', ...fields],
    power: at('POWER'),
    counter: at('TOTEC'),
    utilization: at('GPUTL'),
    labels: new Set(Array.from({ length: firstField }, (_, cell) => cell)),
    date: times.date,
    time: times.time,
    entity: times.next
  }
}
