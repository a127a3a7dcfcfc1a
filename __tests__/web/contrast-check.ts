// Code passed to page.evaluate runs in the browser and uses its globals.
/// <reference lib="dom" />
/**
 * Runs inside the page (through page.evaluate, so it must not close over
 * anything): every rendered text's colour against its effective
 * background, WCAG 2.1 contrast, and the texts below AA (4.5:1, or 3:1
 * for large text: 24 px, or 18.66 px bold).
 */
export function findLowContrast(): string[] {
  const channels = (color: string): number[] =>
    (color.match(/[\d.]+/g) ?? []).map(Number)
  const luminance = ([r = 0, g = 0, b = 0]: number[]): number => {
    const linear = (v: number): number => {
      const s = v / 255
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
    }
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
  }
  const backgroundOf = (element: Element): number[] => {
    for (let e: Element | null = element; e; e = e.parentElement) {
      const color = channels(getComputedStyle(e).backgroundColor)
      if (color.length >= 3 && (color[3] ?? 1) > 0) return color
    }
    return [255, 255, 255]
  }
  const failures: string[] = []
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent ?? '').trim()
    const element = node.parentElement
    if (text === '' || element === null) continue
    if (element.closest('svg, script, noscript, datalist, .skip-link')) continue
    if (element.getClientRects().length === 0) continue
    const style = getComputedStyle(element)
    const [fg, bg] = [
      luminance(channels(style.color)),
      luminance(backgroundOf(element))
    ]
    const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05)
    const size = parseFloat(style.fontSize)
    const large =
      size >= 24 || (Number(style.fontWeight) >= 700 && size >= 18.66)
    if (ratio < (large ? 3 : 4.5)) {
      failures.push(`"${text.slice(0, 40)}" ${ratio.toFixed(2)}:1`)
    }
  }
  return failures
}
