import { el } from './dom.js'

/** What every field shows: a label, an optional hint, a slot for errors. */
export interface FieldSpec {
  id: string
  label: string
  hint?: string
}

/** A text field (numbers are typed as text: `7B`, `2e12`). */
export interface TextFieldSpec extends FieldSpec {
  inputMode?: 'decimal' | 'numeric' | 'text'
  /** Id of a `<datalist>` of suggestions. */
  list?: string
  placeholder?: string
}

/** One choice of a select. */
export interface Choice {
  value: string
  label: string
}

/** A labelled text input with its hint and error slot. */
export function textField(spec: TextFieldSpec): HTMLElement {
  const input = el('input', {
    id: spec.id,
    name: spec.id,
    type: 'text',
    inputmode: spec.inputMode ?? 'text',
    list: spec.list,
    placeholder: spec.placeholder,
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': describedBy(spec)
  })
  return wrap(spec, input)
}

/** A labelled select with its hint and error slot. */
export function selectField(
  spec: FieldSpec,
  choices: readonly Choice[]
): HTMLElement {
  const options = choices.map(choice =>
    el('option', { value: choice.value }, [choice.label])
  )
  const select = el(
    'select',
    { id: spec.id, name: spec.id, 'aria-describedby': describedBy(spec) },
    options
  )
  return wrap(spec, select)
}

/** A fieldset of radio buttons or checkboxes sharing `name`. */
export function choiceGroup(
  spec: FieldSpec,
  type: 'radio' | 'checkbox',
  choices: readonly Choice[]
): HTMLElement {
  const items = choices.map(choice => {
    const id = `${spec.id}-${choice.value}`
    const input = el('input', { type, id, name: spec.id, value: choice.value })
    return el('div', { class: 'choice' }, [
      input,
      el('label', { for: id }, [choice.label])
    ])
  })
  return el(
    'fieldset',
    {
      id: spec.id,
      class: 'field choice-group',
      'aria-describedby': describedBy(spec)
    },
    [el('legend', {}, [spec.label]), ...items, hintOf(spec), errorSlot(spec)]
  )
}

/** The `<div class="field">` around a control. */
function wrap(spec: FieldSpec, control: HTMLElement): HTMLElement {
  return el('div', { class: 'field' }, [
    el('label', { for: spec.id }, [spec.label]),
    control,
    hintOf(spec),
    errorSlot(spec)
  ])
}

/** The ids of the hint and error a field is described by. */
function describedBy(spec: FieldSpec): string {
  return spec.hint === undefined
    ? `${spec.id}-error`
    : `${spec.id}-hint ${spec.id}-error`
}

function hintOf(spec: FieldSpec): HTMLElement | undefined {
  if (spec.hint === undefined) return undefined
  return el('p', { id: `${spec.id}-hint`, class: 'hint' }, [spec.hint])
}

function errorSlot(spec: FieldSpec): HTMLElement {
  return el('p', {
    id: `${spec.id}-error`,
    class: 'field-error',
    'aria-live': 'polite'
  })
}
