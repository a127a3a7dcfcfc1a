/**
 * Loads every file of `calibration-data/` once, validates it with zod and
 * checks the references between files. The JSON is imported statically so
 * that the bundler puts the data inside `dist/`.
 */
import type { z } from 'zod'

import equivalentsJson from '../../calibration-data/equivalents.json' with { type: 'json' }
import hardwareJson from '../../calibration-data/hardware.json' with { type: 'json' }
import isoJson from '../../calibration-data/iso-countries.json' with { type: 'json' }
import nodesJson from '../../calibration-data/nodes.json' with { type: 'json' }
import pricesJson from '../../calibration-data/prices.json' with { type: 'json' }
import regionsJson from '../../calibration-data/regions.json' with { type: 'json' }
import workloadsJson from '../../calibration-data/workloads.json' with { type: 'json' }
import { findCrossReferenceProblems } from './cross-check.js'
import { pricesFileSchema } from './price-schemas.js'
import {
  equivalentsFileSchema,
  isoCountriesFileSchema,
  regionsFileSchema
} from './region-schemas.js'
import {
  hardwareFileSchema,
  nodesFileSchema,
  workloadsFileSchema
} from './schemas.js'

/** Every calibration file, parsed. */
export interface Calibration {
  hardware: z.infer<typeof hardwareFileSchema>
  nodes: z.infer<typeof nodesFileSchema>
  workloads: z.infer<typeof workloadsFileSchema>
  regions: z.infer<typeof regionsFileSchema>
  equivalents: z.infer<typeof equivalentsFileSchema>
  isoCountries: z.infer<typeof isoCountriesFileSchema>
  prices: z.infer<typeof pricesFileSchema>
}

/** Invalid calibration data; `problems` holds one line per problem. */
export class CalibrationError extends Error {
  override name = 'CalibrationError'

  /** Builds the message from the problem lines. */
  constructor(readonly problems: readonly string[]) {
    super(`calibration data is invalid:\n${problems.join('\n')}`)
  }
}

let cached: Calibration | undefined

/** The validated calibration data; parsed on first use, then cached. */
export function loadCalibration(): Calibration {
  cached ??= parseCalibration({
    hardware: hardwareJson,
    nodes: nodesJson,
    workloads: workloadsJson,
    regions: regionsJson,
    equivalents: equivalentsJson,
    isoCountries: isoJson,
    prices: pricesJson
  })
  return cached
}

/** Raw file contents, keyed like {@link Calibration}. */
export type RawCalibration = Record<keyof Calibration, unknown>

/**
 * Validates raw file contents and their cross-references; throws a
 * {@link CalibrationError} listing every problem found, one per line.
 */
export function parseCalibration(raw: RawCalibration): Calibration {
  const problems: string[] = []
  const parse = <T>(key: keyof Calibration, schema: z.ZodType<T>): T => {
    const result = schema.safeParse(raw[key])
    if (!result.success)
      problems.push(...formatIssues(FILES[key], result.error))
    return result.data as T
  }
  const calibration: Calibration = {
    hardware: parse('hardware', hardwareFileSchema),
    nodes: parse('nodes', nodesFileSchema),
    workloads: parse('workloads', workloadsFileSchema),
    regions: parse('regions', regionsFileSchema),
    equivalents: parse('equivalents', equivalentsFileSchema),
    isoCountries: parse('isoCountries', isoCountriesFileSchema),
    prices: parse('prices', pricesFileSchema)
  }
  if (problems.length === 0) {
    problems.push(...findCrossReferenceProblems(calibration))
  }
  if (problems.length > 0) throw new CalibrationError(problems)
  return calibration
}

const FILES: Record<keyof Calibration, string> = {
  hardware: 'calibration-data/hardware.json',
  nodes: 'calibration-data/nodes.json',
  workloads: 'calibration-data/workloads.json',
  regions: 'calibration-data/regions.json',
  equivalents: 'calibration-data/equivalents.json',
  isoCountries: 'calibration-data/iso-countries.json',
  prices: 'calibration-data/prices.json'
}

/** `file: path.to[3].field: message`, one line per zod issue. */
function formatIssues(file: string, error: z.ZodError): string[] {
  return error.issues.map(issue => {
    const path = issue.path
      .map(part =>
        typeof part === 'number' ? `[${part}]` : `.${String(part)}`
      )
      .join('')
      .replace(/^\./, '')
    return `${file}: ${path === '' ? '(root)' : path}: ${issue.message}`
  })
}
