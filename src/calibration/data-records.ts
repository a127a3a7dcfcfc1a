/**
 * Every calibration record as one flat list, so a user can list a file
 * or look any record up by id. Records without an id of their own get one
 * here: `llm-training@hgx-h100-8gpu` (workloads), `pue:aws` and
 * `pue:default` (PUE).
 */
import { loadCalibration } from './load.js'
import type { Source } from './schemas.js'

/** The groups `data list` accepts. */
export const DATA_KINDS = [
  'hardware',
  'nodes',
  'workloads',
  'regions',
  'prices',
  'equivalents'
] as const

/** One of {@link DATA_KINDS}. */
export type DataKind = (typeof DATA_KINDS)[number]

/** One record with its id, a one-line summary and its source. */
export interface DataRecord {
  kind: DataKind
  id: string
  name: string
  /** The key numbers, one line. */
  summary: string
  source: Source
  record: unknown
}

/** `value (low–high)`. */
function span(r: { value: number; low: number; high: number }): string {
  return `${r.value} (${r.low}–${r.high})`
}

function hardwareRecords(): DataRecord[] {
  return loadCalibration().hardware.records.map(hw => {
    const tflops = hw.dense_bf16_tflops ?? hw.dense_fp16_tflops
    const parts = [
      `max ${hw.max_power_w.value} W`,
      `idle ${span(hw.idle_w)} W`,
      tflops === null ? 'TFLOP/s n/a' : `${tflops} TFLOP/s`,
      hw.memory_gb === null ? 'memory n/a' : `${hw.memory_gb} GB`
    ]
    return entry('hardware', hw.id, hw.display_name, parts, hw.source, hw)
  })
}

function nodeRecords(): DataRecord[] {
  return loadCalibration().nodes.records.map(node => {
    const parts = [
      `host idle ${span(node.host_idle_w)} W`,
      `system max ${node.system_max_power_w} W`
    ]
    return entry('nodes', node.id, node.display_name, parts, node.source, node)
  })
}

function workloadRecords(): DataRecord[] {
  return loadCalibration().workloads.records.map(w => {
    const id = `${w.workload}@${w.node_profile}`
    const name = `${w.workload} on ${w.node_profile}`
    return entry('workloads', id, name, [`α ${span(w.alpha)}`], w.source, w)
  })
}

function regionRecords(): DataRecord[] {
  const { default_pue, providers, cloud_regions } = loadCalibration().regions
  const pue = [
    entry(
      'regions',
      'pue:default',
      'Unknown data centre PUE',
      [`PUE ${span(default_pue)}`],
      default_pue.source,
      default_pue
    ),
    ...providers.map(p =>
      entry(
        'regions',
        `pue:${p.id}`,
        `${p.display_name} PUE`,
        [`PUE ${span(p.pue)}`],
        p.pue.source,
        p
      )
    )
  ]
  const regions = cloud_regions.map(r =>
    entry(
      'regions',
      r.id,
      r.location,
      [`zone ${r.zone}`, r.country],
      r.source,
      r
    )
  )
  return [...regions, ...pue]
}

function priceRecords(): DataRecord[] {
  const { prices, regions } = loadCalibration()
  const gpuHours = prices.records.map(p =>
    entry(
      'prices',
      p.id,
      `${p.provider} ${p.instance}`,
      [
        `${p.usd_per_gpu_hour} USD/GPU-h`,
        `${p.gpu_count}× ${p.hardware_id}`,
        p.pricing,
        p.reliability,
        p.as_of
      ],
      p.source,
      p
    )
  )
  const electricity = regions.electricity_prices.map(p =>
    entry(
      'prices',
      p.id,
      `Electricity, ${p.country}`,
      [`${p.usd_per_kwh} USD/kWh`, String(p.year)],
      p.source,
      p
    )
  )
  return [...gpuHours, ...electricity]
}

function equivalentRecords(): DataRecord[] {
  return loadCalibration().equivalents.records.map(e => {
    const parts = [`${e.g_co2e_per_unit} gCO2e per ${e.unit}`]
    return entry('equivalents', e.id, e.label, parts, e.source, e)
  })
}

function entry(
  kind: DataKind,
  id: string,
  name: string,
  parts: string[],
  source: Source,
  record: unknown
): DataRecord {
  return { kind, id, name, summary: parts.join(', '), source, record }
}

const BUILDERS: Record<DataKind, () => DataRecord[]> = {
  hardware: hardwareRecords,
  nodes: nodeRecords,
  workloads: workloadRecords,
  regions: regionRecords,
  prices: priceRecords,
  equivalents: equivalentRecords
}

/** The records of one kind, or of every kind in {@link DATA_KINDS} order. */
export function listDataRecords(kind?: DataKind): DataRecord[] {
  const kinds = kind === undefined ? DATA_KINDS : [kind]
  return kinds.flatMap(k => BUILDERS[k]())
}

/** The record with this id (exact, then ignoring case), if any. */
export function findDataRecord(id: string): DataRecord | undefined {
  const all = listDataRecords()
  const wanted = id.trim()
  return (
    all.find(r => r.id === wanted) ??
    all.find(r => r.id.toLowerCase() === wanted.toLowerCase())
  )
}
