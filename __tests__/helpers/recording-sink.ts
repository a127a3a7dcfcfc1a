import type {
  DeviceIdentity,
  FileFact,
  TelemetrySink,
  WarningCode
} from '../../src/telemetry/sink.js'

/** Everything a parser pushed, kept in arrays for assertions. */
export class RecordingSink implements TelemetrySink {
  readonly devices: DeviceIdentity[] = []
  readonly powers: {
    device: number
    timeMs: number
    powerW: number | null
    line: number
    aux: number
  }[] = []
  readonly utilizations: {
    device: number
    timeMs: number
    percent: number
    line: number
  }[] = []
  readonly counters: {
    device: number
    timeMs: number
    energyMJ: number
    line: number
    wrapRangeMJ?: number
  }[] = []
  readonly windows: {
    device: number
    startMs: number
    endMs: number
    energyJ: number
    line: number
  }[] = []
  readonly rejects: { line: number; reason: string }[] = []
  readonly warnings: { code: WarningCode; message: string; line?: number }[] =
    []
  readonly facts: FileFact[] = []

  device(identity: DeviceIdentity): number {
    this.devices.push(identity)
    return this.devices.length - 1
  }

  power(
    device: number,
    timeMs: number,
    powerW: number | null,
    line: number,
    aux: number
  ): void {
    this.powers.push({ device, timeMs, powerW, line, aux })
  }

  utilization(
    device: number,
    timeMs: number,
    percent: number,
    line: number
  ): void {
    this.utilizations.push({ device, timeMs, percent, line })
  }

  counter(
    device: number,
    timeMs: number,
    energyMJ: number,
    line: number,
    wrapRangeMJ?: number
  ): void {
    this.counters.push({ device, timeMs, energyMJ, line, wrapRangeMJ })
  }

  energyWindow(
    device: number,
    startMs: number,
    endMs: number,
    energyJ: number,
    line: number
  ): void {
    this.windows.push({ device, startMs, endMs, energyJ, line })
  }

  reject(line: number, reason: string): void {
    this.rejects.push({ line, reason })
  }

  warn(code: WarningCode, message: string, line?: number): void {
    this.warnings.push({ code, message, line })
  }

  fileFact(fact: FileFact): void {
    this.facts.push(fact)
  }

  /** Power readings of one device, in file order. */
  powersOf(device: number): { timeMs: number; powerW: number | null }[] {
    return this.powers.filter(p => p.device === device)
  }
}

/** Trapezoid energy in J over non-null readings, sorted by time (test oracle). */
export function trapezoidJ(
  readings: { timeMs: number; powerW: number | null }[]
): number {
  const valid = readings
    .filter(r => r.powerW !== null)
    .sort((a, b) => a.timeMs - b.timeMs)
  let energyJ = 0
  for (let i = 1; i < valid.length; i++) {
    const a = valid[i - 1]!
    const b = valid[i]!
    energyJ += ((b.timeMs - a.timeMs) / 1000) * ((a.powerW! + b.powerW!) / 2)
  }
  return energyJ
}
