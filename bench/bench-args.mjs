// Flags of `npm run bench`, read and checked once.
import { parseArgs } from 'node:util'

/** 1 GiB, the size the benchmark goal is stated for. */
const DEFAULT_BYTES = 1_073_741_824

/** Seed of the generated log; change it only to get a different file. */
const DEFAULT_SEED = 20260105

/**
 * `--bytes N` (file size, default 1 GiB), `--repeat N` (runs per workload,
 * median reported, default 1), `--keep` (keep the generated file),
 * `--seed N`.
 * @param {string[]} args
 */
export function readBenchArgs(args) {
  const { values } = parseArgs({
    args,
    options: {
      bytes: { type: 'string', default: String(DEFAULT_BYTES) },
      repeat: { type: 'string', default: '1' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      keep: { type: 'boolean', default: false }
    }
  })
  return Object.freeze({
    bytes: integerFlag('bytes', values.bytes, 4096),
    repeat: integerFlag('repeat', values.repeat, 1),
    seed: integerFlag('seed', values.seed, 1),
    keep: values.keep
  })
}

/**
 * @param {string} name
 * @param {string} text
 * @param {number} min
 */
function integerFlag(name, text, min) {
  const value = Number(text)
  if (!Number.isSafeInteger(value) || value < min) {
    throw new Error(`--${name} must be an integer ≥ ${min}, got "${text}"`)
  }
  return value
}
