import type { TelemetryFormat } from '../format.js'
import { codecarbonFormat } from './codecarbon.js'
import { dcgmExporterFormat } from './dcgm-exporter.js'
import { dcgmLongCsvFormat } from './dcgm-long-csv.js'
import { dcgmiDmonFormat } from './dcgmi-dmon.js'
import { ecocomputeJsonlFormat } from './ecocompute-jsonl.js'
import { nvidiaSmiCsvFormat } from './nvidia-smi-csv.js'
import { nvidiaSmiDmonFormat } from './nvidia-smi-dmon.js'
import { zeusWindowFormat } from './zeus-window.js'

/** Every supported format; on equal confidence the earlier one wins. */
export const FORMATS: readonly TelemetryFormat[] = [
  ecocomputeJsonlFormat,
  codecarbonFormat,
  zeusWindowFormat,
  dcgmLongCsvFormat,
  dcgmExporterFormat,
  dcgmiDmonFormat,
  nvidiaSmiDmonFormat,
  nvidiaSmiCsvFormat
]

/** The format named `name`, or undefined. */
export function findFormat(name: string): TelemetryFormat | undefined {
  return FORMATS.find(format => format.name === name)
}
