import { readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { expect, it } from '@jest/globals'

/** The engine's entry points that the web page imports. */
const ENTRIES = [
  'src/estimate/index.ts',
  'src/estimate/plan-case-study.ts',
  'src/estimate/plan-validation.ts'
]

const IMPORT =
  /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g

/** Every module specifier a file imports, types excluded. */
function specifiers(file: string): string[] {
  const source = readFileSync(file, 'utf8')
  return [...source.matchAll(IMPORT)]
    .filter(match => !/^(?:import|export)\s+type\s/.test(match[0]))
    .map(match => match[1] ?? match[2] ?? '')
}

/** The files reachable from `entries` and the packages they import. */
function walk(entries: string[]): {
  files: Set<string>
  packages: Set<string>
} {
  const files = new Set<string>()
  const packages = new Set<string>()
  const queue = entries.map(entry => resolve(entry))
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (files.has(file)) continue
    files.add(file)
    for (const spec of specifiers(file)) {
      if (spec.startsWith('.')) {
        const target = join(dirname(file), spec)
        queue.push(
          target.endsWith('.json') ? target : target.replace(/\.js$/, '.ts')
        )
      } else packages.add(spec)
    }
  }
  return { files, packages }
}

it('imports no Node module anywhere in the planning engine’s graph', () => {
  const { files, packages } = walk(ENTRIES)
  const node = [...packages].filter(
    p => p.startsWith('node:') || builtinModules.includes(p.split('/')[0] ?? '')
  )
  expect(node).toEqual([])
  expect(files.size).toBeGreaterThan(20)
  expect([...packages].sort()).toEqual([
    '@tgwf/co2/data',
    '@tgwf/co2/data/electricity-maps',
    'markdown-table',
    'zod'
  ])
})
