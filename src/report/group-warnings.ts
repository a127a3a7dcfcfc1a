import type { Warning } from '../audit/audit-schema.js'

/** The warnings of one code, in the order the audit reported them. */
export interface WarningGroup {
  code: Warning['code']
  /** Occurrences, aggregated warnings counted in full. */
  count: number
  warnings: Warning[]
  /** How many of `warnings` a report shows; the rest it only counts. */
  shown: number
}

/**
 * Groups warnings by code, most frequent first (ties keep the order of
 * first appearance), and shares `budget` shown warnings among the groups.
 */
export function groupWarnings(
  warnings: readonly Warning[],
  budget: number
): WarningGroup[] {
  const byCode = new Map<Warning['code'], WarningGroup>()
  for (const warning of warnings) {
    const group = byCode.get(warning.code) ?? newGroup(warning.code)
    group.count += warning.count ?? 1
    group.warnings.push(warning)
    byCode.set(warning.code, group)
  }
  const groups = [...byCode.values()].sort((a, b) => b.count - a.count)
  shareBudget(groups, budget)
  return groups
}

/** An empty group for a code. */
function newGroup(code: Warning['code']): WarningGroup {
  return { code, count: 0, warnings: [], shown: 0 }
}

/**
 * Deals the budget out one warning per group per round, so a flood of one
 * code cannot hide that other codes occurred at all.
 */
function shareBudget(groups: WarningGroup[], budget: number): void {
  let left = Math.max(0, budget)
  let dealt = true
  while (left > 0 && dealt) {
    dealt = false
    for (const group of groups) {
      if (left === 0 || group.shown >= group.warnings.length) continue
      group.shown += 1
      left -= 1
      dealt = true
    }
  }
}

/** `file:line`, `file` or undefined, the file name passed through `escape`. */
export function warningPlace(
  warning: Warning,
  escape: (text: string) => string
): string | undefined {
  if (warning.file === undefined) return undefined
  const file = escape(warning.file)
  return warning.line === undefined ? file : `${file}:${warning.line}`
}
