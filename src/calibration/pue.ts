/**
 * PUE (facility energy ÷ IT energy) for a run: the user's value, else the
 * cloud provider's published fleet value, else the industry average for an
 * unknown data centre.
 */
import { loadCalibration } from './load.js'
import type { PueRecord } from './region-schemas.js'
import { formatSource } from './sources.js'

/** Where a PUE came from. */
export type PueBasis = 'user' | 'provider' | 'industry-default'

/** The PUE used, its bounds and its source. */
export interface PueResolution {
  value: number
  low: number
  high: number
  /** Citation, or `given by the user` for a user value. */
  source: string
  /** True unless the user gave the value. */
  isDefault: boolean
  basis: PueBasis
}

/** The accepted range for a user PUE. */
export const USER_PUE_MIN = 1
/** Above this a PUE is almost certainly a typo (e.g. 15 for 1.5). */
export const USER_PUE_MAX = 5

/**
 * Resolves the PUE: `userPue` (low = high = value) when given, else the
 * PUE of `provider` (`aws`, `gcp`, `azure`), else the industry default.
 * Throws a RangeError for a user PUE outside 1–5 or not a number.
 */
export function resolvePue(
  userPue: number | undefined,
  provider?: string
): PueResolution {
  if (userPue !== undefined) return fromUser(userPue)

  const regions = loadCalibration().regions
  const known = regions.providers.find(p => p.id === provider)
  if (known !== undefined) return fromRecord(known.pue, 'provider')
  return fromRecord(regions.default_pue, 'industry-default')
}

function fromUser(pue: number): PueResolution {
  if (!Number.isFinite(pue) || pue < USER_PUE_MIN || pue > USER_PUE_MAX) {
    throw new RangeError(
      `pue: got ${pue}; expected a number from ${USER_PUE_MIN} to ${USER_PUE_MAX} (facility energy ÷ IT energy, e.g. 1.2)`
    )
  }
  const source = 'given by the user'
  return {
    value: pue,
    low: pue,
    high: pue,
    source,
    isDefault: false,
    basis: 'user'
  }
}

function fromRecord(record: PueRecord, basis: PueBasis): PueResolution {
  const { value, low, high } = record
  const source = formatSource(record.source)
  return { value, low, high, source, isDefault: true, basis }
}
