import { describe, expect, test } from '@jest/globals'

import { runDataCommand } from '../../src/cli/data-command.js'
import { UsageError } from '../../src/cli/usage-error.js'
import { captureOutput } from '../helpers/capture-output.js'

const output = captureOutput()

describe('data list', () => {
  test('prints a table of one kind with id, numbers and source', async () => {
    expect(await runDataCommand(['list', 'hardware'])).toBe(0)
    const lines = output.stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^kind +id +name +key numbers +source$/)
    const mi300x = lines.find(line => line.includes(' mi300x '))
    expect(mi300x).toContain('max 750 W')
    expect(mi300x).toContain('AMD Instinct MI300X accelerator specifications')
    expect(lines.at(-1)).toMatch(/^\d+ records$/)
  })

  test('lists every kind when none is named', async () => {
    await runDataCommand(['list', '--format', 'json'])
    const rows = JSON.parse(output.stdout) as { kind: string }[]
    expect(new Set(rows.map(r => r.kind))).toEqual(
      new Set([
        'hardware',
        'nodes',
        'workloads',
        'regions',
        'prices',
        'equivalents'
      ])
    )
  })

  test('lists prices with their source in JSON', async () => {
    await runDataCommand(['list', 'prices', '--format', 'json'])
    const rows = JSON.parse(output.stdout) as { id: string; source: string }[]
    const us = rows.find(r => r.id === 'electricity:US')
    expect(us?.source).toMatch(/Strubell.*\(2019\), https:\/\/arxiv/)
  })

  test('rejects an unknown kind, naming the accepted ones', async () => {
    await expect(runDataCommand(['list', 'gpus'])).rejects.toThrow(
      'data list: KIND must be one of hardware, nodes, workloads, regions, prices, equivalents, got "gpus"'
    )
  })
})

describe('data show', () => {
  test('prints one record as JSON under its source', async () => {
    expect(await runDataCommand(['show', 'aws:us-east-1'])).toBe(0)
    const [title, source, ...json] = output.stdout.split('\n')
    expect(title).toBe('regions aws:us-east-1: N. Virginia, US')
    expect(source).toMatch(/^source: AWS Regions and Availability Zones/)
    expect(JSON.parse(json.join('\n'))).toMatchObject({ zone: 'US-MIDA-PJM' })
  })

  test('finds ids of every file, ignoring case where needed', async () => {
    for (const id of ['tpu-v4', 'pue:gcp', 'electricity:us', 'MI325X']) {
      output.stdout = ''
      await runDataCommand(['show', id, '--format', 'json'])
      const shown = JSON.parse(output.stdout) as { source: string }
      expect(shown.source).toMatch(/\(\d{4}\), /)
    }
  })

  test('shows a workload calibration under its made-up id', async () => {
    await runDataCommand(['list', 'workloads', '--format', 'json'])
    const [first] = JSON.parse(output.stdout) as { id: string }[]
    output.stdout = ''
    await runDataCommand(['show', first?.id ?? '', '--format', 'json'])
    expect(JSON.parse(output.stdout)).toMatchObject({ kind: 'workloads' })
  })

  test('an unknown id is a usage error listing close matches', async () => {
    const run = runDataCommand(['show', 'h100-sxn'])
    await expect(run).rejects.toBeInstanceOf(UsageError)
    await expect(runDataCommand(['show', 'h100-sxn'])).rejects.toThrow(
      /no record with id "h100-sxn"; did you mean h100-sxm\b/
    )
  })

  test('an id with nothing close points at data list', async () => {
    await expect(runDataCommand(['show', 'zzzzzzzzzzzz'])).rejects.toThrow(
      'data show: no record with id "zzzzzzzzzzzz"; see data list for every id'
    )
  })
})

describe('data: usage', () => {
  test('prints help and exits 0', async () => {
    expect(await runDataCommand(['--help'])).toBe(0)
    expect(output.stdout).toMatch(/^Usage: node dist\/cli\.js data list/)
  })

  test.each([
    [[], 'data expects list or show, got nothing'],
    [['drop'], 'data expects list or show, got "drop"'],
    [['show'], 'data show needs an ID'],
    [['list', 'hardware', 'x'], 'data: unexpected argument "x"'],
    [
      ['list', '--format', 'csv'],
      '--format must be one of text, json, got "csv"'
    ],
    [['list', '--bogus'], /Unknown option '--bogus'/]
  ])('rejects %j', async (args, message) => {
    await expect(runDataCommand(args)).rejects.toThrow(message)
  })
})
