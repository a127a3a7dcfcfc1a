/**
 * Loads the published footprints once. The JSON is imported statically so
 * the bundler puts it inside `dist/`.
 */
import publishedJson from '../../calibration-data/validation/published.json' with { type: 'json' }
import {
  type PublishedFile,
  PublishedFile as FileSchema
} from './published-schema.js'

let cached: PublishedFile | undefined

/** The validated file; throws with one line per problem when it is not. */
export function loadPublishedFootprints(): PublishedFile {
  cached ??= parsePublishedFootprints(publishedJson)
  return cached
}

/** Validates raw file contents, one line per problem in the error. */
export function parsePublishedFootprints(raw: unknown): PublishedFile {
  const result = FileSchema.safeParse(raw)
  if (result.success) return result.data
  const lines = result.error.issues.map(
    issue => `${issue.path.join('.') || '(file)'}: ${issue.message}`
  )
  throw new Error(
    `calibration-data/validation/published.json is invalid:\n${lines.join('\n')}`
  )
}
