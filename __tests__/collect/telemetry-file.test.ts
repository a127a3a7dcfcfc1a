import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { finishTelemetry } from '../../src/collect/finish-telemetry.js'
import { claimOutput } from '../../src/collect/output-layout.js'
import { SpoolWriter } from '../../src/collect/spool-writer.js'
import type { HeaderFacts } from '../../src/collect/telemetry-header.js'
import { telemetryArtifactName } from '../../src/github/artifact-name.js'
import { TelemetryRecord } from '../../src/telemetry/formats/ecocompute-jsonl-schema.js'

const dir = mkdtempSync(join(tmpdir(), 'eco-file-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const STARTED_MS = Date.UTC(2026, 2, 1, 12, 0, 0)

/** Header facts of one GPU and one RAPL package. */
function facts(): HeaderFacts {
  return {
    host: 'node-7',
    startedMs: STARTED_MS,
    intervalMs: 500,
    driverVersion: '550.54.15',
    run: { workflow: 'CI', job: 'train', matrixKey: 'a', runAttempt: 1 },
    devices: [
      {
        key: '0',
        kind: 'gpu',
        index: 0,
        name: 'NVIDIA H100 80GB HBM3',
        power_field: 'power.draw.instant'
      },
      {
        key: 'cpu0',
        kind: 'cpu',
        name: 'Fake CPU',
        energy_wrap_mj: 262143328.85
      }
    ],
    sources: ['nvidia-smi …', 'RAPL']
  }
}

/** Lines of a file as objects. */
function records(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map(line => JSON.parse(line) as Record<string, unknown>)
}

describe('the telemetry file', () => {
  it('is valid ecocompute.telemetry/v1 line by line, with the end time in the header and a footer count', async () => {
    const layout = await claimOutput(join(dir, 'clean'), 'smoke', 'node-7')
    writeFileSync(layout.headerPath, JSON.stringify(facts()))
    const spool = new SpoolWriter(layout.samplesPath)
    spool.sample({
      timeMs: STARTED_MS + 100,
      device: '0',
      powerW: 400.5,
      utilizationPct: 97,
      temperatureC: 61
    })
    spool.sample({ timeMs: STARTED_MS + 100, device: 'cpu0', energyMJ: 1234.5 })
    spool.sample({ timeMs: STARTED_MS + 600, device: '0', powerW: null })
    spool.event({
      timeMs: STARTED_MS + 600,
      event: 'lost',
      device: '0',
      message: 'nvidia-smi: [GPU is lost]'
    })
    // Not later than the last reading of its series: left out, counted.
    spool.sample({ timeMs: STARTED_MS + 600, device: '0', powerW: 410 })
    expect(spool.outOfOrder).toBe(1)
    await spool.close()

    const done = await finishTelemetry(layout, { endedMs: STARTED_MS + 1000 })
    expect(done).toEqual({
      path: join(dir, 'clean', 'smoke-node-7.jsonl'),
      samples: 3,
      endedMs: STARTED_MS + 1000
    })
    const lines = records(done.path)
    for (const line of lines)
      expect(TelemetryRecord.safeParse(line).success).toBe(true)
    expect(lines[0]).toMatchObject({
      started: '2026-03-01T12:00:00.000Z',
      ended: '2026-03-01T12:00:01.000Z',
      host: 'node-7',
      matrix_key: 'a',
      gpu_models: ['NVIDIA H100 80GB HBM3']
    })
    expect(lines[1]).toEqual({
      t: '2026-03-01T12:00:00.100Z',
      d: '0',
      p_w: 400.5,
      u_pct: 97,
      temp_c: 61
    })
    expect(lines[3]).toEqual({
      t: '2026-03-01T12:00:00.600Z',
      d: '0',
      p_w: null
    })
    expect(lines.at(-1)).toEqual({
      kind: 'footer',
      t: '2026-03-01T12:00:01.000Z',
      samples: 3
    })
    expect(existsSync(layout.spoolDir)).toBe(false)
  })

  it('is written from the spool after a crash: the cut-off last line is dropped and a note says so', async () => {
    const layout = await claimOutput(join(dir, 'crash'), 'telemetry', 'node-7')
    writeFileSync(layout.headerPath, JSON.stringify(facts()))
    const whole = [
      '{"t":"2026-03-01T12:00:00.500Z","d":"0","p_w":400}',
      '{"t":"2026-03-01T12:00:01.000Z","d":"0","p_w":402}'
    ]
    writeFileSync(
      layout.samplesPath,
      `${whole.join('\n')}\n{"t":"2026-03-01T12:00:01.5`
    )

    const done = await finishTelemetry(layout, undefined)
    const lines = records(done.path)
    expect(lines[0]).toMatchObject({ ended: '2026-03-01T12:00:01.000Z' })
    expect(lines.slice(1, 3)).toEqual(
      whole.map(text => JSON.parse(text) as unknown)
    )
    expect(lines[3]).toMatchObject({
      kind: 'event',
      event: 'note',
      message: expect.stringContaining('did not stop cleanly')
    })
    expect(lines[4]).toEqual({
      kind: 'footer',
      t: '2026-03-01T12:00:01.000Z',
      samples: 2
    })
  })

  it('claims a new stem rather than overwrite a finished file', async () => {
    const out = join(dir, 'claims')
    mkdirSync(out)
    writeFileSync(join(out, 'telemetry-n.jsonl'), '')
    expect((await claimOutput(out, 'telemetry', 'n')).stem).toBe(
      'telemetry-n-2'
    )
    expect((await claimOutput(out, 'telemetry', 'n')).stem).toBe(
      'telemetry-n-3'
    )
    expect(
      (await claimOutput(out, 'Smoke Test', 'GPU-Node.example.org')).stem
    ).toBe('smoke-test-gpu-node.example.org')
  })
})

describe('the telemetry artifact name (DESIGN §6)', () => {
  it('is ecocompute-telemetry-<workflow>-<job>[-<matrix-key>]-<attempt>, sanitised', () => {
    expect(telemetryArtifactName('GPU CI / nightly', 'train', 'h100', 2)).toBe(
      'ecocompute-telemetry-gpu-ci-nightly-train-h100-2'
    )
    expect(telemetryArtifactName('CI', 'train', undefined, 1)).toBe(
      'ecocompute-telemetry-ci-train-1'
    )
    expect(telemetryArtifactName('', '', '', 1)).toBe(
      'ecocompute-telemetry-default-default-1'
    )
  })
})
