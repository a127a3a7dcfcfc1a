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

  /** Rejects a reading whose time no clock gives; true when it did. */
  private badTime(line: number, ...timesMs: number[]): boolean {
    if (timesMs.every(isPlausibleTimeMs)) return false
    const shown = timesMs.find(t => !isPlausibleTimeMs(t))!
    this.reject(
      line,
      `time ${formatInstant(shown)} is outside 1970–2200: expected a real clock or a time counted from the start`
    )
    return true
  }

  /** One power reading. */
  power(
    device: number,
    timeMs: number,
    powerW: number | null,
    line: number,
    aux: number
  ): void {
    if (this.badTime(line, timeMs)) return
    const accumulator = this.devices[device]!.accumulator
    this.lastLine = Math.max(this.lastLine, line)
    this.readings++
    accumulator.seen(timeMs)
    accumulator.power.add(timeMs, powerW, line, aux)
  }

  /** One utilisation reading. */
  utilization(
    device: number,
    timeMs: number,
    percent: number,
    line: number
  ): void {
    if (this.badTime(line, timeMs)) return
    const accumulator = this.devices[device]!.accumulator
    this.lastLine = Math.max(this.lastLine, line)
    this.readings++
    accumulator.seen(timeMs)
    accumulator.utilization.add(timeMs, percent)
  }

  /** One energy-counter reading. */
  counter(
    device: number,
    timeMs: number,
    energyMJ: number,
    line: number,
    wrapRangeMJ?: number
  ): void {
    if (this.badTime(line, timeMs)) return
    const accumulator = this.devices[device]!.accumulator
    this.lastLine = Math.max(this.lastLine, line)
    this.readings++
    accumulator.seen(timeMs)
    accumulator.counterSeries().add(timeMs, energyMJ, line, wrapRangeMJ)
  }

  /** One tool-measured energy window. */
  energyWindow(
    device: number,
    startMs: number,
    endMs: number,
    energyJ: number,
    line: number
  ): void {
    if (this.badTime(line, startMs, endMs)) return
    this.lastLine = Math.max(this.lastLine, line)
    this.readings++
    this.devices[device]!.accumulator.addWindow(startMs, endMs, energyJ)
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
