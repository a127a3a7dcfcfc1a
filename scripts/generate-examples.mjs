// Writes the example telemetry in examples/: synthetic logs in the exact
// shape nvidia-smi --query-gpu --format=csv prints, from a seeded generator,
// so the files are reproducible byte for byte (node scripts/generate-examples.mjs).
import { writeFileSync } from 'node:fs'

const HEADER =
  'timestamp, index, uuid, name, pci.bus_id, power.draw [W], power.limit [W], utilization.gpu [%], memory.used [MiB], temperature.gpu'
const GPUS = [
  { uuid: 'GPU-3f2a9c1e-5b7d-4e8f-9a01-2b3c4d5e6f70', bus: '00000000:18:00.0' },
  { uuid: 'GPU-8c4b2d6e-1f3a-4b5c-8d9e-0f1a2b3c4d5e', bus: '00000000:2A:00.0' }
]

/** Small deterministic PRNG (mulberry32). */
function prng(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Phase of a 15-minute smoke run at second `s`: idle, train, eval, idle. */
function phase(s) {
  if (s < 60) return { watts: 71, util: 0 }
  if (s < 660) return { watts: 610, util: 97 }
  if (s < 840) return { watts: 340, util: 55 }
  return { watts: 74, util: 0 }
}

/** nvidia-smi's local timestamp format. */
function stamp(ms) {
  const d = new Date(ms)
  const pad = (n, w = 2) => String(n).padStart(w, '0')
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`
}

/** The 2 × H100 smoke-training log, 1 s cadence, 15 minutes. */
function smokeTraining() {
  const random = prng(20260105)
  const startMs = Date.UTC(2026, 0, 5, 10, 0, 0, 120)
  const lines = [HEADER]
  for (let s = 0; s <= 900; s++) {
    GPUS.forEach((gpu, index) => {
      const { watts, util } = phase(s)
      const power = watts * (1 + (random() - 0.5) * (util > 0 ? 0.08 : 0.02))
      const memory = util > 0 ? 61234 + Math.round(random() * 500) : 4
      const temperature = util > 0 ? 62 + Math.round(random() * 6) : 34
      lines.push(
        `${stamp(startMs + s * 1000)}, ${index}, ${gpu.uuid}, NVIDIA H100 80GB HBM3, ${gpu.bus}, ${power.toFixed(2)} W, 700.00 W, ${util} %, ${memory} MiB, ${temperature}`
      )
    })
  }
  return `${lines.join('\n')}\n`
}

writeFileSync('examples/h100x2-smoke-train.csv', smokeTraining())
