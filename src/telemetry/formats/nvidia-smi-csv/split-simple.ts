/** Splits a CSV line on commas (no quoting: nvidia-smi never quotes). */
export function splitSimple(line: string): string[] {
  return line.split(',').map(cell => cell.trim())
}
