/**
 * Normalisation of GPU names before an exact lookup. Only formatting is
 * removed (case, spacing, a CodeCarbon count, a MIG suffix, the vendor
 * word); the model string itself must then match a catalogue entry exactly.
 */

/** CodeCarbon's `gpu_model` prefix: `1 x NVIDIA A100-SXM4-40GB`. */
const COUNT_PREFIX = /^\d+\s*x\s+/

/** A MIG profile suffix: `MIG 3g.20gb`, `MIG 1g.10gb+me`, `MIG 1c.2g.10gb`. */
const MIG_SUFFIX = /\s+mig\s+((?:\d+c\.)?\d+g\.\d+gb(?:\+me)?)$/

/** Older drivers print `A100-SXM4-40GB` where newer ones add `NVIDIA `. */
const VENDOR_PREFIX = /^nvidia\s+/

/** A normalised name, with the MIG profile if one was removed. */
export interface NormalisedGpuName {
  /** For printed names: also without a leading `nvidia `. */
  key: string
  /** For aliases: the vendor word kept, so `NVIDIA H100` is not `h100`. */
  aliasKey: string
  migProfile?: string
}

/**
 * Lower-cases, trims and collapses whitespace, then removes a leading
 * `N x ` count and a trailing MIG profile; `key` also drops a leading
 * `nvidia `.
 */
export function normaliseGpuName(raw: string): NormalisedGpuName {
  let key = raw.trim().replace(/\s+/g, ' ').toLowerCase()
  key = key.replace(COUNT_PREFIX, '')

  const mig = MIG_SUFFIX.exec(key)
  if (mig !== null) key = key.slice(0, mig.index)
  const names = { key: key.replace(VENDOR_PREFIX, ''), aliasKey: key }

  return mig?.[1] === undefined ? names : { ...names, migProfile: mig[1] }
}
