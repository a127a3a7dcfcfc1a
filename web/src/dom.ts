/** Attributes for {@link el}: `text` sets textContent; others setAttribute. */
export type Attributes = Record<string, string | number | boolean | undefined>

/** A child for {@link el}: a node, text (always a text node), or nothing. */
export type Child = Node | string | undefined | null | false

/**
 * Creates an element. Text always goes in as text nodes, never parsed as
 * HTML, so nothing read from a file can become markup.
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  children: readonly Child[] = []
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag)
  setAttributes(element, attributes)
  append(element, children)
  return element
}

/** An SVG element with attributes and children. */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  children: readonly Child[] = []
): SVGElementTagNameMap[K] {
  const element = document.createElementNS('http://www.w3.org/2000/svg', tag)
  setAttributes(element, attributes)
  append(element, children)
  return element
}

/** Sets each defined attribute; `true` sets an empty one, `false` none. */
function setAttributes(element: Element, attributes: Attributes): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue
    element.setAttribute(name, value === true ? '' : String(value))
  }
}

/** Appends children; strings become text nodes. */
export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue
    parent.appendChild(
      typeof child === 'string' ? document.createTextNode(child) : child
    )
  }
}

/** Replaces every child of `parent` with `children`. */
export function replaceChildren(
  parent: Node,
  children: readonly Child[]
): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild)
  append(parent, children)
}

/** The element with `id`, of the expected class; throws if absent. */
export function byId<T extends HTMLElement>(id: string, kind: new () => T): T {
  const element = document.getElementById(id)
  if (!(element instanceof kind)) {
    throw new Error(`page element #${id} is missing or not a ${kind.name}`)
  }
  return element
}

/**
 * A horizontally scrolling box for a wide table: focusable and named, so
 * a keyboard user can scroll it too (WCAG 2.1.1), after a line that says
 * it scrolls, shown only while the table is wider than the box
 * (scroll-hints.ts).
 */
export function scrollBox(label: string, table: HTMLTableElement): HTMLElement {
  return el('div', { class: 'table-wrap' }, [
    el('p', { class: 'scroll-hint', hidden: true }, [
      'Wider than the screen: scroll the table sideways for every column.'
    ]),
    el(
      'div',
      {
        class: 'table-scroll',
        tabindex: 0,
        role: 'region',
        'aria-label': label
      },
      [table]
    )
  ])
}
