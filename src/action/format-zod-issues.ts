import type { ZodError } from 'zod'

/** One line per problem: `input: message`. */
export function formatZodIssues(error: ZodError): string {
  return error.issues
    .map(issue => `${issue.path.join('.') || 'input'}: ${issue.message}`)
    .join('\n')
}
