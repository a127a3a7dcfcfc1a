import { el, scrollBox, svg } from './dom.js'
import { formatFigure } from './format-figures.js'

/** One bar: a value with its bounds; `mine` marks the plan's own choice. */
export interface Bar {
  label: string
  value: number
  low: number
  high: number
  mine?: boolean
}

/** A horizontal bar chart of one quantity. */
export interface BarChart {
  id: string
  title: string
  unit: string
  caption: string
  bars: readonly Bar[]
}

// Drawn in a 420-unit-wide box that scales to its container: on a 390 px
// phone the text stays about 11 px high.
const WIDTH = 420
const LABEL_W = 150
const VALUE_W = 80
const ROW_H = 26
const BAR_H = 16
const TOP = 8

/**
 * The chart as inline SVG (bars, whiskers for the bounds, the value at the
 * end) in a figure with its caption and the same numbers as a table.
 */
export function renderBarChart(chart: BarChart): HTMLElement {
  const top = Math.max(...chart.bars.map(bar => bar.high), 0)
  const scale = top > 0 ? (WIDTH - LABEL_W - VALUE_W) / top : 0
  const height = TOP * 2 + chart.bars.length * ROW_H
  const picture = svg(
    'svg',
    {
      viewBox: `0 0 ${WIDTH} ${height}`,
      role: 'img',
      'aria-labelledby': `${chart.id}-title`,
      class: 'bar-chart'
    },
    [
      svg('title', { id: `${chart.id}-title` }, [
        `${chart.title} (${chart.unit})`
      ]),
      ...chart.bars.map((bar, index) =>
        drawBar(bar, TOP + index * ROW_H, scale, chart.unit)
      )
    ]
  )
  return el('figure', { class: 'chart', id: chart.id }, [
    el('figcaption', {}, [
      el('strong', {}, [chart.title]),
      ` (${chart.unit}). ${chart.caption}`
    ]),
    picture,
    dataTable(chart)
  ])
}

/** One row: label, bar, whisker from low to high, value. */
function drawBar(
  bar: Bar,
  y: number,
  scale: number,
  unit: string
): SVGGElement {
  const middle = y + ROW_H / 2
  const barY = middle - BAR_H / 2
  const x0 = LABEL_W
  return svg('g', { class: bar.mine === true ? 'bar mine' : 'bar' }, [
    svg('title', {}, [
      `${bar.label}: ${formatFigure(bar.value)} ${unit} (${formatFigure(bar.low)}–${formatFigure(bar.high)})`
    ]),
    svg(
      'text',
      {
        x: LABEL_W - 6,
        y: middle,
        'text-anchor': 'end',
        'dominant-baseline': 'middle',
        class: 'label'
      },
      [shorten(bar.label)]
    ),
    svg('rect', {
      x: x0,
      y: barY,
      width: Math.max(1, bar.value * scale),
      height: BAR_H,
      class: 'fill'
    }),
    svg('line', {
      x1: x0 + bar.low * scale,
      x2: x0 + bar.high * scale,
      y1: middle,
      y2: middle,
      class: 'whisker'
    }),
    svg('line', {
      x1: x0 + bar.low * scale,
      x2: x0 + bar.low * scale,
      y1: middle - 5,
      y2: middle + 5,
      class: 'whisker'
    }),
    svg('line', {
      x1: x0 + bar.high * scale,
      x2: x0 + bar.high * scale,
      y1: middle - 5,
      y2: middle + 5,
      class: 'whisker'
    }),
    svg(
      'text',
      {
        x: x0 + bar.high * scale + 4,
        y: middle,
        'dominant-baseline': 'middle',
        class: 'value'
      },
      [formatFigure(bar.value)]
    )
  ])
}

/** Long names cut to fit the label column. */
function shorten(label: string): string {
  const short = label.replace(/^(NVIDIA|AMD|Google) (Instinct )?/, '')
  return short.length > 19 ? `${short.slice(0, 18)}…` : short
}

/** The chart's numbers as a table, behind a disclosure. */
function dataTable(chart: BarChart): HTMLElement {
  const rows = chart.bars.map(bar =>
    el('tr', {}, [
      el('th', { scope: 'row' }, [
        bar.mine === true ? `${bar.label} (your plan)` : bar.label
      ]),
      el('td', { class: 'align-right' }, [formatFigure(bar.value)]),
      el('td', { class: 'align-right' }, [
        `${formatFigure(bar.low)}–${formatFigure(bar.high)}`
      ])
    ])
  )
  const head = el('tr', {}, [
    el('th', { scope: 'col' }, ['Choice']),
    el('th', { scope: 'col' }, [chart.unit]),
    el('th', { scope: 'col' }, ['Range'])
  ])
  return el('details', { class: 'chart-data' }, [
    el('summary', {}, ['Numbers']),
    scrollBox(
      `${chart.title}: numbers`,
      el('table', {}, [el('thead', {}, [head]), el('tbody', {}, rows)])
    )
  ])
}
