// The generated nvidia-smi log under bench/out/ and its oracle: reused when
// it was made with the same size and seed, else written again.
import { readFile, rm, stat, writeFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { runNode } from './run-node.mjs'

/** Paths relative to the repository root. */
const OUT_DIR = 'bench/out'
const LOG_PATH = `${OUT_DIR}/nvidia-smi.csv`
const ORACLE_PATH = `${OUT_DIR}/nvidia-smi.oracle.json`

/**
 * The log for these flags and its oracle, and how fast it was generated
 * (null when an existing file was reused).
 * @param {string} root repository root
 * @param {{ bytes: number, seed: number }} flags
 */
export async function ensureLog(root, { bytes, seed }) {
  await mkdir(join(root, OUT_DIR), { recursive: true })
  const reusable = await readReusableOracle(root, bytes, seed)
  if (reusable) return { path: LOG_PATH, oracle: reusable, generation: null }

  process.stderr.write(`bench: generating ${LOG_PATH} (${bytes} bytes)…\n`)
  const args = [
    '--bytes',
    String(bytes),
    '--seed',
    String(seed),
    '--out',
    LOG_PATH
  ]
  const run = await runNode(['bench/generate-nvidia-smi.mjs', ...args], {
    cwd: root
  })
  if (run.code !== 0) {
    throw new Error(
      `the generator failed with exit code ${run.code}:\n${run.stderrTail}`
    )
  }
  await writeFile(join(root, ORACLE_PATH), run.stdout)
  const oracle = JSON.parse(run.stdout)
  const generation = {
    wallS: run.wallS,
    mbPerS: oracle.fileBytes / 1e6 / run.wallS
  }
  return { path: LOG_PATH, oracle, generation }
}

/**
 * The saved oracle, if the log beside it has the size it says and was made
 * for the same target size and seed; else null.
 * @param {string} root
 * @param {number} bytes
 * @param {number} seed
 */
async function readReusableOracle(root, bytes, seed) {
  try {
    const oracle = JSON.parse(await readFile(join(root, ORACLE_PATH), 'utf8'))
    const { size } = await stat(join(root, LOG_PATH))
    const same = oracle.targetBytes === bytes && oracle.seed === seed
    return same && oracle.fileBytes === size ? oracle : null
  } catch {
    return null
  }
}

/**
 * Deletes the log and its oracle (disk is limited).
 * @param {string} root
 */
export async function removeLog(root) {
  await rm(join(root, LOG_PATH), { force: true })
  await rm(join(root, ORACLE_PATH), { force: true })
}
