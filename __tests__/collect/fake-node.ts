import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { findOnPath } from '../../src/collect/collect-config.js'

/** One fake GPU: identity, the power series it cycles through, faults. */
export interface FakeGpu {
  index: number
  uuid: string
  name: string
  bus: string
  limitW: number
  /** power.draw.instant per frame, cycled; power.draw prints 1 W less, average 2 W less. */
  powerW: number[]
  /** Every Nth frame prints `[N/A]` power cells. */
  naEvery?: number
  /** The driver knows power.draw.instant but this GPU answers `[N/A]`. */
  noInstant?: boolean
  /** After this many frames the GPU is lost. */
  lostAfterFrames?: number
  lostStyle?: 'cells' | 'error-line' | 'vanish'
  migs?: string[]
  /** What the fake dcgmi reports as POWER; TOTEC grows by it. */
  dcgmPowerW?: number
  totecNa?: boolean
}

/** The fake tools' spec, written to a JSON file they read. */
export interface FakeSpec {
  gpus: FakeGpu[]
  driver: string
  /** Fields beyond the basic ones this driver knows (power.draw.instant…). */
  driverFields?: string[]
  extraFields?: string[]
  /** nvidia-smi fails every call with this output and exit code. */
  fail?: { message: string; code: number }
  /** nvidia-smi never answers any call (a hung driver). */
  hang?: boolean
  /** The looping nvidia-smi prints its first row only after this. */
  firstRowDelayMs?: number
  /** With a dcgm block, a fake dcgmi is on PATH too. */
  dcgm?: { fail?: string }
}

/** One row the fake nvidia-smi printed while looping. */
export interface EmittedRow {
  index: number
  frame: number
  fields: string[]
  cells: string[]
}

const FAKES = resolve('__tests__/collect/fakes')

/** Tools the collected commands need, linked into the hermetic PATH. */
const SYSTEM_TOOLS = ['sh', 'sleep', 'true', 'kill', 'cat']

/**
 * A temporary node: fake nvidia-smi (and dcgmi) on a PATH that holds
 * nothing else NVIDIA, a fake powercap tree and a fake /proc.
 */
export class FakeNode {
  readonly dir = mkdtempSync(join(tmpdir(), 'eco-node-'))
  readonly bin = join(this.dir, 'bin')
  readonly powercapRoot = join(this.dir, 'powercap')
  readonly procRoot = join(this.dir, 'proc')
  readonly emittedLog = join(this.dir, 'emitted.jsonl')
  readonly dcgmLog = join(this.dir, 'dcgm-emitted.jsonl')
  readonly callLog = join(this.dir, 'nvidia-smi-calls.jsonl')
  readonly outDir = join(this.dir, 'out')

  constructor(
    readonly spec: FakeSpec,
    readonly host = 'gpu-node-1'
  ) {
    mkdirSync(this.bin)
    const specPath = join(this.dir, 'spec.json')
    const dcgm = spec.dcgm
      ? { ...spec.dcgm, emittedLog: this.dcgmLog }
      : undefined
    writeFileSync(
      specPath,
      JSON.stringify({
        ...spec,
        dcgm,
        emittedLog: this.emittedLog,
        callLog: this.callLog
      })
    )
    this.tool('nvidia-smi', 'nvidia-smi.mjs')
    if (spec.dcgm) this.tool('dcgmi', 'dcgmi.mjs')
    for (const name of SYSTEM_TOOLS) {
      const found = findOnPath(name, process.env.PATH)
      if (found) symlinkSync(found, join(this.bin, name))
    }
    this.specPath = specPath
    this.writeProc(1000, 9000)
  }

  private readonly specPath: string

  /** Environment for the collector: hermetic PATH, roots, node name. */
  env(): Record<string, string> {
    return {
      PATH: this.bin,
      FAKE_GPU_SPEC: this.specPath,
      ECOCOMPUTE_POWERCAP_ROOT: this.powercapRoot,
      ECOCOMPUTE_PROC_ROOT: this.procRoot,
      ECOCOMPUTE_HOST: this.host,
      TZ: 'Asia/Kolkata'
    }
  }

