// Code passed to page.evaluate runs in the browser and uses its globals.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The Interactive Estimator in a real headless Chromium (Debian's, driven
 * by playwright-core), opened from its build over file:// as a user opens a
 * downloaded copy: the case study, typed inputs and their errors, the URL
 * round trip, a real telemetry file audited in the page, accessibility
 * basics, screenshots, and no request to any host.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { expect, it } from '@jest/globals'
import type { Page } from 'playwright-core'
import { runAudit } from '../../src/audit/run-audit.js'
import { renderMarkdown } from '../../src/report/render-markdown.js'
import { describeReal, realFile } from '../helpers/real-files.js'
import { findLowContrast } from './contrast-check.js'
import {
  describeBrowser,
  gotoPlan,
  median,
  openWatchedPage,
  readFigure,
  threeFigures,
  usePageSession
} from './page-kit.js'

/**
 * The EcoCompute AI report's case study worked by hand from its stated
 * assumptions (DESIGN.md §8): 12·N·D FLOPs at the H100 SXM's sparse BF16
 * datasheet peak (1,979 TFLOP/s) at 100 %, $3.50 per GPU-hour, 700 W per
 * GPU × time with no host and no PUE, 20 gCO2/kWh, 6.5 km per kg.
 */
const CASE = (() => {
  const hours = (12 * 7e9 * 2.0e12) / (64 * 1979e12) / 3600
  const energyKWh = (700 * 64 * hours) / 1000
  const carbonKg = (energyKWh * 20) / 1000
  return {
    hours,
    costUsd: hours * 64 * 3.5,
    energyKWh,
    carbonKg,
    carKm: carbonKg * 6.5
  }
})()

/** The case study typed field by field (text fields, then selects). */
const TYPED_TEXT: readonly [string, string][] = [
  ['plan-params', '7B'],
  ['plan-tokens', '2T'],
  ['plan-gpus', '64'],
  ['plan-region', 'SE'],
  ['plan-mfu', '1'],
  ['plan-pue', '1'],
  ['plan-gpuHourPriceUsd', '3.5'],
  ['plan-peakTflops', '1979'],
  ['plan-flopsPerParamToken', '12'],
  ['plan-gpuPowerW', '700'],
  ['plan-intensityGPerKWh', '20'],
  ['plan-carKmPerKg', '6.5']
]
const TYPED_SELECTS: readonly [string, string][] = [
  ['plan-gpu', 'h100-sxm'],
  ['plan-peak', 'sparse'],
  ['plan-nodeProfile', 'none']
]

const OUTPUT_DIR = 'test-output'
const session = usePageSession('estimator')

