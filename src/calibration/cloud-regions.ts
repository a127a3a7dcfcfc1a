/**
 * Cloud region lookup: `aws:us-east-1`, `gcp:europe-north1`,
 * `azure:swedencentral`, or a bare region name when only one provider
 * uses it.
 */
import { loadCalibration } from './load.js'
import {
  CLOUD_PROVIDERS,
  type CloudProvider,
  type CloudRegion
} from './region-schemas.js'

/** What a region string turned out to be. */
export type CloudRegionLookup =
  | { kind: 'found'; region: CloudRegion }
  | { kind: 'unknown-region'; provider: CloudProvider; name: string }
  | { kind: 'unknown-provider'; provider: string }
  | { kind: 'ambiguous'; candidates: CloudRegion[] }
  | { kind: 'not-cloud' }

const PREFIXED = /^([a-z][a-z0-9-]*):(.+)$/

/** True when `id` is one of the providers the region map covers. */
export function isCloudProvider(id: string): id is CloudProvider {
  return (CLOUD_PROVIDERS as readonly string[]).includes(id)
}

/** Classifies `input` as a known, unknown or ambiguous cloud region. */
export function lookupCloudRegion(input: string): CloudRegionLookup {
  const text = input.trim().toLowerCase()
  const regions = loadCalibration().regions.cloud_regions
  const prefixed = PREFIXED.exec(text)
  if (prefixed !== null) {
    const [, provider = '', name = ''] = prefixed
    if (!isCloudProvider(provider))
      return { kind: 'unknown-provider', provider }
    const region = regions.find(r => r.id === `${provider}:${name}`)
    return region === undefined
      ? { kind: 'unknown-region', provider, name }
      : { kind: 'found', region }
  }
  return bareLookup(regions.filter(r => r.name === text))
}

function bareLookup(candidates: CloudRegion[]): CloudRegionLookup {
  const [first] = candidates
  if (first === undefined) return { kind: 'not-cloud' }
  if (candidates.length === 1) return { kind: 'found', region: first }
  return { kind: 'ambiguous', candidates }
}
