// Writes a deterministic nvidia-smi CSV log of an 8-GPU node at 10 Hz up to
// a size in bytes, and prints (JSON, stdout) the exact energy per GPU that
// the trapezoid rule gives over the rows written: the benchmark's oracle.
//
//   node bench/generate-nvidia-smi.mjs --bytes 20000000 --out bench/out/x.csv
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { finished } from 'node:stream/promises'
import { parseArgs } from 'node:util'
import { createFleet } from './gpu-fleet.mjs'
import { FRAMES_PER_S } from './job-schedule.mjs'
import {
  formatFrame,
  formatTimestamp,
  HEADER,
  identityCells
} from './nvidia-smi-rows.mjs'
import { createRandom } from './random.mjs'
import { TrapezoidOracle } from './trapezoid-oracle.mjs'

/** 1 GiB, the size the benchmark goal is stated for. */
const DEFAULT_BYTES = 1_073_741_824
const DEFAULT_SEED = 20260105

/** First frame: 2026-01-05 10:00:00.100 UTC. */
const START_MS = Date.UTC(2026, 0, 5, 10, 0, 0, 100)
const FRAME_MS = 1000 / FRAMES_PER_S

/** Text is handed to the stream in pieces of about this many bytes. */
const CHUNK_BYTES = 1 << 20

/**
 * Writes whole frames while the file stays within `targetBytes`.
 * @param {string} path
 * @param {number} targetBytes
 * @param {number} seed
 */
async function generateLog(path, targetBytes, seed) {
  const fleet = createFleet(createRandom(seed))
  const identities = fleet.gpus.map(identityCells)
  const oracle = new TrapezoidOracle(fleet.gpus.length)
  const out = new ChunkedWriter(createWriteStream(path))
  await out.add(`${HEADER}\n`)

  let timeMs = START_MS
  let frames = 0
  for (;;) {
    fleet.step()
    const powersCw = fleet.gpus.map(gpu => Math.round(gpu.powerW * 100))
    const text = formatFrame(timeMs, identities, fleet.gpus, powersCw)
    if (out.bytes + text.length > targetBytes) break
    await out.add(text)
    powersCw.forEach((powerCw, gpu) => oracle.add(gpu, timeMs, powerCw))
    frames += 1
    timeMs += FRAME_MS
  }
  await out.close()
  return summarize(
    { path, targetBytes, seed, fileBytes: out.bytes, frames },
    fleet,
    oracle
  )
}

/** Gathers text and writes it in ~1 MiB pieces, waiting on backpressure. */
class ChunkedWriter {
  /** @param {import('node:fs').WriteStream} stream */
  constructor(stream) {
    this.stream = stream
    this.parts = []
    this.pendingBytes = 0
    this.bytes = 0
  }

  /** @param {string} text ASCII only, so its length is its size in bytes */
  async add(text) {
    this.parts.push(text)
    this.pendingBytes += text.length
    this.bytes += text.length
    if (this.pendingBytes >= CHUNK_BYTES) await this.flush()
  }

  async flush() {
    const chunk = this.parts.join('')
    this.parts = []
    this.pendingBytes = 0
    if (!this.stream.write(chunk)) await once(this.stream, 'drain')
  }

  async close() {
    await this.flush()
    this.stream.end()
    await finished(this.stream)
  }
}

/** The oracle JSON. */
function summarize(file, fleet, oracle) {
  const lastMs = START_MS + (file.frames - 1) * FRAME_MS
  const gpus = fleet.gpus.map(gpu => ({
    index: gpu.index,
    uuid: gpu.uuid,
    samples: oracle.samples[gpu.index],
    energyJ: oracle.energyJ(gpu.index)
  }))
  return {
    format: 'nvidia-smi-csv',
    ...file,
    rows: file.frames * fleet.gpus.length,
    intervalMs: FRAME_MS,
    first: formatTimestamp(START_MS),
    last: formatTimestamp(lastMs),
    durationS: (lastMs - START_MS) / 1000,
    gpus,
    totalEnergyJ: gpus.reduce((sum, gpu) => sum + gpu.energyJ, 0)
  }
}

/** Reads `--bytes`, `--out` and `--seed`. */
function readArgs() {
  const { values } = parseArgs({
    options: {
      bytes: { type: 'string', default: String(DEFAULT_BYTES) },
      out: { type: 'string', default: 'bench/out/nvidia-smi.csv' },
      seed: { type: 'string', default: String(DEFAULT_SEED) }
    }
  })
  const bytes = Number(values.bytes)
  if (!Number.isSafeInteger(bytes) || bytes < 4096) {
    throw new Error(`--bytes must be an integer ≥ 4096, got "${values.bytes}"`)
  }
  return { bytes, out: values.out, seed: Number(values.seed) }
}

const { bytes, out, seed } = readArgs()
const summary = await generateLog(out, bytes, seed)
process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`)