describeBrowser('the Interactive Estimator page in Chromium', () => {
  it('the hand-worked case study matches the report’s published figures', () => {
    expect(Math.round(CASE.hours * 100) / 100).toBe(368.45)
    expect(Math.round(CASE.costUsd)).toBe(82_533)
    expect(Math.round(CASE.energyKWh)).toBe(16_507)
    expect(Math.round(CASE.carbonKg * 10) / 10).toBe(330.1)
    expect(Math.round(CASE.carKm)).toBe(2_146)
    // As the CLI prints them: three significant figures below 1,000.
    expect(threeFigures(CASE.hours)).toBe('368')
    expect(threeFigures(CASE.carbonKg)).toBe('330')
  })

  it('shows the case study from the llama-7b-report preset', async () => {
    const page = await openWatchedPage(session.browser, session.watch)
    await gotoPlan(page, session.url)
    await page.selectOption('#plan-preset', 'llama-7b-report')
    await expectCaseStudy(page)
    await page.close()
  }, 60_000)

  it('shows each input error next to its input, never NaN', async () => {
    const page = await openWatchedPage(session.browser, session.watch)
    await gotoPlan(page, `${session.url}#kind=training`)
    expect(await page.locator('#results').getAttribute('data-state')).toBe(
      'error'
    )
    expect(await page.locator('#plan-params-error').textContent()).toMatch(
      /required/
    )
    await page.fill('#plan-params', 'abc')
    expect(await page.locator('#plan-params-error').textContent()).toContain(
      'got "abc"'
    )
    expect(
      await page.locator('#plan-params').getAttribute('aria-invalid')
    ).toBe('true')
    expect(await page.locator('body').innerText()).not.toMatch(/NaN|Infinity/)
    await page.close()
  }, 60_000)

  it('gives the same figures from typed inputs, and the URL restores them', async () => {
    const page = await openWatchedPage(session.browser, session.watch)
    await gotoPlan(page, `${session.url}#kind=training`)
    await typeCaseStudy(page)
    await expectCaseStudy(page)

    // The page writes the fragment once typing pauses.
    await page.waitForFunction(() => location.hash.includes('carKmPerKg=6.5'))
    const shared = await openWatchedPage(session.browser, session.watch)
    await gotoPlan(shared, page.url())
    for (const [id, value] of [...TYPED_TEXT, ...TYPED_SELECTS]) {
      expect(await shared.inputValue(`#${id}`)).toBe(
        await page.inputValue(`#${id}`)
      )
      expect(await page.inputValue(`#${id}`)).toBe(value)
    }
    await expectCaseStudy(shared)
    await shared.close()
    await page.close()
  }, 60_000)

  it('recomputes quickly after an input change (printed, not asserted)', async () => {
    const page = await openWatchedPage(session.browser, session.watch)
    await gotoPlan(page, session.url)
    const timesMs: number[] = []
    for (let change = 0; change < 20; change++) {
      await page.fill('#plan-gpus', String(64 + (change % 2)))
      timesMs.push(
        Number(await page.locator('#results').getAttribute('data-recompute-ms'))
      )
    }
    const script = readFileSync(`${session.dir}/app.js`)
    process.stderr.write(
      `estimator page: recompute after an input change, median of 20: ${median(timesMs).toFixed(2)} ms (min ${Math.min(...timesMs).toFixed(2)}, max ${Math.max(...timesMs).toFixed(2)}); app.js ${script.length} bytes\n`
    )
    expect(timesMs.every(Number.isFinite)).toBe(true)
    await page.close()
  }, 60_000)

  it('is usable by keyboard, labels every control and meets AA contrast', async () => {
    const page = await openWatchedPage(session.browser, session.watch)
    await gotoPlan(page, session.url)
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll('input, select')]
        .filter(
          c =>
            (c as HTMLInputElement).labels?.length === 0 &&
            !c.getAttribute('aria-label')
        )
        .map(c => c.id)
    )
    expect(unlabelled).toEqual([])
    expect(await page.locator('#results-body').getAttribute('aria-live')).toBe(
      'polite'
    )

    await page.waitForFunction(() => location.hash.includes('params='))
    const planUrl = page.url()
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(
      'results'
    )
    expect(page.url()).toBe(planUrl)

    const hoursBefore = (await readFigure(page, 'hours')).value
    await focusByTab(page, 'plan-gpus')
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement!).outlineStyle
    )
    expect(outline).not.toBe('none')
    await page.keyboard.press('Control+A')
    await page.keyboard.type('128')
    expect((await readFigure(page, 'hours')).value).toBeCloseTo(
      hoursBefore / 2,
      6
    )

    await page
      .locator('#plan-more')
      .evaluate(d => ((d as HTMLDetailsElement).open = true))
    expect(await page.evaluate(findLowContrast)).toEqual([])
    await page.close()
  }, 60_000)

  describeReal('a real telemetry file audited in the page', () => {
    it('gives the energy runAudit gives in Node (file chosen)', async () => {
      const path = realFile('v100-nvsmi-nounits-20k.csv')
      const page = await openWatchedPage(session.browser, session.watch)
      await gotoPlan(page, session.url)
      await page.setInputFiles('#audit-files', path)
      await expectSameAudit(page, path, {})
      await page.close()
    }, 60_000)

    it('gives the energy runAudit gives in Node (file dropped, interval typed)', async () => {
      const path = realFile('h100-dcgmi-dmon-sd.txt')
      const page = await openWatchedPage(session.browser, session.watch)
      await gotoPlan(page, session.url)
      await page
        .locator('#audit-options')
        .evaluate(d => ((d as HTMLDetailsElement).open = true))
      await page.fill('#audit-interval-ms', '50')
      await dropFile(page, path)
      await expectSameAudit(page, path, { intervalMs: 50 })
      expect(await page.evaluate(findLowContrast)).toEqual([])
      await saveScreenshots(page)
      await page.close()
    }, 60_000)
  })

  it('made no request off file:// and logged no console error', () => {
    expect(session.watch.offFileRequests).toEqual([])
    expect(session.watch.consoleErrors).toEqual([])
  })
})

