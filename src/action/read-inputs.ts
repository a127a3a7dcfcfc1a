import * as core from '@actions/core'
import { z } from 'zod'
import { formatZodIssues } from './format-zod-issues.js'

/**
 * Reads every input a schema names (empty strings as not given) and
 * parses them at once; throws one line per problem. Shared by the audit
 * action and the collector's sub-action.
 */
export function readInputsWith<Shape extends z.ZodRawShape>(
  schema: z.ZodObject<Shape>
): z.output<z.ZodObject<Shape>> {
  const raw = Object.fromEntries(
    Object.keys(schema.shape).map(name => [
      name,
      core.getInput(name) || undefined
    ])
  )
  const parsed = schema.safeParse(raw)
  if (!parsed.success) throw new Error(formatZodIssues(parsed.error))
  return parsed.data
}

/** `matrix-key`: part of artifact names and comment keys. */
export const MatrixKeyInput = z
  .string()
  .regex(/^[\w.-]{1,64}$/, 'letters, digits, _ . - only, at most 64 characters')
  .optional()

/** `retention-days`: GitHub keeps artifacts 1 to 90 days (actions/upload-artifact). */
export const RetentionDaysInput = z
  .string()
  .regex(/^(?:[1-9]|[1-8]\d|90)$/, 'a whole number of days from 1 to 90')
  .optional()
