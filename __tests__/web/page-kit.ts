import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe } from '@jest/globals'
import { type Browser, chromium, type Page } from 'playwright-core'

/** Debian's Chromium, or the one CHROMIUM_PATH names. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** True when a Chromium binary is there to drive. */
export const HAVE_CHROMIUM = existsSync(CHROMIUM_PATH)

/** `describe`, or a visibly skipped one where Chromium is absent. */
export const describeBrowser: typeof describe = HAVE_CHROMIUM
  ? describe
  : (((name: string, fn: () => void) => {
      process.stderr.write(
        `SKIPPED "${name}": no Chromium at ${CHROMIUM_PATH} (CI installs Debian's chromium; set CHROMIUM_PATH to another)\n`
      )
      describe.skip(name, fn)
    }) as typeof describe)

/** A page built for one test file: its folder and its file:// URL. */
export interface BuiltPage {
  dir: string
  url: string
}

/**
 * Builds the page with the project's build script into a folder of the
 * test file's own (test files run in parallel, and a shared web/dist
 * rebuilt under a page another file has open would break it); prints its
 * sizes. The page is opened over file://, as a user opens a downloaded copy.
 */
export function buildPage(name: string): BuiltPage {
  const dir = `test-output/web-${name}`
  const output = execFileSync('node', ['scripts/build-web.mjs', '--out', dir], {
    encoding: 'utf8'
  })
  process.stderr.write(output)
  return { dir, url: pathToFileURL(resolve(dir, 'index.html')).href }
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

/**
 * The CLI's number style (src/report/format-number.ts), worked out
 * separately for the tests: three significant figures below 1,000, whole
 * numbers with thousands separators from there on.
 */
export function threeFigures(value: number): string {
  if (Math.abs(value) >= 999.5) return Math.round(value).toLocaleString('en-US')
  return String(Number(value.toPrecision(3)))
}

/** Waits until the audit panel says it audited `name` with the options shown. */
export async function waitForAudit(page: Page, name: string): Promise<void> {
  await page.waitForFunction(
    file =>
      document
        .getElementById('audit-status')
        ?.textContent?.startsWith(`Audited ${file}`) === true,
    name
  )
}

/** One test file's browser, built page and watch over its requests. */
export interface PageSession {
  browser: Browser
  url: string
  /** The built page's folder. */
  dir: string
  watch: PageWatch
}

/**
 * Builds the page into the file's own folder and launches Chromium once
 * for the file (hooks at the file's top level), closing it at the end;
 * nothing happens where Chromium is absent. `setup` runs after the build.
 */
export function usePageSession(name: string, setup?: () => void): PageSession {
  const session = {
    url: '',
    dir: '',
    watch: { offFileRequests: [], consoleErrors: [] }
  } as unknown as PageSession
  beforeAll(async () => {
    if (!HAVE_CHROMIUM) return
    const built = buildPage(name)
    session.url = built.url
    session.dir = built.dir
    setup?.()
    session.browser = await chromium.launch({ executablePath: CHROMIUM_PATH })
  }, 120_000)
  afterAll(async () => {
    await session.browser?.close()
  })
  return session
}
