import { describe, expect, it } from '@jest/globals'
import { renderPowerChart } from '../../src/report/markdown-chart.js'

describe('renderPowerChart', () => {
  it('renders nothing without series, as for every audit JSON today', () => {
    expect(renderPowerChart(undefined, 60)).toBeUndefined()
    expect(renderPowerChart([], 60)).toBeUndefined()
  })

  it('draws one line per series with an escaped legend', () => {
    const chart = renderPowerChart(
      [
        { label: 'gpu0', meanW: [100, 200.25, 300] },
        { label: '@octocat <b>', meanW: [50, 60, 70] }
      ],
      60
    )
    expect(chart).toBe(
      [
        '```mermaid',
        'xychart-beta',
        '  title "Power over time"',
        '  x-axis "time (min)" 0 --> 3',
        '  y-axis "power (W)" 0 --> 300',
        '  line [100.0, 200.3, 300.0]',
        '  line [50.0, 60.0, 70.0]',
        '```',
        '',
        'line 1: gpu0 · line 2: @\u200docto' + 'cat &lt;b&gt;'
      ].join('\n')
    )
  })

  it('refuses series it cannot draw truthfully', () => {
    const gap = [{ label: 'a', meanW: [1, NaN, 3] }]
    const uneven = [
      { label: 'a', meanW: [1, 2] },
      { label: 'b', meanW: [1] }
    ]
    expect(renderPowerChart(gap, 60)).toBeUndefined()
    expect(renderPowerChart(uneven, 60)).toBeUndefined()
    expect(renderPowerChart([{ label: 'a', meanW: [1] }], 0)).toBeUndefined()
  })

  it('averages long series down to at most 100 points', () => {
    const meanW = Array.from({ length: 1_000 }, (_, i) => i % 2)
    const chart = renderPowerChart([{ label: 'a', meanW }], 1) ?? ''
    const line = chart.split('\n').find(l => l.startsWith('  line')) ?? ''
    expect(line.split(',')).toHaveLength(100)
    expect(line).toContain('0.5, 0.5')
  })
})
