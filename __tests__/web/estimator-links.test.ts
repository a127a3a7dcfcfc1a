// Code passed to page.evaluate runs in the browser and uses its globals.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Shared links in a real headless Chromium: a preset with fields on top
 * reads as the CLI's `--preset NAME --gpus 128`, GPU aliases resolve, and
 * no value a link or a user can give (a GPU count past the limit, an
 * unknown GPU, a setting inside the closed section) stops the page:
 * each is named next to its field and the page keeps working. Serving
 * plans say their time is busy time; ranges say they are no guarantee.
 */
import { readFileSync } from 'node:fs'
import { expect, it } from '@jest/globals'
import type { Page } from 'playwright-core'
import {
  describeBrowser,
  gotoPlan,
  openWatchedPage,
  readFigure,
  threeFigures,
  usePageSession
} from './page-kit.js'

/** The H100 SXM's dense BF16 peak, from calibration-data/hardware.json. */
const H100_DENSE_TFLOPS = (
  JSON.parse(readFileSync('calibration-data/hardware.json', 'utf8')) as {
    records: { id: string; dense_bf16_tflops: number | null }[]
  }
).records.find(hw => hw.id === 'h100-sxm')!.dense_bf16_tflops!

/** The Hopper training MFU preset, from calibration-data/mfu.json. */
const HOPPER_TRAINING_MFU = (
  JSON.parse(readFileSync('calibration-data/mfu.json', 'utf8')) as {
    mfu: { id: string; value: number }[]
  }
).mfu.find(preset => preset.id === 'training-hopper')!.value

/** 6·N·D FLOPs on `gpus` H100s at the dense peak and the MFU preset, in h. */
function h100TrainingHours(params: number, tokens: number, gpus: number) {
  const flops = 6 * params * tokens
  return flops / (gpus * H100_DENSE_TFLOPS * 1e12 * HOPPER_TRAINING_MFU) / 3600
}

const session = usePageSession('links')

