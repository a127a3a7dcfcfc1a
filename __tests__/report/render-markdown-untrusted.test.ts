import { describe, expect, it } from '@jest/globals'
import type { AuditResult } from '../../src/audit/audit-schema.js'
import { renderMarkdown } from '../../src/report/render-markdown.js'
import { buildAuditResult, buildDevice, buildWarning } from './audit-fixture.js'

/** Strings a hostile telemetry file or fork artifact could carry. */
const PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script><!-- ecocompute-audit -->',
  '| broken | table',
  '@octocat please look',
  '```\nfence\n```',
  '[x](javascript:alert(1)) and ](javascript:alert(1))',
  'line1\nline2\n\n# heading\n- item\n|---|',
  '\u001b[31mred\u001b[0m \u202eevil',
  'https://evil.example www.evil.example closes #1',
  '$\\color{red}{\\text{ALERT}}$',
  'x'.repeat(10_000)
]

/** The fixture with every string that came from a file set to `text`. */
function withFileText(text: string): AuditResult {
  return buildAuditResult(draft => {
    draft.generator = text
    draft.created = text
    draft.grounding.reasons = [text]
    Object.assign(draft.carbon, { region: text, dataset: text, licence: text })
    draft.cost.currency = text
    draft.cost.total_usd = 1
    draft.equivalents = [{ kind: text, value: 1, unit: text, source: text }]
    draft.assumptions = {
      [text]: { value: text, source: text, is_default: true }
    }
    draft.inputs = [
      { file: text, format: text, devices: 1, lines: 1, rejected_rows: 0 }
    ]
    draft.devices = [
      buildDevice(0, d => Object.assign(d, { id: text, name: text }))
    ]
    draft.warnings = [
      buildWarning('other', 1, w =>
        Object.assign(w, { message: text, file: text, device: text })
      )
    ]
    draft.window = { start: text, end: text, duration_s: 1 }
    draft.comparison = {
      baseline_source: text,
      change_percent: 1,
      verdict: 'pass',
      reasons: [text]
    }
  })
}

/** Our own HTML: everything else must arrive as entities. */
const OWN_TAGS = /<\/?(details|summary|sub)>/g

/** Count of `character` not preceded by an odd run of backslashes. */
function unescapedCount(line: string, character: string): number {
  const pattern = new RegExp(`(?<!\\\\)(\\\\\\\\)*\\${character}`, 'g')
  return (line.match(pattern) ?? []).length
}

describe.each(PAYLOADS.map(p => [p.slice(0, 40), p]))(
  'renderMarkdown with file text %j',
  (_, payload) => {
    const markdown = renderMarkdown(withFileText(payload))

    it('lets no HTML tag or comment through', () => {
      expect(markdown.replace(OWN_TAGS, '')).not.toMatch(/</)
    })

    it('opens no link, code span, mention, reference or autolink', () => {
      expect(markdown).not.toMatch(/(?<!\\)\]\(/)
      expect(unescapedCount(markdown, '`')).toBe(0)
      expect(markdown).not.toMatch(/@octocat|#1\b|https:\/\/|www\./)
      expect(markdown).not.toMatch(/(?<!\\)\$/)
    })

    it('keeps the layout of a report of plain names', () => {
      const plain = renderMarkdown(withFileText('plain'))
      expect(markdown.split('\n')).toHaveLength(plain.split('\n').length)
      const tableLines = markdown.split('\n').filter(l => l.startsWith('|'))
      const plainTables = plain.split('\n').filter(l => l.startsWith('|'))
      expect(tableLines.map(l => unescapedCount(l, '|'))).toEqual(
        plainTables.map(l => unescapedCount(l, '|'))
      )
    })

    it('strips control characters and stays short', () => {
      // eslint-disable-next-line no-control-regex -- looking for controls
      expect(markdown).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/)
      expect(markdown.length).toBeLessThan(20_000)
    })
  }
)

describe('renderMarkdown of a large fleet', () => {
  const hostile = `<b>${'n'.repeat(10_000)}`
  const result = buildAuditResult(draft => {
    draft.devices = Array.from({ length: 500 }, (_, i) =>
      buildDevice(i, d => Object.assign(d, { name: hostile, file: hostile }))
    )
    draft.warnings = Array.from({ length: 5_000 }, (_, i) =>
      buildWarning(i % 3 === 0 ? 'gap' : 'stale-sensor', i + 1, w =>
        Object.assign(w, { message: hostile, file: hostile })
      )
    )
    draft.grounding.reasons = Array.from({ length: 500 }, () => hostile)
    draft.inputs = Array.from({ length: 500 }, () => ({
      file: hostile,
      format: 'nvidia-smi-csv',
      devices: 1,
      lines: 100,
      rejected_rows: 1
    }))
    for (let node = 0; node < 1_500; node += 1) {
      draft.assumptions[`${hostile}${node}`] = {
        value: hostile,
        source: hostile,
        is_default: true
      }
    }
  })
  const markdown = renderMarkdown(result)

  it('stays under 60,000 characters and 200,000 bytes', () => {
    expect(markdown.length).toBeLessThan(60_000)
    expect(new TextEncoder().encode(markdown).length).toBeLessThan(200_000)
    expect(markdown).not.toContain('Report shortened')
  })

  it('collapses the device table and counts the devices left out', () => {
    expect(markdown).toContain(
      '<details>\n<summary>Devices: 500 (first 50 shown)</summary>'
    )
    const rows = markdown.split('\n').filter(l => l.startsWith('| node-a/'))
    expect(rows).toHaveLength(50)
    expect(markdown).toContain('…and 450 more devices, in the audit JSON.')
  })

  it('counts the warnings, assumptions, inputs and reasons left out', () => {
    expect(markdown).toContain('### Warnings (5,000)')
    expect(markdown).toContain('20 of 5,000 warnings shown in full')
    expect(markdown).toContain('…and 1,463 more assumptions')
    expect(markdown).toContain('…and 450 more files')
    expect(markdown).toContain('…and 490 more reasons')
  })
})