  /** A RAPL zone folder with name, range and counter. */
  raplZone(
    folder: string,
    name: string,
    energyUJ: number,
    rangeUJ: number
  ): string {
    const path = join(this.powercapRoot, folder)
    mkdirSync(path, { recursive: true })
    writeFileSync(join(path, 'name'), `${name}\n`)
    writeFileSync(join(path, 'max_energy_range_uj'), `${rangeUJ}\n`)
    writeFileSync(join(path, 'energy_uj'), `${energyUJ}\n`)
    return join(path, 'energy_uj')
  }

  /** /proc/stat with one aggregate line, and /proc/cpuinfo. */
  writeProc(busyTicks: number, idleTicks: number): void {
    mkdirSync(this.procRoot, { recursive: true })
    writeFileSync(
      join(this.procRoot, 'stat'),
      `cpu  ${busyTicks} 0 0 ${idleTicks} 0 0 0 0 0 0\ncpu0 1 0 0 1 0 0 0 0 0 0\n`
    )
    writeFileSync(
      join(this.procRoot, 'cpuinfo'),
      'processor\t: 0\nmodel name\t: Fake CPU 9000 @ 3.00GHz\n'
    )
  }

  /** Rows the fake nvidia-smi printed while looping, in order. */
  emitted(): EmittedRow[] {
    return readJsonLines<EmittedRow>(this.emittedLog)
  }

  /** The arguments of every nvidia-smi call so far, in order. */
  smiCalls(): string[][] {
    return readJsonLines(this.callLog)
  }

  /** Rows the fake dcgmi printed. */
  dcgmEmitted(): { index: number; totec: string }[] {
    return readJsonLines(this.dcgmLog)
  }

  /** Deletes the node's folder. */
  remove(): void {
    rmSync(this.dir, { recursive: true, force: true })
  }

  private tool(name: string, script: string): void {
    const path = join(this.bin, name)
    writeFileSync(
      path,
      `#!/bin/sh\nexec "${process.execPath}" "${join(FAKES, script)}" "$@"\n`
    )
    chmodSync(path, 0o755)
  }
}

/** A JSON Lines file as objects; none when it does not exist. */
export function readJsonLines<T>(path: string): T[] {
  if (!existsSync(path)) return []
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(line => line.trim() !== '')
    .map(line => JSON.parse(line) as T)
}

/** Two H100s with distinct, repeating power series. */
export function twoGpuSpec(extra: Partial<FakeGpu>[] = []): FakeSpec {
  return {
    driver: '550.54.15',
    driverFields: ['power.draw.instant', 'power.draw.average'],
    gpus: [
      {
        index: 0,
        uuid: 'GPU-5f0d3c1e-0000-4a6b-9c1d-000000000000',
        name: 'NVIDIA H100 80GB HBM3',
        bus: '00000000:18:00.0',
        limitW: 700,
        powerW: [402.5, 405, 398.25, 410.75, 390],
        ...extra[0]
      },
      {
        index: 1,
        uuid: 'GPU-7a1b2c3d-1111-4e5f-8a9b-111111111111',
        name: 'NVIDIA H100 80GB HBM3',
        bus: '00000000:3B:00.0',
        limitW: 700,
        powerW: [120, 130.5, 250, 310.25],
        ...extra[1]
      }
    ]
  }
}

/**
 * Keeps a fake RAPL counter moving as a constant `powerW` would: every
 * 5 ms `energy_uj` becomes start + P·Δt (µJ), wrapping at `rangeUJ` like
 * the kernel's counter. Returns a function that stops it.
 */
export function runRaplCounter(
  path: string,
  powerW: number,
  startUJ: number,
  rangeUJ: number
): () => void {
  const t0 = Date.now()
  const write = (): void => {
    const energyUJ =
      Math.floor(startUJ + powerW * (Date.now() - t0) * 1000) % (rangeUJ + 1)
    writeFileSync(`${path}.tmp`, `${energyUJ}\n`)
    renameSync(`${path}.tmp`, path)
  }
  write()
  const timer = setInterval(write, 5)
  return () => clearInterval(timer)
}
