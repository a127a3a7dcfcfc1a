import { describe, expect, it } from '@jest/globals'
import { DeviceAccumulator } from '../../src/model/device-accumulator.js'
import type { DeviceOutcome } from '../../src/model/device-outcome.js'
import type { DeviceSpec } from '../../src/model/device-spec.js'
import type { PowerField } from '../../src/telemetry/sink.js'

/** A 400 W board idling at 50 W (40–60 W), ±5 W per reading. */
const SPEC: DeviceSpec = {
  hardwareId: 'test-gpu',
  idleW: 50,
  idleLowW: 40,
  idleHighW: 60,
  maxPowerW: 400,
  plausibleMaxW: 1500,
  accuracyW: 5,
  estimateSpread: 0
}
const T0 = Date.UTC(2024, 5, 1, 12)
const at = (timeS: number): number => T0 + timeS * 1000

/** An accumulator fed the way FileSink feeds it. */
class Device {
  readonly accumulator: DeviceAccumulator
  private line = 1

  constructor(field: PowerField = 'power.draw') {
    this.accumulator = new DeviceAccumulator(SPEC, field, 'gpu.jsonl')
  }

  power(timeS: number, powerW: number | null): this {
    this.accumulator.seen(at(timeS))
    this.accumulator.power.add(at(timeS), powerW, ++this.line, Number.NaN)
    return this
  }

  counter(timeS: number, energyMJ: number): this {
    this.accumulator.seen(at(timeS))
    this.accumulator.counterSeries().add(at(timeS), energyMJ, ++this.line)
    return this
  }

  utilization(timeS: number, percent: number): this {
    this.accumulator.seen(at(timeS))
    this.accumulator.utilization.add(at(timeS), percent)
    return this
  }

  outcome(): DeviceOutcome {
    return this.accumulator.outcome()
  }
}

const codes = (outcome: DeviceOutcome): string[] =>
  outcome.findings.map(f => f.code)

describe('DeviceAccumulator method choice', () => {
  it('integrates power samples when nothing better exists, recording the field', () => {
    const device = new Device('power.draw.instant')
    for (let t = 0; t <= 10; t++) device.power(t, 200)
    const outcome = device.outcome()

    expect(outcome.level).toBe('L2')
    expect(outcome.field).toBe('power.draw.instant')
    expect(outcome.energy.valueJ).toBeCloseTo(2000, 9)
    // ±5 W per reading over the 10 s measured.
    expect(outcome.energy.lowJ).toBeCloseTo(2000 - 50, 9)
    expect(outcome.energy.highJ).toBeCloseTo(2000 + 50, 9)
    expect(outcome.dynamic.valueJ).toBeCloseTo((200 - 50) * 10, 9)
    expect(outcome.meanW).toBeCloseTo(200, 9)
    expect(outcome.samples).toBe(11)
  })

  it('prefers an energy counter to power samples', () => {
    const device = new Device()
    for (let t = 0; t <= 10; t++) {
      device.power(t, 100).counter(t, 1_000_000 + t * 105_000)
    }
    const outcome = device.outcome()
    expect(outcome.field).toBe('energy-counter')
    // 105 J a second for 10 s; power says 100 W, within 20 %.
    expect(outcome.energy.valueJ).toBeCloseTo(1050, 9)
    expect(codes(outcome)).not.toContain('counter-power-mismatch')
  })

  it('warns when counter and power differ by more than 20 % and keeps the counter (B41)', () => {
    const device = new Device()
    // Same 5 s window: counter delta 190 J, power 65 W ⇒ 325 J.
    for (let t = 0; t <= 5; t++) {
      device.power(t, 65).counter(t, 7_000_000 + t * 38_000)
    }
    const outcome = device.outcome()
    expect(outcome.field).toBe('energy-counter')
    expect(outcome.energy.valueJ).toBeCloseTo(190, 9)
    expect(codes(outcome)).toContain('counter-power-mismatch')
  })

  it('prefers energies measured over windows to a counter and power', () => {
    const device = new Device()
    for (let t = 0; t <= 10; t++) {
      device.power(t, 100).counter(t, 1_000_000 + t * 100_000)
    }
    device.accumulator.addWindow(at(0), at(10), 1234)
    const outcome = device.outcome()
    expect(outcome.field).toBe('energy-window')
    expect(outcome.energy.valueJ).toBe(1234)
    expect(outcome.level).toBe('L2')
  })

  it('falls back to power when the counter has no measured interval', () => {
    const device = new Device()
    for (let t = 0; t <= 10; t++) device.power(t, 100)
    device.counter(0, 5_000_000)
    const outcome = device.outcome()
    expect(outcome.field).toBe('power.draw')
    expect(outcome.energy.valueJ).toBeCloseTo(1000, 9)
  })

  it('falls back to L1 at maximum board power × observed time without usable power', () => {
    const device = new Device()
    for (let t = 0; t <= 10; t++) device.power(t, null)
    const outcome = device.outcome()

    expect(outcome.level).toBe('L1')
    expect(outcome.field).toBe('none')
    expect(outcome.energy.valueJ).toBeCloseTo(400 * 10, 9)
    expect(outcome.energy.lowJ).toBeCloseTo(40 * 10, 9)
    expect(outcome.energy.highJ).toBeCloseTo(400 * 10, 9)
    expect(outcome.measuredS).toBe(0)
    expect(codes(outcome)).toEqual(
      expect.arrayContaining(['level-fallback', 'missing-power'])
    )
  })

  it('estimates L1 from utilisation between idle and maximum power when it was logged', () => {
    const device = new Device()
    for (let t = 0; t <= 10; t++) device.power(t, null).utilization(t, 50)
    const outcome = device.outcome()
    // P = 50 + (400 − 50) × 0.5 = 225 W for 10 s.
    expect(outcome.level).toBe('L1')
    expect(outcome.field).toBe('utilization')
    expect(outcome.energy.valueJ).toBeCloseTo(2250, 9)
  })

  it('falls back to L1 when every interval is a gap', () => {
    const device = new Device()
    device.power(0, 0).power(3600, 400)
    const outcome = device.outcome()
    expect(outcome.level).toBe('L1')
    expect(outcome.measuredS).toBe(0)
    // Never the 720 kJ a bridged trapezoid would invent as measured.
    expect(outcome.energy.valueJ).not.toBeCloseTo(720_000, 0)
    // The hole is still reported, though nothing was filled (B36).
    expect(codes(outcome)).toContain('gap')
    expect(outcome.gapCount).toBe(1)
    expect(outcome.gaps).toEqual([])
  })
})

