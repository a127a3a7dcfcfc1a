// Code passed to page.evaluate runs in the browser and uses its globals.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * How the estimator page prints and lays out its figures, in a real
 * headless Chromium: numbers as the CLI prints them (three significant
 * figures, thousands separators), chart labels that read as the central
 * value with its range, and tables that fit a 390 px phone without
 * cutting a number off.
 */
import { expect, it } from '@jest/globals'
import { findLowContrast } from './contrast-check.js'
import {
  describeBrowser,
  gotoPlan,
  openWatchedPage,
  readFigure,
  threeFigures,
  usePageSession
} from './page-kit.js'

const session = usePageSession('display')

describeBrowser('the estimator page’s numbers and layout', () => {
  it('the test’s own formatter prints the CLI’s figures for the realistic preset', () => {
    expect(threeFigures(837.81)).toBe('838')
    expect(threeFigures(682.66)).toBe('683')
    expect(threeFigures(1084.2)).toBe('1,084')
    expect(threeFigures(34.909)).toBe('34.9')
    expect(threeFigures(5.7534)).toBe('5.75')
  })

  it('prints figures, ranges, days and what-if changes as the CLI does', async () => {
    const page = await openWatchedPage(session.browser, session.watch)
    await gotoPlan(page, `${session.url}#preset=llama-7b-realistic`)
    for (const key of ['hours', 'energy', 'carbon', 'car-km']) {
      const figure = page.locator(`#figure-${key}`)
      const [value, low, high] = await Promise.all(
        ['data-value', 'data-low', 'data-high'].map(async name =>
          Number(await figure.getAttribute(name))
        )
      )
      const { shown } = await readFigure(page, key)
      expect(shown.split(' ')[0]).toBe(threeFigures(value!))
      expect(await figure.locator('.bounds').textContent()).toBe(
        `range ${threeFigures(low!)}–${threeFigures(high!)}`
      )
    }
    const hours = await readFigure(page, 'hours')
    expect(await page.locator('#figure-hours .context').textContent()).toBe(
      `${threeFigures(hours.value / 24)} days`
    )
    const cells = await page.$$eval('#what-ifs-body td.change', tds =>
      tds.map(td => ({
        pct: Number(td.getAttribute('data-change-pct')),
        shown: td.querySelector('.pct')?.textContent ?? ''
      }))
    )
    expect(cells.length).toBeGreaterThan(10)
    for (const { pct, shown } of cells) {
      const sign = pct > 0 ? '+' : '−'
      expect(shown).toBe(
        pct === 0 ? '0 %' : `${sign}${threeFigures(Math.abs(pct))} %`
      )
    }
    await page.close()
  }, 60_000)

  it.each([1280, 390])(
    'labels each bar with its central value, then its range, clear of the whisker (%i px)',
    async width => {
      const page = await openWatchedPage(session.browser, session.watch, {
        width,
        height: 900
      })
      await gotoPlan(page, `${session.url}#preset=llama-7b-realistic`)
      const charts = await page.$$eval('figure.chart', figures =>
        figures.map(figure => {
          const rows = [...figure.querySelectorAll('.chart-data tbody tr')]
          return [...figure.querySelectorAll('svg g.bar')].map((bar, i) => {
            const label = bar.querySelector('text.value') as SVGTextElement
            const whiskers = [...bar.querySelectorAll('line.whisker')]
            const whiskerEnd = Math.max(
              ...whiskers.map(w => (w as SVGLineElement).x2.baseVal.value)
            )
            const cells = rows[i]!.querySelectorAll('td')
            return {
              text: label.textContent,
              expected: `${cells[0]!.textContent} (${cells[1]!.textContent})`,
              gap: label.getBBox().x - whiskerEnd,
              nameLeft: (
                bar.querySelector('text.label') as SVGTextElement
              ).getBBox().x
            }
          })
        })
      )
      expect(charts.length).toBeGreaterThanOrEqual(2)
      for (const bars of charts) {
        for (const bar of bars) {
          expect(bar.text).toBe(bar.expected)
          expect(bar.gap).toBeGreaterThan(0)
          expect(bar.nameLeft).toBeGreaterThanOrEqual(0)
        }
      }
      await page.close()
    },
    60_000
  )

  it('fits the what-if and assumption tables on a 390 px phone, as cards', async () => {
    const page = await openWatchedPage(session.browser, session.watch, {
      width: 390,
      height: 844
    })
    await gotoPlan(page, `${session.url}#preset=llama-7b-realistic`)
    const cut = await page.evaluate(() =>
      [...document.querySelectorAll('table.cards th, table.cards td')]
        .filter(cell => cell.closest('thead') === null)
        .filter(cell => {
          const box = cell.getBoundingClientRect()
          return box.left < 0 || box.right > window.innerWidth
        })
        .map(cell => cell.textContent?.slice(0, 30))
    )
    expect(cut).toEqual([])
    expect(
      await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth
      )
    ).toBeLessThanOrEqual(0)
    // Each change says which column it is once the header is out of view.
    const firstCell = page.locator('#what-ifs-body td.change').first()
    expect(
      await firstCell.evaluate(td => getComputedStyle(td, '::before').content)
    ).toBe('"Time"')
    expect(await page.evaluate(findLowContrast)).toEqual([])
    await page.close()
  }, 60_000)

  it('made no request off file:// and logged no console error', () => {
    expect(session.watch.offFileRequests).toEqual([])
    expect(session.watch.consoleErrors).toEqual([])
  })
})
