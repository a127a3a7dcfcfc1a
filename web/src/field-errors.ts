/**
 * Shows a message next to a form field: in the `<id>-error` element that
 * the field's `aria-describedby` names, with `aria-invalid` set, so a
 * screen reader reads it with the field.
 */
export function showFieldError(id: string, message: string | undefined): void {
  const field = document.getElementById(id)
  const slot = document.getElementById(`${id}-error`)
  if (slot !== null) slot.textContent = message ?? ''
  if (field === null) return
  if (message === undefined) field.removeAttribute('aria-invalid')
  else field.setAttribute('aria-invalid', 'true')
}

/** Clears every field error under `root`. */
export function clearFieldErrors(root: ParentNode): void {
  for (const slot of root.querySelectorAll('.field-error')) {
    slot.textContent = ''
  }
  for (const field of root.querySelectorAll('[aria-invalid]')) {
    field.removeAttribute('aria-invalid')
  }
}
