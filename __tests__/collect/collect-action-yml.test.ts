import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { collectHelp } from '../../src/cli/collect-help.js'
import { CollectRawInputs } from '../../src/collect/collect-inputs.js'

const ACTION = readFileSync('collect/action.yml', 'utf8')

/** A block's names with their descriptions. */
function declared(block: 'inputs' | 'outputs'): Map<string, string> {
  const start = ACTION.indexOf(`\n${block}:\n`)
  const end = ACTION.indexOf('\n\n', start + 1)
  const names = new Map<string, string>()
  for (const match of ACTION.slice(start, end).matchAll(
    /^ {2}([a-z-]+):\n {4}description: '((?:[^']|'')*)'/gm
  ))
    names.set(match[1]!, match[2]!)
  return names
}

describe('collect/action.yml', () => {
  it('declares exactly the inputs the one schema reads, each described', () => {
    const inputs = declared('inputs')
    expect([...inputs.keys()].sort()).toEqual(
      Object.keys(CollectRawInputs.shape).sort()
    )
    for (const description of inputs.values())
      expect(description.length).toBeGreaterThan(20)
  })

  it('declares every output the main step sets', () => {
    const source = readFileSync('src/collect/action-main.ts', 'utf8')
    const set = [...source.matchAll(/setOutput\(\s*'([a-z-]+)'/g)].map(
      m => m[1]!
    )
    expect([...declared('outputs').keys()].sort()).toEqual(set.sort())
  })

  it('runs main and post from the repository dist/ on node24, post always', () => {
    expect(ACTION).toContain("using: 'node24'")
    expect(ACTION).toContain("post-if: 'always()'")
    for (const step of ['main', 'post']) {
      const path = /^ {2}(?:main|post): '([^']+)'/m.exec(
        ACTION.slice(ACTION.indexOf(`  ${step}:`))
      )?.[1]
      expect(path).toBe(`../dist/collect-${step}.js`)
      expect(existsSync(join('collect', path!))).toBe(true)
    }
  })

  it('says what a GPU id that names no GPU does: a warning or, with required, a failure; the CLI exits 125', () => {
    const inputs = declared('inputs')
    expect(inputs.get('gpus')).toContain(
      'One that nvidia-smi does not list is a warning naming it and the GPUs there are, and the CPU is recorded alone (a failed step with required: true)'
    )
    expect(inputs.get('required')).toContain('a gpus entry that names no GPU')
    expect(collectHelp().replace(/\s+/g, ' ')).toContain(
      'one nvidia-smi does not list is an error (exit 125) naming the GPUs there are'
    )
  })
})