describe('DeviceAccumulator gap filling', () => {
  it('fills a power gap at the time-weighted mean and bounds it by idle and the board maximum', () => {
    const device = new Device()
    for (let t = 0; t <= 10; t++) device.power(t, 100)
    for (let t = 60; t <= 90; t++) device.power(t, 200)
    const outcome = device.outcome()

    const measuredJ = 10 * 100 + 30 * 200
    const measuredS = 40
    const meanW = measuredJ / measuredS
    const gapS = 50
    expect(outcome.measuredS).toBeCloseTo(measuredS, 9)
    expect(outcome.meanW).toBeCloseTo(meanW, 9)
    expect(outcome.energy.valueJ).toBeCloseTo(measuredJ + meanW * gapS, 9)
    expect(outcome.energy.lowJ).toBeCloseTo(
      measuredJ - 5 * measuredS + SPEC.idleLowW * gapS,
      9
    )
    // The gap could have run at up to the board's 400 W maximum.
    expect(outcome.energy.highJ).toBeCloseTo(
      measuredJ + 5 * measuredS + SPEC.maxPowerW * gapS,
      9
    )
    expect(outcome.gaps).toEqual([
      { startMs: at(10), endMs: at(60), filledJ: meanW * gapS }
    ])
    expect(outcome.gapCount).toBe(1)
    expect(codes(outcome)).toContain('gap')
  })

  it('fills the interval across a counter reset at the counter mean (B29)', () => {
    const device = new Device()
    device
      .counter(0, 1_500_000)
      .counter(10, 3_500_000)
      .counter(20, 12_500)
      .counter(30, 2_012_500)
    const outcome = device.outcome()

    const measuredJ = 2000 + 2000
    const meanW = measuredJ / 20
    expect(outcome.field).toBe('energy-counter')
    expect(outcome.measuredS).toBe(20)
    expect(outcome.energy.valueJ).toBeCloseTo(measuredJ + meanW * 10, 9)
    expect(outcome.gaps).toEqual([
      { startMs: at(10), endMs: at(20), filledJ: meanW * 10 }
    ])
    expect(codes(outcome)).toContain('counter-reset')
    // Low: measured − 5 W × 20 s, plus idle-low over the 10 s gap.
    expect(outcome.energy.lowJ).toBeCloseTo(4000 - 100 + 40 * 10, 9)
    expect(outcome.energy.highJ).toBeGreaterThanOrEqual(outcome.energy.valueJ)
  })

  it('bounds the gap across a counter reset above by the maximum board power when there are no power samples', () => {
    const device = new Device()
    device
      .counter(0, 1_500_000)
      .counter(10, 3_500_000)
      .counter(20, 12_500)
      .counter(30, 2_012_500)
    const outcome = device.outcome()
    // Measured 4000 J over 20 s ± 5 W, plus the 10 s gap at up to 400 W.
    expect(outcome.energy.highJ).toBeCloseTo(4000 + 5 * 20 + 400 * 10, 9)
  })
})
