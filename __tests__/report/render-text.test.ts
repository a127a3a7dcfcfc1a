import { describe, expect, it } from '@jest/globals'
import { renderText } from '../../src/report/render-text.js'
import {
  FIXTURE_LICENCE,
  buildAuditResult,
  buildDevice,
  buildWarning
} from './audit-fixture.js'

describe('renderText', () => {
  it('starts with the level and the headline numbers with bounds', () => {
    const lines = renderText(buildAuditResult()).split('\n')
    expect(lines.slice(0, 8)).toEqual([
      'Sustainability audit: grounding L2, measured GPU power, PUE applied, host not modelled',
      '  Energy  1.1 kWh (1.02–1.23) at the facility',
      '          0.913 kWh IT energy before PUE, of which GPUs 0.913 kWh',
      '  Carbon  0.0394 kg CO2e (0.0306–0.0493) in SE, 36 gCO2e/kWh',
      '  Cost    not computed — no price given',
      '  Window  1 h 00 min on 2 devices (L2: 2)',
      '  Data    Ember yearly country averages, 2024',
      `  Licence ${FIXTURE_LICENCE}`
    ])
  })

  it('gives the cost with bounds and the change against base', () => {
    const result = buildAuditResult(draft => {
      Object.assign(draft.cost, { total_usd: 2.5, low_usd: 2, high_usd: 3 })
      draft.comparison = {
        baseline_source: 'run 42',
        change_percent: -3.21,
        verdict: 'pass',
        reasons: []
      }
    })
    const text = renderText(result)
    expect(text).toContain('  Cost    2.5 USD (2–3)\n')
    expect(text).toContain(
      '  vs base -3.21 % carbon, verdict pass, against run 42\n'
    )
  })

  it('writes one line per device under a header', () => {
    const result = buildAuditResult(draft => {
      draft.devices.push(
        buildDevice(2, device => {
          Object.assign(device, {
            name: null,
            hardware_id: null,
            level: 'L1',
            mean_w: null
          })
        })
      )
    })
    const lines = renderText(result).split('\n')
    const start = lines.findIndex(line => line.startsWith('Devices (3)'))
    expect(lines.slice(start, start + 4)).toEqual([
      'Devices (3)               name                lvl  energy kWh (low–high)   mean/max W    coverage',
      '  node-a/GPU-0000         NVIDIA H100 80GB …  L2   0.457 (0.44–0.473)      457/700       99.5 %',
      '  node-a/GPU-0001         NVIDIA H100 80GB …  L2   0.457 (0.44–0.473)      457/700       99.5 %',
      '  node-a/GPU-0002         name not known      L1   0.457 (0.44–0.473)      no power      99.5 %'
    ])
  })

  it('lists the first 10 warnings and counts the rest', () => {
    const result = buildAuditResult(draft => {
      draft.warnings = Array.from({ length: 30 }, (_, i) =>
        buildWarning(i < 25 ? 'gap' : 'counter-reset', i + 1)
      )
    })
    const text = renderText(result)
    expect(text).toContain('Warnings (30): gap 25, counter-reset 5\n')
    expect(text).toContain('  gap — telemetry/node-a.csv:1: gap number 1\n')
    expect(text.match(/ number \d+\n/g)).toHaveLength(10)
    expect(text).toContain('  …and 20 more warnings\n')
  })

  it('names each default on one line with its source', () => {
    const text = renderText(buildAuditResult())
    expect(text).toContain(
      [
        'Defaults used (set them to be explicit):',
        '  pue = 1.2 (1.1–1.3); Uptime Institute 2024 survey',
        '  electricity_price_usd_per_kwh = none; not given: energy cost not computed'
      ].join('\n')
    )
    expect(text).not.toContain('  region = SE')
  })

  it('strips control characters and keeps every line within 100 columns', () => {
    const evil = `\u001b[2J\u001b]0;owned\u0007GPU\r\n${'z'.repeat(10_000)}`
    const result = buildAuditResult(draft => {
      draft.devices[0] = buildDevice(0, d =>
        Object.assign(d, { id: evil, name: evil })
      )
      draft.warnings = [
        buildWarning('other', 1, w =>
          Object.assign(w, { message: evil, file: evil })
        )
      ]
      Object.assign(draft.carbon, {
        region: evil,
        licence: evil,
        dataset: evil
      })
      draft.assumptions[evil] = { value: evil, source: evil, is_default: true }
    })
    const text = renderText(result)
    // eslint-disable-next-line no-control-regex -- looking for controls
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/)
    for (const line of text.split('\n')) {
      expect(Array.from(line).length).toBeLessThanOrEqual(100)
    }
  })

  it('cuts the device list of a large fleet and counts the rest', () => {
    const result = buildAuditResult(draft => {
      draft.devices = Array.from({ length: 120 }, (_, i) => buildDevice(i))
    })
    const text = renderText(result)
    expect(text.match(/^ {2}node-a\/GPU-/gm)).toHaveLength(50)
    expect(text).toContain('  …and 70 more devices\n')
  })
})
