import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import {
  fieldsOption,
  findOnPath,
  gpuChoiceOption,
  intervalOption,
  nameOption,
  readCollectEnvironment
} from '../../src/collect/collect-config.js'

const dir = mkdtempSync(join(tmpdir(), 'eco-config-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('the collector environment', () => {
  it('names the node ECOCOMPUTE_HOST, else SLURMD_NODENAME, else the hostname', () => {
    expect(
      readCollectEnvironment({ ECOCOMPUTE_HOST: 'a', SLURMD_NODENAME: 'b' })
        .host
    ).toBe('a')
    expect(readCollectEnvironment({ SLURMD_NODENAME: 'b' }).host).toBe('b')
    expect(readCollectEnvironment({}).host).toBe(hostname())
  })

  it('reads the test hooks for the powercap and proc roots, with the real ones by default', () => {
    expect(readCollectEnvironment({})).toMatchObject({
      powercapRoot: '/sys/class/powercap',
      procRoot: '/proc'
    })
    expect(
      readCollectEnvironment({
        ECOCOMPUTE_POWERCAP_ROOT: '/x',
        ECOCOMPUTE_PROC_ROOT: '/y'
      })
    ).toMatchObject({ powercapRoot: '/x', procRoot: '/y' })
  })

  it('keeps an empty CUDA_VISIBLE_DEVICES (it hides every GPU) apart from an unset one', () => {
    expect(
      readCollectEnvironment({ CUDA_VISIBLE_DEVICES: '' }).cudaVisibleDevices
    ).toBe('')
    expect(readCollectEnvironment({}).cudaVisibleDevices).toBeUndefined()
  })

  it('reads the run metadata, ignoring an attempt that is not a positive integer', () => {
    const env = {
      RUNNER_NAME: 'r',
      GITHUB_WORKFLOW: 'w',
      GITHUB_JOB: 'j',
      GITHUB_RUN_ATTEMPT: '3'
    }
    expect(readCollectEnvironment(env).run).toEqual({
      runner: 'r',
      workflow: 'w',
      job: 'j',
      runAttempt: 3
    })
    expect(
      readCollectEnvironment({ GITHUB_RUN_ATTEMPT: '0' }).run.runAttempt
    ).toBeUndefined()
  })

  it('finds only executable tools on PATH', () => {
    const tool = join(dir, 'dcgmi')
    writeFileSync(tool, '#!/bin/sh\n')
    chmodSync(tool, 0o644)
    expect(findOnPath('dcgmi', `${dir}:/nonexistent`)).toBeUndefined()
    chmodSync(tool, 0o755)
    expect(findOnPath('dcgmi', `/nonexistent::${dir}`)).toBe(tool)
  })
})

describe('the collector options', () => {
  it('takes whole milliseconds from 10 to 60000, 500 by default', () => {
    expect(intervalOption('interval-ms', undefined)).toBe(500)
    expect(intervalOption('interval-ms', '10')).toBe(10)
    expect(() => intervalOption('interval-ms', '60001')).toThrow(
      'interval-ms must be a whole number of milliseconds from 10 to 60000, got "60001"'
    )
    expect(() => intervalOption('interval-ms', '0.5')).toThrow('got "0.5"')
  })

  it('reads gpus as a mode or a list', () => {
    expect(gpuChoiceOption('gpus', undefined)).toEqual({ mode: 'auto' })
    expect(gpuChoiceOption('gpus', ' none ')).toEqual({ mode: 'none' })
    expect(gpuChoiceOption('gpus', '0, GPU-5f0d')).toEqual({
      mode: 'list',
      ids: ['0', 'GPU-5f0d']
    })
    expect(() => gpuChoiceOption('gpus', '0;1')).toThrow(
      'gpus must be auto, all, none'
    )
  })

  it('takes nvidia-smi field names and file-safe names only', () => {
    expect(fieldsOption('fields', 'clocks.mem, fan.speed')).toEqual([
      'clocks.mem',
      'fan.speed'
    ])
    expect(() => fieldsOption('fields', 'clocks.mem,$(reboot)')).toThrow(
      'got "$(reboot)"'
    )
    expect(nameOption('name', undefined)).toBe('telemetry')
    expect(() => nameOption('name', '../etc')).toThrow(
      'name must be 1–64 letters'
    )
  })
})
