// Code passed to page.evaluate runs in the browser and uses its globals.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The page's audit panel in a real headless Chromium: sources shown whole
 * and copyable, a report that follows its options (audited again when one
 * changes, removed while one is wrong), the CLI flags its messages name
 * mapped to the page's options, and report tables whose words stay whole.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import { expect, it } from '@jest/globals'
import type { Page } from 'playwright-core'
import { runAudit } from '../../src/audit/run-audit.js'
import { renderMarkdown } from '../../src/report/render-markdown.js'
import { describeReal, realFile } from '../helpers/real-files.js'
import {
  describeBrowser,
  gotoPlan,
  openWatchedPage,
  threeFigures,
  waitForAudit,
  usePageSession
} from './page-kit.js'

/**
 * Two minutes of one GPU at 1 s, in nvidia-smi CSV without a name column
 * (so the audit asks for the model with --gpu), under a name full of
 * what GitHub would link: a mention, an issue reference, a www. address.
 */
const FIXTURE = resolve('test-output/audit-fixture/@team #12 www.example.csv')

const session = usePageSession('audit', writeFixture)

describeBrowser('the audit panel of the estimator page', () => {
  it('shows sources whole and copyable, makes no link of file text, and sizes small files in kB', async () => {
    const page = await auditFixture()
    const report = page.locator('#audit-report')
    const text = (await report.textContent())!
    expect(text).not.toContain('\u200d')
    expect(text).toContain(basename(FIXTURE))

    const node = await runAudit([FIXTURE], {})
    const pueSource = await page
      .locator('#audit-report tr', { has: page.locator('td:text-is("pue")') })
      .locator('td')
      .last()
      .textContent()
    expect(pueSource).toBe(node.assumptions.pue!.source)
    expect(pueSource).toMatch(/https:\/\/\S+[^…]$/)

    const links = await report.locator('a').evaluateAll(anchors =>
      anchors.map(a => ({
        href: a.getAttribute('href') ?? '',
        ours: a.hasAttribute('data-field') || a.hasAttribute('download')
      }))
    )
    expect(links.every(link => link.ours)).toBe(true)

    const sizeKB = statSync(FIXTURE).size / 1e3
    expect(await page.locator('#audit-status').textContent()).toContain(
      `(${threeFigures(sizeKB)} kB)`
    )
    await page.close()
  }, 60_000)

  it('audits the same files again when an option changes, and removes the report while one is wrong', async () => {
    const page = await auditFixture()
    await openOptions(page)
    const inFrance = await runAudit([FIXTURE], { region: 'FR' })
    await page.fill('#audit-region', 'FR')
    await waitForData(page, 'carbonKg', inFrance.carbon.kg)

    await page.fill('#audit-timezone', 'Mars/Olympus_Mons')
    await page.waitForFunction(
      () => document.getElementById('audit-report')?.childElementCount === 0
    )
    expect(await page.locator('#audit-status').textContent()).toMatch(
      /^Fix the audit options marked above/
    )
    expect(await page.locator('#audit-timezone-error').textContent()).toContain(
      '"Mars/Olympus_Mons"'
    )
    expect(
      await page.locator('#audit-report').getAttribute('data-carbon-kg')
    ).toBeNull()

    await page.fill('#audit-timezone', '')
    await waitForData(page, 'carbonKg', inFrance.carbon.kg)
    await page.close()
  }, 60_000)

  it('maps each CLI flag the report names to the page’s option, which works', async () => {
    const page = await auditFixture()
    const before = renderMarkdown(await runAudit([FIXTURE], {}))
    expect(before).toContain('--gpu')
    const key = page.locator('#audit-flag-key')
    expect(await key.locator('code').allTextContents()).toContain('--gpu')
    await key.locator('a[data-field="audit-gpu"]').click()
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(
      'audit-gpu'
    )
    expect(await page.locator('#audit-options').getAttribute('open')).toBe('')

    const named = await runAudit([FIXTURE], { gpuModel: 'h100-sxm' })
    await page.selectOption('#audit-gpu', 'h100-sxm')
    await waitForData(page, 'facilityKwh', named.energy.facility_kwh)
    expect(
      Number(await page.getAttribute('#audit-report', 'data-low-kwh'))
    ).toBe(named.energy.low_kwh)
    await page.close()
  }, 60_000)

  it('keeps every word of the report’s tables whole at 1280 px, and marks wide tables as scrolling at 390 px', async () => {
    const page = await auditFixture()
    const broken = await page.evaluate(() => {
      const words: string[] = []
      const cells = document.querySelectorAll(
        '#audit-report th, #audit-report td'
      )
      for (const cell of cells) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT)
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          // Letters and digits run together (a word, a number) stay on one
          // line; a line may break at a space, a dash or a URL separator.
          const runs = (node.textContent ?? '').matchAll(/[\p{L}\p{N}._]+/gu)
          for (const match of runs) {
            const range = document.createRange()
            range.setStart(node, match.index)
            range.setEnd(node, match.index + match[0].length)
            const tops = new Set(
              [...range.getClientRects()].map(r => Math.round(r.top))
            )
            if (tops.size > 1) words.push(match[0])
          }
        }
      }
      return words
    })
    expect(broken).toEqual([])

    await page.setViewportSize({ width: 390, height: 844 })
    await page.waitForFunction(() =>
      [
        ...document.querySelectorAll<HTMLElement>('#audit-report .table-scroll')
      ].some(box => box.dataset.overflowing === 'true')
    )
    const boxes = await page.$$eval('#audit-report .table-wrap', wraps =>
      wraps.map(wrap => {
        const box = wrap.querySelector('.table-scroll')!
        const hint = wrap.querySelector<HTMLElement>('.scroll-hint')!
        return {
          wider: box.scrollWidth > box.clientWidth + 1,
          hintShown: hint.getClientRects().length > 0
        }
      })
    )
    expect(boxes.some(box => box.wider)).toBe(true)
    for (const box of boxes) expect(box.hintShown).toBe(box.wider)
    await page.close()
  }, 60_000)

  describeReal('a real dcgmi file without timestamps', () => {
    it('points --interval-ms to the sampling interval, and audits once it is given', async () => {
      const path = realFile('h100-dcgmi-dmon-sd.txt')
      const page = await openWatchedPage(session.browser, session.watch)
      await gotoPlan(page, session.url)
      await page.setInputFiles('#audit-files', path)
      const error = page.locator('#audit-report .error')
      await error.waitFor()
      expect(await error.textContent()).toContain('--interval-ms')
      const link = page.locator(
        '#audit-flag-key a[data-field="audit-interval-ms"]'
      )
      expect(await link.textContent()).toBe('Sampling interval (ms)')
      await link.click()
      await page.fill('#audit-interval-ms', '50')
      const node = await runAudit([path], { intervalMs: 50 })
      await waitForData(page, 'facilityKwh', node.energy.facility_kwh)
      await page.close()
    }, 60_000)
  })

  it('made no request off file:// and logged no console error', () => {
    expect(session.watch.offFileRequests).toEqual([])
    expect(session.watch.consoleErrors).toEqual([])
  })
})

