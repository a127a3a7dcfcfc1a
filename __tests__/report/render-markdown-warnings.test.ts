import { describe, expect, it } from '@jest/globals'
import { renderMarkdown } from '../../src/report/render-markdown.js'
import { renderText } from '../../src/report/render-text.js'
import {
  buildAuditResult,
  buildEmptyResult,
  buildWarning
} from './audit-fixture.js'

/** Words a report must never print for a missing or broken number. */
const NOT_A_VALUE = /NaN|undefined|null|Infinity/

describe('renderMarkdown warnings', () => {
  it('groups warnings by code with counts and file:line', () => {
    const result = buildAuditResult(draft => {
      draft.warnings = [
        buildWarning('gap', 10),
        buildWarning('stale-sensor', 30, w => {
          w.count = 4
          w.device = 'node-a/GPU-0001'
        }),
        buildWarning('gap', 20),
        buildWarning('region-fallback', 1, w => {
          delete w.file
          delete w.line
        })
      ]
    })
    expect(renderMarkdown(result)).toContain(
      [
        '### Warnings (7)',
        '',
        '- **stale-sensor**: 4',
        '  - telemetry/node-a.csv:30 · device node-a/GPU-0001: stale-sensor number 30 (×4)',
        '- **gap**: 2',
        '  - telemetry/node-a.csv:10: gap number 10',
        '  - telemetry/node-a.csv:20: gap number 20',
        '- **region-fallback**: 1',
        '  - region-fallback number 1'
      ].join('\n')
    )
  })

  it('shows the first 20 warnings, shared among codes, and counts the rest', () => {
    const result = buildAuditResult(draft => {
      draft.warnings = [
        ...Array.from({ length: 100 }, (_, i) => buildWarning('gap', i + 1)),
        ...Array.from({ length: 3 }, (_, i) =>
          buildWarning('counter-reset', i + 1)
        )
      ]
    })
    const markdown = renderMarkdown(result)
    const shown = markdown.split('\n').filter(line => / number \d+$/.test(line))
    expect(shown).toHaveLength(20)
    expect(markdown).toContain('- **gap**: 100')
    expect(markdown).toContain('  - …and 83 more')
    expect(markdown).toContain(
      '  - telemetry/node-a.csv:3: counter-reset number 3'
    )
    expect(markdown).toContain(
      '20 of 103 warnings shown in full; every one is in the audit JSON.'
    )
  })

  it('leaves the section out when there are no warnings', () => {
    expect(renderMarkdown(buildAuditResult())).not.toContain('### Warnings')
  })
})

describe('reports of a result with nulls and zero energies', () => {
  it('print no NaN, undefined, null or Infinity in Markdown', () => {
    const markdown = renderMarkdown(buildEmptyResult())
    expect(markdown).not.toMatch(NOT_A_VALUE)
    expect(markdown).toContain('| Energy (facility) | 0 kWh | — |')
    expect(markdown).toContain('| Cost | not computed — no price given | — |')
    expect(markdown).toContain(
      'Window: — to —, 0 s (times counted from the start of a file: no dates).'
    )
    expect(markdown).toContain('year not stated')
  })

  it('print no NaN, undefined, null or Infinity in text', () => {
    expect(renderText(buildEmptyResult())).not.toMatch(NOT_A_VALUE)
  })

  it('print no such words when the result has no device or input', () => {
    const result = buildAuditResult(draft => {
      draft.devices = []
      draft.inputs = []
      draft.assumptions = {}
      draft.equivalents = []
      draft.window = { start: null, end: null, duration_s: 0 }
    })
    expect(renderMarkdown(result)).not.toMatch(NOT_A_VALUE)
    expect(renderText(result)).not.toMatch(NOT_A_VALUE)
  })
})
