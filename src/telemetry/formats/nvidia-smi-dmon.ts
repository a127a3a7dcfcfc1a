import type { TelemetryFormat } from '../format.js'
import { type DmonDialect, parseDmon } from './dmon-parse.js'
import {
  type DmonLayout,
  findTimeColumns,
  splitDmonHeader
} from './dmon-table.js'

/** `# gpu pwr …`, `#Date Time gpu …` (`-o DT`) or `#Time gpu …` (`-o T`). */
const HEADER_IN_HEAD = /^#\s*(?:Date\s+)?(?:Time\s+)?gpu\b(.*)$/m

/** `nvidia-smi dmon` text: `# gpu pwr …` headers, optional Date/Time cells. */
export const nvidiaSmiDmonFormat: TelemetryFormat = {
  name: 'nvidia-smi-dmon',
  description:
    'nvidia-smi dmon text (pwr in W, sm in %); -o DT times, else --interval-ms',
  detect(head: string): number {
    const header = HEADER_IN_HEAD.exec(head)
    if (!header) return 0
    // A dmon table without `-s p` has no power to audit, but is still dmon.
    return /\bpwr\b/.test(header[1]!) ? 0.95 : 0.5
  },
  parse(input, sink, options) {
    return parseDmon(input, sink, options, nvidiaSmiDialect)
  }
}

const nvidiaSmiDialect: DmonDialect = {
  headerMark: '# gpu',
  intervalHint:
    'the -d value given to nvidia-smi dmon is in seconds, so -d 1 is 1000',
  readHeader: readNvidiaSmiHeader,
  // The unit line is `# Idx W C …`, after `YYYYMMDD HH:MM:SS` with -o DT.
  isUnitLine: names =>
    names.slice(0, 3).some(name => name.toLowerCase() === 'idx'),
  readEntity(cells, layout) {
    const index = cells[layout.entity]
    if (index !== undefined && /^\d+$/.test(index)) return index
    const found = index === undefined ? 'nothing' : `"${index}"`
    return { reason: `expected a GPU index in the gpu column, found ${found}` }
  },
  warnSkipped() {
    // Every dmon row is a GPU: nothing is left out by entity type.
  }
}

/** Maps a `# gpu …` header's names to cells; undefined for any other line. */
function readNvidiaSmiHeader(text: string): DmonLayout | undefined {
  if (!text.startsWith('#')) return undefined
  const names = splitDmonHeader(text)
  const times = findTimeColumns(names)
  if (names[times.next] !== 'gpu') return undefined

  const at = (name: string): number => names.indexOf(name)
  return {
    names,
    power: at('pwr'),
    counter: -1,
    utilization: at('sm'),
    labels: new Set(Array.from({ length: times.next + 1 }, (_, cell) => cell)),
    date: times.date,
    time: times.time,
    entity: times.next
  }
}
