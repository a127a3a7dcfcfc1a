import { describe, expect, it } from '@jest/globals'
import { renderBreakdown } from '../../src/report/markdown-breakdown.js'
import { buildAuditResult, buildDevice } from './audit-fixture.js'

describe('renderBreakdown', () => {
  it('is absent for one job on one node', () => {
    const result = buildAuditResult(draft => {
      draft.devices = [buildDevice(0), buildDevice(1)]
    })
    expect(renderBreakdown(result)).toBeUndefined()
  })

  it('gives each job and node its energy and share, largest first', () => {
    // Jobs: train-a 2 × 0.25 kWh = 0.5, train-b 1 × 1.5 kWh: shares 25 %, 75 %.
    const result = buildAuditResult(draft => {
      draft.devices = [
        buildDevice(0, d => setJob(d, 'train-a', 0.25)),
        buildDevice(1, d => setJob(d, 'train-a', 0.25)),
        buildDevice(2, d => {
          setJob(d, 'train-b', 1.5)
          d.node = 'node-b'
        })
      ]
    })

    const lines = renderBreakdown(result)?.split('\n') ?? []

    expect(lines[0]).toBe('### By job and node')
    expect(lines.filter(l => l.startsWith('| train'))).toEqual([
      '| train-b | node-b | 1 | 1.5 | 75 % |',
      '| train-a | node-a | 2 | 0.5 | 25 % |'
    ])
  })

  it('escapes job names that came from artifact names', () => {
    const result = buildAuditResult(draft => {
      draft.devices = [
        buildDevice(0, d => setJob(d, '<img src=x>|@team', 1)),
        buildDevice(1, d => setJob(d, 'other', 1))
      ]
    })
    const text = renderBreakdown(result) ?? ''
    expect(text).not.toContain('<img')
    expect(text).not.toMatch(/(^|[^`\\])@team/)
  })
})

/** Puts a device in a job with an exact energy. */
function setJob(
  device: {
    job: string | null
    energy_kwh: number
    low_kwh: number
    high_kwh: number
  },
  job: string,
  kWh: number
): void {
  device.job = job
  device.energy_kwh = kWh
  device.low_kwh = kWh
  device.high_kwh = kWh
}
