/**
 * Loads `calibration-data/mfu.json` once, checks it and its references to
 * `hardware.json`, and answers the planning estimator's lookups. The JSON
 * is imported statically so the bundler puts it inside `dist/` and the web
 * page.
 */
import mfuJson from '../../calibration-data/mfu.json' with { type: 'json' }
import { listHardware } from './hardware.js'
import {
  type MfuFile,
  type MfuPreset,
  mfuFileSchema,
  type PlanRunKind,
  type PowerCapTrade,
  type Speedup,
  type UtilisationPreset
} from './mfu-schema.js'

const FILE = 'calibration-data/mfu.json'

let cached: MfuFile | undefined

/** The validated file; throws with one line per problem when it is not. */
export function loadMfuPresets(): MfuFile {
  cached ??= parseMfuPresets(mfuJson)
  return cached
}

/** Validates raw file contents and its hardware ids, one line per problem. */
export function parseMfuPresets(raw: unknown): MfuFile {
  const result = mfuFileSchema.safeParse(raw)
  const problems = result.success
    ? unknownHardware(result.data)
    : result.error.issues.map(
        issue => `${issue.path.join('.') || '(file)'}: ${issue.message}`
      )
  if (problems.length > 0 || !result.success)
    throw new Error(`${FILE} is invalid:\n${problems.join('\n')}`)
  return result.data
}

/** Hardware ids the presets and sparse peaks name that hardware.json lacks. */
function unknownHardware(file: MfuFile): string[] {
  const known = new Set(listHardware().map(hw => hw.id))
  const presets = file.mfu.flatMap((preset, i) =>
    preset.hardware_ids
      .filter(id => id !== '*' && !known.has(id))
      .map(id => `mfu.${i}.hardware_ids: unknown hardware id "${id}"`)
  )
  const peaks = file.sparse_peaks.peaks.flatMap((peak, i) =>
    known.has(peak.hardware_id)
      ? []
      : [
          `sparse_peaks.peaks.${i}.hardware_id: unknown hardware id "${peak.hardware_id}"`
        ]
  )
  return [...presets, ...peaks]
}

/**
 * The MFU preset for `kind` on `hardwareId`: one naming the accelerator,
 * else the kind's catch-all (`*`).
 */
export function mfuPresetFor(hardwareId: string, kind: PlanRunKind): MfuPreset {
  const presets = loadMfuPresets().mfu.filter(p => p.kind === kind)
  const preset =
    presets.find(p => p.hardware_ids.includes(hardwareId)) ??
    presets.find(p => p.hardware_ids.includes('*'))
  if (preset === undefined)
    throw new Error(`${FILE} has no catch-all MFU preset for ${kind}`)
  return preset
}

/** The power-utilisation preset of `kind`. */
export function utilisationPresetFor(kind: PlanRunKind): UtilisationPreset {
  const preset = loadMfuPresets().utilisation.find(p => p.kind === kind)
  if (preset === undefined)
    throw new Error(`${FILE} has no utilisation preset for ${kind}`)
  return preset
}

/** The speed-up with this id, if any. */
export function getSpeedup(id: string): Speedup | undefined {
  return loadMfuPresets().speedups.find(s => s.id === id)
}

/** The measured power-cap trade. */
export function powerCapTrade(): PowerCapTrade {
  return loadMfuPresets().power_cap
}

/** The datasheet's sparse BF16 TFLOP/s of `hardwareId`, if recorded. */
export function sparsePeakFor(hardwareId: string): number | undefined {
  return loadMfuPresets().sparse_peaks.peaks.find(
    peak => peak.hardware_id === hardwareId
  )?.sparse_bf16_tflops
}

/** How the sparse peaks were read, for the assumptions' source. */
export function sparsePeakDerivation(): string {
  return loadMfuPresets().sparse_peaks.derivation
}
