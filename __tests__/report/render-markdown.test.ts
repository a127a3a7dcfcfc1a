import { describe, expect, it } from '@jest/globals'
import { renderMarkdown } from '../../src/report/render-markdown.js'
import { buildAuditResult, buildDevice } from './audit-fixture.js'

/** The lines of a rendered report. */
function linesOf(markdown: string): string[] {
  return markdown.split('\n')
}

describe('renderMarkdown headline', () => {
  it('opens with the default title and one headline sentence', () => {
    const lines = linesOf(renderMarkdown(buildAuditResult()))
    expect(lines[0]).toBe('## Sustainability Audit')
    expect(lines[2]).toBe(
      'This run used **1.1 kWh** at the facility and emitted ' +
        '**0.0394 kg CO2e** in SE over 1 h 00 min on 2 devices; grounding ' +
        'level **L2** (measured GPU power, PUE applied, host not modelled).'
    )
  })

  it('uses a given title', () => {
    const markdown = renderMarkdown(buildAuditResult(), {
      title: '### Audit: smoke'
    })
    expect(markdown.startsWith('### Audit: smoke\n\n')).toBe(true)
  })

  it('writes the headline table without a vs base column', () => {
    const markdown = renderMarkdown(buildAuditResult())
    expect(markdown).toContain(
      [
        '| Metric | Value (low–high) |',
        '| :- | -: |',
        '| Energy (facility) | 1.1 kWh (1.02–1.23) |',
        '| Carbon | 0.0394 kg CO2e (0.0306–0.0493) |',
        '| Cost | not computed — no price given |'
      ].join('\n')
    )
    expect(markdown).not.toContain('vs base')
  })

  it('adds the vs base column and line when there is a comparison', () => {
    const result = buildAuditResult(draft => {
      draft.cost = {
        ...draft.cost,
        energy_usd: 1234.5,
        total_usd: 1234.5,
        low_usd: 1100,
        high_usd: 1400
      }
      draft.comparison = {
        baseline_source: 'run 42 on main (abc1234)',
        change_percent: 12.54,
        verdict: 'fail',
        reasons: ['carbon rose more than max-increase 10 %']
      }
    })
    const markdown = renderMarkdown(result)
    expect(markdown).toContain(
      [
        '| Metric | Value (low–high) | vs base |',
        '| :- | -: | -: |',
        '| Energy (facility) | 1.1 kWh (1.02–1.23) | — |',
        '| Carbon | 0.0394 kg CO2e (0.0306–0.0493) | +12.5 % · **fail** |',
        '| Cost | 1,235 USD (1,100–1,400) | — |'
      ].join('\n')
    )
    expect(markdown).toContain(
      '**vs base:** carbon +12.5 %, verdict **fail**, against run 42 on ' +
        'main (abc1234). Reasons: carbon rose more than max-increase 10 %.'
    )
  })

  it('says why a change is missing instead of printing null', () => {
    const result = buildAuditResult(draft => {
      draft.comparison = {
        baseline_source: 'none found',
        change_percent: null,
        verdict: 'neutral',
        reasons: []
      }
    })
    const markdown = renderMarkdown(result)
    expect(markdown).toContain(
      '| Carbon | 0.0394 kg CO2e (0.0306–0.0493) | — · **neutral** |'
    )
    expect(markdown).toContain('carbon — (no comparable change)')
  })
})

describe('renderMarkdown grounding and devices', () => {
  it('states the level, what it covers and the measured subtotal', () => {
    const markdown = renderMarkdown(buildAuditResult())
    expect(markdown).toContain(
      '**Grounding L2:** measured GPU power, PUE applied, host not ' +
        'modelled. Devices by level: L2: 2. Measured GPUs alone: ' +
        '0.913 kWh; all GPUs: 0.913 kWh; IT before PUE: 0.913 kWh.'
    )
    expect(markdown).toContain(
      '- node node-a: no node profile matched: host not modelled'
    )
  })

  it('describes L1 and L3 coverage in words', () => {
    const l1 = buildAuditResult(draft => {
      draft.grounding.level = 'L1'
    })
    const l3 = buildAuditResult(draft => {
      draft.grounding.level = 'L3'
    })
    expect(renderMarkdown(l1)).toContain(
      '**Grounding L1:** static estimate from rated power and time'
    )
    expect(renderMarkdown(l3)).toContain(
      '**Grounding L3:** whole node: measured GPUs plus calibrated host'
    )
  })

  it('writes one device row per device with every column', () => {
    const result = buildAuditResult(draft => {
      draft.devices = [
        buildDevice(0),
        buildDevice(1, device => {
          device.level = 'L1'
          device.name = null
          device.field = 'none'
          device.samples = 0
          device.coverage = 0
          device.mean_w = null
          device.max_w = null
          device.gap_count = 2
          device.gaps = [
            { start: 'a', end: 'b', duration_s: 30, filled_kwh: 0.0012 },
            { start: 'c', end: 'd', duration_s: 30, filled_kwh: 0.0003 }
          ]
        })
      ]
    })
    const markdown = renderMarkdown(result)
    expect(markdown).toContain(
      [
        '| Device | Name | Level | Field | Samples | Coverage | Energy kWh (low–high) | Mean W | Max W | Gaps |',
        '| :- | :- | :-: | :- | -: | -: | -: | -: | -: | -: |',
        '| node-a/GPU-0000 | NVIDIA H100 80GB HBM3 | L2 | power.draw | 7,200 | 99.5 % | 0.457 (0.44–0.473) | 457 | 700 | 0 |',
        '| node-a/GPU-0001 | — | L1 | none | 0 | 0 % | 0.457 (0.44–0.473) | — | — | 2 (0.0015 kWh filled) |'
      ].join('\n')
    )
    expect(markdown).toContain(
      '— means not known: no name in the file, or no power readings.'
    )
  })

  it('says when no device was read', () => {
    const result = buildAuditResult(draft => {
      draft.devices = []
    })
    expect(renderMarkdown(result)).toContain(
      '### Devices\n\nNo device was read.'
    )
  })
})