/** The five case-study figures, exactly and as shown. */
async function expectCaseStudy(page: Page): Promise<void> {
  const hours = await readFigure(page, 'hours')
  expect(hours.value).toBeCloseTo(CASE.hours, 6)
  expect(hours.shown).toBe(`${threeFigures(CASE.hours)} h`)
  const cost = await readFigure(page, 'cost')
  expect(cost.value).toBeCloseTo(CASE.costUsd, 4)
  expect(cost.shown).toBe(
    `$${Math.round(CASE.costUsd).toLocaleString('en-US')}`
  )
  const energy = await readFigure(page, 'energy')
  expect(energy.value).toBeCloseTo(CASE.energyKWh, 5)
  expect(energy.shown).toBe(
    `${Math.round(CASE.energyKWh).toLocaleString('en-US')} kWh`
  )
  const carbon = await readFigure(page, 'carbon')
  expect(carbon.value).toBeCloseTo(CASE.carbonKg, 6)
  expect(carbon.shown).toBe(`${threeFigures(CASE.carbonKg)} kg CO2e`)
  const car = await readFigure(page, 'car-km')
  expect(car.value).toBeCloseTo(CASE.carKm, 5)
  expect(car.shown).toBe(`${Math.round(CASE.carKm).toLocaleString('en-US')} km`)
}

/** Types the case study into an empty form. */
async function typeCaseStudy(page: Page): Promise<void> {
  await page
    .locator('#plan-more')
    .evaluate(d => ((d as HTMLDetailsElement).open = true))
  for (const [id, value] of TYPED_SELECTS)
    await page.selectOption(`#${id}`, value)
  for (const [id, value] of TYPED_TEXT) await page.fill(`#${id}`, value)
}

/** Presses Tab until `id` has focus (at most 40 times). */
async function focusByTab(page: Page, id: string): Promise<void> {
  for (let presses = 0; presses < 40; presses++) {
    await page.keyboard.press('Tab')
    if ((await page.evaluate(() => document.activeElement?.id)) === id) return
  }
  throw new Error(`Tab never reached #${id}`)
}

/** Drops the file on the drop zone as a browser does: a drop event with files. */
async function dropFile(page: Page, path: string): Promise<void> {
  const base64 = readFileSync(path).toString('base64')
  await page.evaluate(
    ({ name, data }) => {
      const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0))
      const transfer = new DataTransfer()
      transfer.items.add(new File([bytes], name))
      const zone = document.getElementById('audit-drop')!
      zone.dispatchEvent(
        new DragEvent('drop', {
          dataTransfer: transfer,
          bubbles: true,
          cancelable: true
        })
      )
    },
    { name: basename(path), data: base64 }
  )
}

/** The page's audit of `path` against runAudit on the same file in Node. */
async function expectSameAudit(
  page: Page,
  path: string,
  options: Parameters<typeof runAudit>[1]
): Promise<void> {
  await page.waitForFunction(
    name =>
      document
        .getElementById('audit-status')
        ?.textContent?.startsWith(`Audited ${name}`),
    basename(path)
  )
  const report = page.locator('#audit-report')
  const node = await runAudit([path], options)
  expect(Number(await report.getAttribute('data-facility-kwh'))).toBe(
    node.energy.facility_kwh
  )
  expect(Number(await report.getAttribute('data-low-kwh'))).toBe(
    node.energy.low_kwh
  )
  expect(Number(await report.getAttribute('data-high-kwh'))).toBe(
    node.energy.high_kwh
  )
  const headline = renderMarkdown(node).split('\n')[2]!.replace(/\*\*/g, '')
  expect(await report.locator('p').first().textContent()).toBe(headline)
  expect(await report.locator('h3').first().textContent()).toBe(
    'Sustainability Audit'
  )
  process.stderr.write(
    `estimator page: ${basename(path)} audited in Chromium: ${node.energy.facility_kwh} kWh, as runAudit in Node\n`
  )
}

/** Full-page screenshots at desktop width and at a 390 px phone width. */
async function saveScreenshots(page: Page): Promise<void> {
  mkdirSync(OUTPUT_DIR, { recursive: true })
  await page.screenshot({
    path: `${OUTPUT_DIR}/estimator-desktop.png`,
    fullPage: true
  })
  await page.setViewportSize({ width: 390, height: 844 })
  const overflowPx = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth
  )
  expect(overflowPx).toBeLessThanOrEqual(0)
  await page.screenshot({
    path: `${OUTPUT_DIR}/estimator-phone.png`,
    fullPage: true
  })
}
