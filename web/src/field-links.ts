import { el } from './dom.js'

/**
 * Links from a message to the field it is about. They focus the field
 * (opening the section it sits in) rather than follow the `#id`, since the
 * URL's fragment holds the plan.
 */

/** A link to field `id`, named by the field's label unless `text` is given. */
export function fieldLink(id: string, text?: string): HTMLAnchorElement {
  return el('a', { href: `#${id}`, 'data-field': id }, [text ?? labelOf(id)])
}

/** The visible label of a field (a fieldset's legend), else its id. */
export function labelOf(id: string): string {
  const field = document.getElementById(id)
  const label =
    field instanceof HTMLFieldSetElement
      ? field.querySelector('legend')
      : document.querySelector(`label[for="${id}"]`)
  return label?.textContent?.trim() || id
}

/** Opens the closed `<details>` around a field, so it and its message show. */
export function openSectionOf(id: string): void {
  const section = document.getElementById(id)?.closest('details')
  if (section instanceof HTMLDetailsElement) section.open = true
}

/** Makes every field link under `root` focus its field when followed. */
export function startFieldLinks(root: HTMLElement): void {
  root.addEventListener('click', event => {
    const link =
      event.target instanceof Element
        ? event.target.closest('a[data-field]')
        : null
    if (link === null) return
    event.preventDefault()
    const id = link.getAttribute('data-field') ?? ''
    openSectionOf(id)
    const field = document.getElementById(id)
    const target =
      field instanceof HTMLFieldSetElement
        ? field.querySelector('input')
        : field
    target?.focus()
  })
}