describeBrowser('links and inputs the estimator page must survive', () => {
  it('the hand-worked hours match the CLI’s 838 h and 419 h for the realistic preset', () => {
    expect(threeFigures(h100TrainingHours(7e9, 2e12, 64))).toBe('838')
    expect(threeFigures(h100TrainingHours(7e9, 2e12, 128))).toBe('419')
  })

  it('applies a preset, then the fields a link gives on top of it', async () => {
    let page = await openPlan('#preset=llama-7b-realistic&gpus=128')
    expect(await fields(page, ['params', 'tokens', 'gpu', 'gpus'])).toEqual([
      '7e9',
      '2e12',
      'h100-sxm',
      '128'
    ])
    const hours = await readFigure(page, 'hours')
    expect(hours.value).toBeCloseTo(h100TrainingHours(7e9, 2e12, 128), 6)
    expect(hours.shown).toBe('419 h')

    await page.close()

    page = await openPlan('#preset=llama-8b-serving&kind=training')
    expect(await fields(page, ['params', 'tokens', 'gpu', 'gpus'])).toEqual([
      '8e9',
      '1e9',
      'h100-sxm',
      '8'
    ])
    expect(await page.isChecked('#plan-kind-training')).toBe(true)
    expect((await readFigure(page, 'hours')).value).toBeCloseTo(
      h100TrainingHours(8e9, 1e9, 8),
      6
    )

    await page.close()

    page = await openPlan('#preset=llama-7b-report&peak=dense')
    expect(await fields(page, ['params', 'tokens', 'gpu', 'peak'])).toEqual([
      '7e9',
      '2e12',
      'h100-sxm',
      'dense'
    ])
    // The preset's own 1,979 TFLOP/s peak still holds: 12·N·D at 100 %.
    expect((await readFigure(page, 'hours')).value).toBeCloseTo(
      (12 * 7e9 * 2e12) / (64 * 1979e12) / 3600,
      6
    )
    await page.close()
  }, 60_000)

  it('starts with a GPU count near the limit: the what-if count stays in range', async () => {
    const page = await openPlan('#preset=llama-7b-realistic&gpus=6000000')
    expect(await page.locator('#results').getAttribute('data-state')).toBe(
      'current'
    )
    // Twice 6,000,000 passes the 1e7 limit, so the page offers half.
    expect(await page.inputValue('#wiGpus')).toBe('3000000')
    expect(await page.locator('tr[data-what-if="gpus=3000000"]').count()).toBe(
      1
    )
    expect((await readFigure(page, 'hours')).value).toBeCloseTo(
      h100TrainingHours(7e9, 2e12, 6e6),
      9
    )
    // The default follows the plan and stays out of the link; a typed
    // choice stays put and goes into it.
    await page.fill('#plan-gpus', '64')
    await page.waitForFunction(
      "document.getElementById('wiGpus').value === '128'"
    )
    await page.locator('#copy-link').click()
    expect(page.url()).not.toContain('wiGpus')
    await page.fill('#wiGpus', '96')
    await page.fill('#plan-gpus', '32')
    expect(await page.inputValue('#wiGpus')).toBe('96')
    await page.locator('#copy-link').click()
    expect(page.url()).toContain('wiGpus=96')
    await page.close()
  }, 60_000)

  it('names a count past the limit next to its field, and keeps working', async () => {
    const page = await openPlan('#preset=llama-7b-realistic&gpus=20000000')
    expect(await page.locator('#results').getAttribute('data-state')).toBe(
      'error'
    )
    const message = await page.locator('#plan-gpus-error').textContent()
    expect(message).toContain('got 20000000')
    expect(message).toContain('1e7')
    await page.fill('#plan-gpus', '128')
    expect((await readFigure(page, 'hours')).shown).toBe('419 h')

    await page.fill('#wiGpus', '20000000')
    expect(await page.locator('#wiGpus-error').textContent()).toContain('1e7')
    expect(await page.locator('tr[data-what-if="fp8"]').count()).toBe(1)
    await page.fill('#wiGpus', '32')
    expect(await page.locator('#wiGpus-error').textContent()).toBe('')
    expect(await page.locator('tr[data-what-if="gpus=32"]').count()).toBe(1)
    await page.close()
  }, 60_000)

  it('names a region the data lacks next to its field, in the plan and in the what-ifs', async () => {
    const page = await openPlan('#preset=llama-7b-realistic')
    await page.fill('#plan-region', 'XX')
    expect(await page.locator('#plan-region-error').textContent()).toContain(
      '"XX"'
    )
    await page.fill('#plan-region', 'FR')
    await page.fill('#wiRegion', 'YY')
    expect(await page.locator('#wiRegion-error').textContent()).toMatch(
      /^unknown region "YY"/
    )
    expect(await page.locator('#results').getAttribute('data-state')).toBe(
      'current'
    )
    expect(await page.locator('tr[data-what-if="fp8"]').count()).toBe(1)
    await page.close()
  }, 60_000)

  it('resolves a GPU alias as the CLI does, and names an unknown GPU with where to choose', async () => {
    let page = await openPlan('#preset=llama-7b-realistic&gpu=h100')
    expect(await page.inputValue('#plan-gpu')).toBe('h100-sxm')
    expect((await readFigure(page, 'hours')).shown).toBe('838 h')
    await page.close()

    page = await openPlan('#preset=llama-7b-realistic&gpu=h100x')
    const message = await page.locator('#plan-gpu-error').textContent()
    expect(message).toContain('"h100x"')
    expect(message).toContain('choose one in this list')
    expect(await page.locator('body').innerText()).not.toMatch(
      /Invalid input|undefined/
    )
    await page.selectOption('#plan-gpu', 'h200-sxm')
    expect(await page.locator('#results').getAttribute('data-state')).toBe(
      'current'
    )
    expect(await page.locator('#plan-gpu-error').textContent()).toBe('')
    await page.close()
  }, 60_000)

  it('opens the closed section when one of its fields is in error, and links to it', async () => {
    const page = await openPlan('#preset=llama-7b-realistic&utilisation=2')
    expect(await page.locator('#plan-more').getAttribute('open')).toBe('')
    expect(
      await page.locator('#plan-utilisation-error').textContent()
    ).toContain('got 2')
    expect(await page.isVisible('#plan-utilisation-error')).toBe(true)
    const link = page.locator('#plan-error a[data-field="plan-utilisation"]')
    expect(await link.textContent()).toBe('Power utilisation (0–1)')
    const before = page.url()
    await link.click()
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(
      'plan-utilisation'
    )
    expect(page.url()).toBe(before)
    await page.close()
  }, 60_000)

  it('labels a serving plan’s time and GPU-hours as busy time', async () => {
    const page = await openPlan('#preset=llama-8b-serving')
    expect(await page.locator('#figure-hours dt').textContent()).toBe(
      'Busy GPU time'
    )
    expect(await page.locator('#figure-gpu-hours dt').textContent()).toBe(
      'Busy GPU-hours'
    )
    // 30 days served are 720 h.
    expect(
      await page.locator('#figure-hours .context').textContent()
    ).toContain(`of ${(30 * 24).toString()} h served`)
    await page.close()
  }, 60_000)

  it('says near the results that ranges are no guarantee, with docs/validation.md’s count', async () => {
    const doc = readFileSync('docs/validation.md', 'utf8')
    const [, inside, total] =
      /(\d+) of (\d+) published values fall inside/.exec(doc) ?? []
    const outside = Number(total) - Number(inside)
    const page = await openPlan('')
    const note = (await page.locator('#results #ranges-note').textContent())!
    expect(note).toContain('Ranges are not guarantees.')
    expect(note).toContain('docs/validation.md')
    expect(note).toContain(`Of ${total} published training runs`)
    expect(note).toContain(`${outside} took GPU-hours outside`)
    await page.close()
  }, 60_000)

  it('made no request off file:// and logged no console error', () => {
    expect(session.watch.offFileRequests).toEqual([])
    expect(session.watch.consoleErrors).toEqual([])
  })
})

/** A new watched page showing the plan of `hash`. */
async function openPlan(hash: string): Promise<Page> {
  const page = await openWatchedPage(session.browser, session.watch)
  await gotoPlan(page, `${session.url}${hash}`)
  return page
}

/** The values of plan fields, by name. */
async function fields(page: Page, names: readonly string[]): Promise<string[]> {
  const values: string[] = []
  for (const name of names) values.push(await page.inputValue(`#plan-${name}`))
  return values
}
