import { describe, expect, it } from '@jest/globals'
import {
  auditArtifactName,
  auditArtifactPrefix,
  sanitiseArtifactPart
} from '../../src/github/artifact-name.js'

describe('audit artifact names', () => {
  it('keep only characters every artifact service accepts', () => {
    expect(sanitiseArtifactPart('GPU audit / nightly: "A100"')).toBe(
      'gpu-audit-nightly-a100'
    )
    expect(sanitiseArtifactPart('***')).toBe('default')
    expect(sanitiseArtifactPart('ci')).toBe('ci')
  })

  it('put the attempt last after a prefix that ends in a dash', () => {
    expect(auditArtifactPrefix('CI', 'default')).toBe(
      'ecocompute-audit-ci-default-'
    )
    expect(auditArtifactName('CI', 'train', 2)).toBe(
      'ecocompute-audit-ci-train-2'
    )
  })
})
