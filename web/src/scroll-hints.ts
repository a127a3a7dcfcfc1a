/**
 * Wide tables scroll inside their box (dom.ts scrollBox). Whether one is
 * wider than its box depends on the screen, so after each redraw, resize
 * or opened disclosure the page measures every box and shows its "scroll
 * sideways" line only where there is more to see.
 */

let scheduled = false

/** Measures every table box once the browser has laid out the page. */
export function markScrollables(): void {
  if (scheduled) return
  scheduled = true
  requestAnimationFrame(() => {
    scheduled = false
    for (const wrap of document.querySelectorAll('.table-wrap')) markOne(wrap)
  })
}

/** Shows or hides one box's hint; marks the box for its edge shadows. */
function markOne(wrap: Element): void {
  const box = wrap.querySelector('.table-scroll')
  const hint = wrap.querySelector('.scroll-hint')
  if (!(box instanceof HTMLElement) || !(hint instanceof HTMLElement)) return
  const overflowing = box.scrollWidth > box.clientWidth + 1
  hint.hidden = !overflowing
  box.dataset.overflowing = String(overflowing)
}

/** Re-measures on resize and when a disclosure opens. */
export function startScrollHints(): void {
  window.addEventListener('resize', () => markScrollables())
  // toggle does not bubble; a capturing listener sees every <details>.
  document.addEventListener('toggle', () => markScrollables(), true)
}
