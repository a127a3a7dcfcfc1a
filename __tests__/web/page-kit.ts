import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe } from '@jest/globals'
import type { Browser, Page } from 'playwright-core'

/** Debian's Chromium, or the one CHROMIUM_PATH names. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** True when a Chromium binary is there to drive. */
export const HAVE_CHROMIUM = existsSync(CHROMIUM_PATH)

/** The built page, opened over file:// as a user opens a downloaded copy. */
export const PAGE_URL = pathToFileURL(resolve('web/dist/index.html')).href

/** `describe`, or a visibly skipped one where Chromium is absent. */
export const describeBrowser: typeof describe = HAVE_CHROMIUM
  ? describe
  : (((name: string, fn: () => void) => {
      process.stderr.write(
        `SKIPPED "${name}": no Chromium at ${CHROMIUM_PATH} (CI installs Debian's chromium; set CHROMIUM_PATH to another)\n`
      )
      describe.skip(name, fn)
    }) as typeof describe)

/** Builds web/dist with the project's build script; prints its sizes. */
export function buildPage(): void {
  const output = execFileSync('node', ['scripts/build-web.mjs'], {
    encoding: 'utf8'
  })
  process.stderr.write(output)
}

/** What a page did that it must not: requests off file://, console errors. */
export interface PageWatch {
  offFileRequests: string[]
  consoleErrors: string[]
}

/**
 * A new page whose every request is routed: anything but a file: URL is
 * recorded and aborted, and console errors and page errors are recorded.
 */
export async function openWatchedPage(
  browser: Browser,
  watch: PageWatch,
  viewport = { width: 1280, height: 900 }
): Promise<Page> {
  const page = await browser.newPage({ viewport })
  await page.route('**/*', route => {
    const url = route.request().url()
    if (url.startsWith('file:')) return route.continue()
    watch.offFileRequests.push(url)
    return route.abort()
  })
  page.on('console', message => {
    if (message.type() === 'error') watch.consoleErrors.push(message.text())
  })
  page.on('pageerror', error => watch.consoleErrors.push(error.message))
  return page
}

/** Opens `url` and waits for the first estimate (or its error). */
export async function gotoPlan(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await page.waitForSelector('#results[data-state]')
}

/** A figure's exact value (data-value) and the text the page shows. */
export async function readFigure(
  page: Page,
  key: string
): Promise<{ value: number; shown: string }> {
  const figure = page.locator(`#figure-${key}`)
  const value = Number(await figure.getAttribute('data-value'))
  const shown = (await figure.locator('.value').textContent()) ?? ''
  return { value, shown }
}

/** The median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? sorted[middle]!
    : (sorted[middle - 1]! + sorted[middle]!) / 2
}
