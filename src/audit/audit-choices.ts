import {
  listHardware,
  listNodeProfiles,
  loadCalibration,
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
  const regionProblem =
    region === undefined ? undefined : unknownRegionProblem(region)
  if (regionProblem !== undefined) problems.push(regionProblem)
  return problems
}

/**
 * Why `region` names no place, or undefined when it does: a region that
 * only the world average would serve is a typo, including an unknown
 * region of a known provider (its PUE with world-average carbon would
 * describe no real site). Shared by the audit and the planning estimator.
 */
export function unknownRegionProblem(region: string): string | undefined {
  const resolved = resolveIntensity(region)
  const isWorld = region.trim().toUpperCase() === 'WORLD'
  if (resolved.fallback !== 'world' || isWorld) return undefined
  const provider = resolved.provider
  if (provider !== undefined) {
    const ids = loadCalibration()
      .regions.cloud_regions.filter(r => r.provider === provider)
      .map(r => r.id)
    return unknownChoiceMessage(`${provider} cloud region`, region, ids)
  }
  return `unknown region "${region}"; expected a country code (SE, FRA), a grid zone (SE3, US-CAL-CISO) or a cloud region (aws:eu-north-1, gcp:europe-north1, azure:swedencentral)`
}