/** Writes the fixture: 120 readings, 250–268 W, one a second. */
function writeFixture(): void {
  mkdirSync(resolve(FIXTURE, '..'), { recursive: true })
  const rows = Array.from({ length: 120 }, (_, i) => {
    const time = `10:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`
    return `2024/05/01 ${time}.000, 0, ${(250 + (i % 7) * 3).toFixed(2)} W`
  })
  writeFileSync(
    FIXTURE,
    ['timestamp, index, power.draw [W]', ...rows, ''].join('\n')
  )
}

/** A new page with the fixture chosen and audited. */
async function auditFixture(): Promise<Page> {
  const page = await openWatchedPage(session.browser, session.watch)
  await gotoPlan(page, session.url)
  await page.setInputFiles('#audit-files', FIXTURE)
  await waitForAudit(page, basename(FIXTURE))
  return page
}

/** Opens the audit options. */
async function openOptions(page: Page): Promise<void> {
  await page.locator('#audit-options > summary').click()
}

/** Waits until the report's data attribute holds `value` exactly. */
async function waitForData(
  page: Page,
  key: string,
  value: number
): Promise<void> {
  await page.waitForFunction(
    ({ key, value }) =>
      document.getElementById('audit-report')?.dataset[key] === String(value),
    { key, value }
  )
}
