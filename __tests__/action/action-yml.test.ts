import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { RawInputs } from '../../src/action/action-inputs.js'

/** `action.yml`'s inputs and outputs blocks: names with their descriptions. */
function declared(block: 'inputs' | 'outputs'): Map<string, string> {
  const text = readFileSync('action.yml', 'utf8')
  const start = text.indexOf(`\n${block}:\n`)
  const end = text.indexOf('\n\n', start + 1)
  const body = text.slice(start, end === -1 ? undefined : end)
  const names = new Map<string, string>()
  for (const match of body.matchAll(
    /^ {2}([a-z-]+):\n {4}description: '((?:[^']|'')*)'/gm
  ))
    names.set(match[1]!, match[2]!)
  return names
}

describe('action.yml', () => {
  it('declares exactly the inputs the one schema reads, each described', () => {
    const inputs = declared('inputs')
    expect([...inputs.keys()].sort()).toEqual(
      Object.keys(RawInputs.shape).sort()
    )
    for (const description of inputs.values())
      expect(description.length).toBeGreaterThan(20)
  })

  it('declares every output the action sets', () => {
    const outputs = [...declared('outputs').keys()].sort()
    const source = ['src/action/set-outputs.ts', 'src/action/run.ts']
      .map(path => readFileSync(path, 'utf8'))
      .join('\n')
    const set = new Set<string>()
    for (const match of source.matchAll(/setOutput\(\s*'([a-z-]+)'/g))
      set.add(match[1]!)
    for (const match of source.matchAll(/setRange\(\s*'([a-z-]+)'/g))
      for (const suffix of ['', '-low', '-high'])
        set.add(`${match[1]!}${suffix}`)
    expect(outputs.length).toBeGreaterThan(10)
    expect(outputs).toEqual([...set].sort())
  })
})
