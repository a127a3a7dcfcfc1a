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
/** The label column at its widest: 19 characters of bold label text. */
const LABEL_W = 150
/** Width of one character of a (bold) label: 150 units ÷ 19 characters. */
const LABEL_CHAR_W = 7.9
/** The label column at its narrowest: room for a bold `SE` at 13 units. */
const MIN_LABEL_W = 40
const ROW_H = 26
const BAR_H = 16
const TOP = 8
/**
 * Width of one character of the value text, in drawing units: digits are
 * about 0.6 em in the usual sans-serif faces, and the text is at most 13
 * units high (styles.css, phone width), so 7.5 leaves a margin.
 */
const CHAR_W = 7.5
/** The bars keep at least this much of the width, however long a label. */
const MIN_BARS_W = 110

/**
 * The chart as inline SVG (bars, whiskers for the bounds, and in a column
 * of its own at the right `central (low–high)`, so the number reads as the
 * bar's value rather than as the whisker's end) in a figure with its
 * caption and the same numbers as a table.
 */
export function renderBarChart(chart: BarChart): HTMLElement {
  const layout = layOut(chart.bars)
  const { width } = layout
  const height = TOP * 2 + chart.bars.length * ROW_H
  const picture = svg(
    'svg',
    {
      viewBox: `0 0 ${width} ${height}`,
      role: 'img',
      'aria-labelledby': `${chart.id}-title`,
      class: 'bar-chart'
    },
    [
      svg('title', { id: `${chart.id}-title` }, [
        `${chart.title} (${chart.unit})`
      ]),
      ...chart.bars.map((bar, index) =>
        drawBar(bar, TOP + index * ROW_H, layout, chart.unit)
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

/** Where the bars start, units per value, and the drawing's width. */
interface Layout {
  x0: number
  scale: number
  width: number
}

/**
 * Columns sized to their text: labels as wide as the longest (short
 * region codes leave the bars more room), values likewise; long values
 * widen the drawing (its text then shrinks) rather than squeeze the bars
 * under the numbers.
 */
function layOut(bars: readonly Bar[]): Layout {
  const top = Math.max(...bars.map(bar => bar.high), 0)
  const longest = (texts: string[]): number =>
    Math.max(...texts.map(text => text.length))
  // Capitals of short labels run wider than the average character.
  const labelW = longest(bars.map(bar => shorten(bar.label))) * LABEL_CHAR_W
  const x0 = Math.min(LABEL_W, Math.max(MIN_LABEL_W, labelW + 6))
  const valueW = longest(bars.map(valueText)) * CHAR_W + 8
  const width = Math.max(WIDTH, x0 + MIN_BARS_W + valueW)
  const scale = top > 0 ? (width - x0 - valueW) / top : 0
  return { x0, scale, width }
}

/** One row: label, bar, whisker from low to high, value with its range. */
function drawBar(
  bar: Bar,
  y: number,
  { x0, scale, width }: Layout,
  unit: string
): SVGGElement {
  const middle = y + ROW_H / 2
  const barY = middle - BAR_H / 2
  return svg('g', { class: bar.mine === true ? 'bar mine' : 'bar' }, [
    svg('title', {}, [
      `${bar.label}: ${formatFigure(bar.value)} ${unit} (${formatFigure(bar.low)}–${formatFigure(bar.high)})`
    ]),
    svg(
      'text',
      {
        x: x0 - 6,
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
        x: width - 2,
        y: middle,
        'text-anchor': 'end',
        'dominant-baseline': 'middle',
        class: 'value'
      },
      [valueText(bar)]
    )
  ])
}

/** `2,798 (651–6,886)`: the central value first, its range after. */
function valueText(bar: Bar): string {
  return `${formatFigure(bar.value)} (${formatFigure(bar.low)}–${formatFigure(bar.high)})`
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
