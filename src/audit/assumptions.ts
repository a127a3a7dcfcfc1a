import type { Assumption } from './audit-schema.js'
import type { AuditParts } from './build-result.js'
import { pueAssumption } from './energy-totals.js'
import { DEFAULT_WORKLOAD } from './node-model.js'

/** Sensor accuracy used when the catalogue has none, W per reading. */
const SENSOR_SOURCE =
  'NVIDIA nvidia-smi documentation: power.draw accurate to ±5 W'

/**
 * Every value the computation used and where it came from; defaults are
 * marked so nothing is silently assumed.
 */
export function describeAssumptions(
  parts: AuditParts
): Record<string, Assumption> {
  const { options, pue, carbon } = parts
  const assumptions: Record<string, Assumption> = {
    pue: pueAssumption(pue),
    region: {
      value: carbon.region,
      source: `${carbon.fallback} lookup${carbon.requested ? ` of "${carbon.requested}"` : ''}`,
      is_default: options.region === undefined
    },
    carbon_intensity_g_per_kwh: {
      value: carbon.intensityGPerKWh,
      low: carbon.lowGPerKWh,
      high: carbon.highGPerKWh,
      source: carbon.dataset,
      is_default: options.region === undefined
    },
    workload: {
      value: options.workload ?? DEFAULT_WORKLOAD,
      source: options.workload ? 'given' : 'default: no workload given',
      is_default: options.workload === undefined
    },
    sensor_accuracy_w: { value: 5, source: SENSOR_SOURCE, is_default: true },
    electricity_price_usd_per_kwh: price(
      options.electricityPriceUsdPerKWh,
      'energy cost'
    ),
    gpu_hour_price_usd: price(options.gpuHourPriceUsd, 'compute cost'),
    timezone: {
      value: options.timezone ?? 'UTC',
      source: options.timezone
        ? 'given'
        : 'default for timestamps without an offset',
      is_default: options.timezone === undefined
    },
    gap_rule: {
      value: 'interval > clamp(5 × median interval, 5 s, 300 s)',
      source: 'EcoCompute method, docs/methodology.md',
      is_default: true
    }
  }
  for (const node of parts.nodes)
    Object.assign(assumptions, nodeAssumptions(node))
  return assumptions
}

/** A price the user gave, or its absence. */
function price(value: number | undefined, what: string): Assumption {
  return value === undefined
    ? {
        value: null,
        source: `not given: ${what} not computed`,
        is_default: true
      }
    : { value, source: 'given', is_default: false }
}

/** Node profile, host idle power and α_w of one node. */
function nodeAssumptions(
  node: AuditParts['nodes'][number]
): Record<string, Assumption> {
  const suffix = node.node === 'local' ? '' : `:${node.node}`
  const result: Record<string, Assumption> = {
    [`node_profile${suffix}`]: {
      value: node.profile?.name ?? null,
      source: node.reason,
      is_default: true
    }
  }
  if (node.profile && node.alpha) {
    const host = node.profile.hostIdleW
    const alpha = node.alpha.alpha
    result[`host_idle_w${suffix}`] = {
      value: host.value,
      low: host.low,
      high: host.high,
      source: host.source,
      is_default: true
    }
    result[`alpha_w${suffix}`] = {
      value: alpha.value,
      low: alpha.low,
      high: alpha.high,
      source: alpha.source,
      is_default: true
    }
  }
  return result
}
