import {
  listHardware,
  listNodeProfiles,
  resolveIntensity,
  WORKLOAD_NAMES
} from '../calibration/index.js'
import type { AuditOptions } from './audit-options.js'
import { hardwareById, hardwareByName } from './calibration-adapter.js'

/** Catalogue ids of the accelerators. */
export function hardwareIds(): string[] {
  return listHardware()
    .map(hardware => hardware.id)
    .filter(id => id !== 'generic-gpu')
}

/** `unknown X "value"; expected one of: …`. */
export function unknownChoiceMessage(
  what: string,
  value: string,
  known: readonly string[]
): string {
  return `unknown ${what} "${value}"; expected one of: ${known.join(', ')}`
}

/**
 * Checks the names a user chose against the calibration data, so a typo
 * is a usage error rather than a silently lower grounding level or a
 * world-average carbon figure. Returns the problems, one per line.
 */
export function checkAuditChoices(options: AuditOptions): string[] {
  const problems: string[] = []
  const { gpuModel, workload, nodeProfile, region } = options
  if (
    gpuModel !== undefined &&
    !hardwareById(gpuModel) &&
    !hardwareByName(gpuModel)
  ) {
    problems.push(unknownChoiceMessage('GPU model', gpuModel, hardwareIds()))
  }
  if (
    workload !== undefined &&
    !(WORKLOAD_NAMES as readonly string[]).includes(workload)
  ) {
    problems.push(unknownChoiceMessage('workload', workload, WORKLOAD_NAMES))
  }
  const profiles = listNodeProfiles().map(profile => profile.id)
  if (nodeProfile !== undefined && !profiles.includes(nodeProfile)) {
    problems.push(unknownChoiceMessage('node profile', nodeProfile, profiles))
  }
  if (region !== undefined && isUnknownPlace(region)) {
    problems.push(
      `unknown region "${region}"; expected a country code (SE, FRA), a grid zone (SE3, US-CAL-CISO) or a cloud region (aws:eu-north-1, gcp:europe-north1, azure:swedencentral)`
    )
  }
  return problems
}

/**
 * True when the region names no place and no cloud provider: only the
 * world average would be left. A known provider with an unknown region
 * still resolves (its PUE applies), with a note naming the region.
 */
function isUnknownPlace(region: string): boolean {
  const resolved = resolveIntensity(region)
  const isWorld = region.trim().toUpperCase() === 'WORLD'
  return (
    resolved.fallback === 'world' && resolved.provider === undefined && !isWorld
  )
}
