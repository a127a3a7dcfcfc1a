import { DeviceAccumulator } from '../model/device-accumulator.js'
import type { DeviceSpec } from '../model/device-spec.js'
import type {
  DeviceIdentity,
  FileFact,
  TelemetrySink,
  WarningCode
} from '../telemetry/sink.js'
import { formatInstant, isPlausibleTimeMs } from '../telemetry/timestamps.js'

/** Rejected rows quoted one by one; the rest are counted. */
const REJECTS_QUOTED = 20

/** One device read from one file, with its catalogue facts. */
export interface FileDevice {
  identity: DeviceIdentity
  spec: DeviceSpec
  /** Name of the catalogue record, or why there is none. */
  hardwareNote: string | undefined
  accumulator: DeviceAccumulator
}

/** Resolves the catalogue facts of a device when it is first seen. */
export type SpecResolver = (identity: DeviceIdentity) => {
  spec: DeviceSpec
  note: string | undefined
}

/** Collects everything one file's parser reports. */
export class FileSink implements TelemetrySink {
  readonly devices: FileDevice[] = []
  readonly rejected: { line: number; reason: string }[] = []
  rejectedCount = 0
  readonly warnings: { code: WarningCode; message: string; line?: number }[] =
    []
  readonly facts: FileFact[] = []
  /** The highest line number any reading or rejection came from. */
  lastLine = 0
  /** Readings accepted: power, utilisation, counter and window calls. */
  readings = 0

  constructor(
    readonly file: string,
    private readonly resolveSpec: SpecResolver
  ) {}

  /** Registers a device and returns its handle. */
  device(identity: DeviceIdentity): number {
    const { spec, note } = this.resolveSpec(identity)
    const accumulator = new DeviceAccumulator(
      spec,
      identity.powerField,
      this.file
    )
    this.devices.push({ identity, spec, hardwareNote: note, accumulator })
    return this.devices.length - 1
  }

  /** One power reading. */
  power(
    device: number,
    timeMs: number,
    powerW: number | null,
    line: number,
    aux: number
  ): void {
    this.accept(device, line, timeMs)?.power.add(timeMs, powerW, line, aux)
  }

  /** One utilisation reading. */
  utilization(
    device: number,
    timeMs: number,
    percent: number,
    line: number
  ): void {
    this.accept(device, line, timeMs)?.utilization.add(timeMs, percent)
  }

  /** One energy-counter reading. */
  counter(
    device: number,
    timeMs: number,
    energyMJ: number,
    line: number,
    wrapRangeMJ?: number
  ): void {
    this.accept(device, line, timeMs)
      ?.counterSeries()
      .add(timeMs, energyMJ, line, wrapRangeMJ)
  }

  /** One tool-measured energy window. */
  energyWindow(
    device: number,
    startMs: number,
    endMs: number,
    energyJ: number,
    line: number
  ): void {
    this.accept(device, line, startMs, endMs)?.addWindow(
      startMs,
      endMs,
      energyJ
    )
  }

  /**
   * Counts a reading and returns its device's accumulator, marked as seen
   * at its times; undefined (and the row rejected) when a time is outside
   * 1970–2200, which no clock gives.
   */
  private accept(
    device: number,
    line: number,
    startMs: number,
    endMs = startMs
  ): DeviceAccumulator | undefined {
    // Called once per row of a large log: no allocation on this path.
    this.lastLine = Math.max(this.lastLine, line)
    const bad = !isPlausibleTimeMs(startMs)
      ? startMs
      : !isPlausibleTimeMs(endMs)
        ? endMs
        : undefined
    if (bad !== undefined) {
      this.reject(
        line,
        `time ${formatInstant(bad)} is outside 1970–2200: expected a real clock or a time counted from the start`
      )
      return undefined
    }
    this.readings++
    const accumulator = this.devices[device]!.accumulator
    accumulator.seen(startMs)
    if (endMs !== startMs) accumulator.seen(endMs)
    return accumulator
  }

  /** A rejected row: the first few quoted, all counted. */
  reject(line: number, reason: string): void {
    this.lastLine = Math.max(this.lastLine, line)
    this.rejectedCount++
    if (this.rejected.length < REJECTS_QUOTED)
      this.rejected.push({ line, reason })
  }

  /** A warning from the parser. */
  warn(code: WarningCode, message: string, line?: number): void {
    this.warnings.push({ code, message, line })
  }

  /** A file-level fact. */
  fileFact(fact: FileFact): void {
    this.facts.push(fact)
  }
}
