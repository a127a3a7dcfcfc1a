import { CANONICAL_FIELDS } from '../telemetry/formats/nvidia-smi-csv/header.js'
import { UsageError } from './usage-error.js'

/**
 * A number option within [min, max], or a usage error naming it as the
 * user wrote it (`--pue` on the command line, `pue` as an action input).
 */
export function numberOption(
  name: string,
  text: string | undefined,
  min: number,
  max: number
): number | undefined {
  if (text === undefined) return undefined
  const value = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(text.trim())
    ? Number(text)
    : Number.NaN
  if (!(value >= min && value <= max)) {
    throw new UsageError(
      `${name} must be a number from ${min} to ${max}, got "${text}"`
    )
  }
  return value
}

/**
 * `--columns timestamp=0,power.draw=6,gpu=gpu_id`: canonical field →
 * 0-based position (a number) or header name (anything else).
 */
export function columnsOption(
  text: string | undefined
): Map<string, string | number> | undefined {
  if (text === undefined) return undefined
  const map = new Map<string, string | number>()
  for (const pair of text.split(',')) {
    const [field, target, extra] = pair.split('=').map(part => part.trim())
    if (!field || !target || extra !== undefined) {
      throw new UsageError(
        `--columns expects FIELD=HEADER_OR_POSITION pairs separated by commas, got "${pair}"`
      )
    }
    if (!(CANONICAL_FIELDS as readonly string[]).includes(field)) {
      throw new UsageError(
        `--columns field "${field}" is not one EcoCompute reads; fields: ${CANONICAL_FIELDS.join(', ')}`
      )
    }
    map.set(field, /^\d+$/.test(target) ? Number(target) : target)
  }
  return map
}

/** One of a closed set of words, or a usage error listing them. */
export function choiceOption<T extends string>(
  name: string,
  text: string | undefined,
  choices: readonly T[],
  fallback: T
): T {
  if (text === undefined) return fallback
  if ((choices as readonly string[]).includes(text)) return text as T
  throw new UsageError(
    `--${name} must be one of ${choices.join(', ')}, got "${text}"`
  )
}
