import { readFileSync } from 'node:fs'
import { afterAll, describe, expect, it } from '@jest/globals'
import type { AuditOptions } from '../../src/audit/audit-options.js'
import type { AuditResult } from '../../src/audit/audit-schema.js'
import { runAuditOnSources } from '../../src/audit/audit-sources.js'
import { runAudit } from '../../src/audit/run-audit.js'
import {
  bytesSource,
  type TelemetrySource
} from '../../src/telemetry/telemetry-source.js'
import { describeReal, realFile } from '../helpers/real-files.js'
import { smiTime, TempTelemetry } from '../helpers/temp-telemetry.js'

/**
 * The browser's audit path (sources of bytes, no file system) against the
 * CLI's (paths): the same parsers and model must give the same result,
 * however the bytes are cut into chunks.
 */
const files = new TempTelemetry()
afterAll(() => files.remove())

/** `bytes` in chunks of `size` bytes, named like the file. */
function chunkedSource(
  name: string,
  bytes: Uint8Array,
  size: number
): TelemetrySource {
  return {
    name,
    size: bytes.length,
    head: maxBytes => Promise.resolve(bytes.subarray(0, maxBytes)),
    chunks: async function* () {
      for (let start = 0; start < bytes.length; start += size) {
        yield await Promise.resolve(
          new Uint8Array(bytes.subarray(start, start + size))
        )
      }
    }
  }
}

/** A result without the time it was made, for comparing two runs. */
function comparable(result: AuditResult): Partial<AuditResult> {
  const copy: Partial<AuditResult> = { ...result }
  delete copy.created
  return copy
}

/** Audits `path` both ways, with chunk sizes that cut lines and characters. */
async function expectSameBothWays(
  path: string,
  options: AuditOptions
): Promise<void> {
  const byPath = comparable(await runAudit([path], options))
  const bytes = new Uint8Array(readFileSync(path))
  for (const size of [7, 4099, 1 << 20]) {
    const bySource = await runAuditOnSources(
      [chunkedSource(path, bytes, size)],
      options
    )
    expect(comparable(bySource)).toEqual(byPath)
  }
}

describe('runAuditOnSources', () => {
  it('audits bytes in memory exactly as runAudit audits the file', async () => {
    const rows = [0, 1, 2, 3].map(
      s => `${smiTime(Date.UTC(2024, 5, 1, 12, 0, s))}, GPU-a, 300.00 W`
    )
    const text = `\uFEFFtimestamp, uuid, power.draw [W]\r\n${rows.join('\r\n')}\r\n`
    const path = files.write('smi.csv', text)
    await expectSameBothWays(path, {})
    // 3 s at a constant 300 W, worked by hand: 900 J at the GPU.
    const result = await runAuditOnSources(
      [bytesSource('smi.csv', new TextEncoder().encode(text))],
      {}
    )
    expect(result.energy.gpu_kwh * 3.6e6).toBeCloseTo(900, 9)
  })

  it('names an empty, a UTF-16 and an unrecognised source, like a file', async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, 0x74, 0, 0x69, 0])
    const sources = [
      bytesSource('empty.csv', new Uint8Array(0)),
      bytesSource('wide.csv', utf16),
      bytesSource('notes.txt', new TextEncoder().encode('hello\nworld\n'))
    ]
    await expect(runAuditOnSources(sources, {})).rejects.toThrow(
      /empty\.csv: the file is empty[\s\S]*wide\.csv: the file is UTF-16 text[\s\S]*notes\.txt: not a recognised telemetry format/
    )
  })
})

describeReal('runAuditOnSources on the real telemetry files', () => {
  const cases: [string, AuditOptions][] = [
    ['v100-nvsmi-nounits-20k.csv', {}],
    ['h100x8-custom-isots.csv', {}],
    ['headerless-nvsmi-units-5s.csv', {}],
    ['stuckpower-unknownerror-nvsmi.csv', {}],
    ['dcgm-8gpu-fieldvalues-usec.csv', {}],
    ['codecarbon-a100-emissions.csv', {}],
    ['h100-dcgmi-dmon-sd.txt', { intervalMs: 50 }]
  ]
  it.each(cases)(
    '%s gives the same audit from chunks as from the path',
    async (name, options) => {
      await expectSameBothWays(realFile(name), options)
    },
    30_000
  )
})
