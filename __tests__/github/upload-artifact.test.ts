import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { uploadArtifact } from '../../src/github/upload-artifact.js'
import { extractZipEntry } from '../../src/github/zip-entry.js'
import {
  type MockResultsService,
  startMockResultsService
} from './mock-results-service.js'

const RUNNER_ENV = [
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_RESULTS_URL',
  'GITHUB_SERVER_URL'
] as const

describe('uploadArtifact', () => {
  let service: MockResultsService
  let folder: string
  const saved = new Map<string, string | undefined>()

  beforeAll(async () => {
    service = await startMockResultsService()
    folder = await mkdtemp(join(tmpdir(), 'ecocompute-upload-'))
    for (const name of RUNNER_ENV) saved.set(name, process.env[name])
  })
  afterAll(async () => {
    for (const [name, value] of saved) restoreEnv(name, value)
    await service.close()
  })

  it('uploads a file that the service then holds byte for byte', async () => {
    useService(service)
    const file = join(folder, 'audit.json')
    const text = '{"schema":"ecocompute.audit/v1"}\n'
    await writeFile(file, text)

    const outcome = await uploadArtifact({
      name: 'ecocompute-audit-ci-default-1',
      files: [file],
      rootDirectory: folder,
      retentionDays: 7
    })

    expect(outcome).toMatchObject({ uploaded: true })
    const stored = service.artifacts.get('ecocompute-audit-ci-default-1')
    expect(stored).toBeDefined()
    const entry = extractZipEntry(stored?.zip ?? Buffer.alloc(0), {
      name: 'audit.json'
    })
    expect(entry.toString('utf8')).toBe(text)
  })

  it('gives a reason, not an exception, when the name is taken', async () => {
    useService(service)
    const file = join(folder, 'again.json')
    await writeFile(file, '{}\n')
    service.seed('taken-name', Buffer.from('PK'))

    const outcome = await uploadArtifact({
      name: 'taken-name',
      files: [file],
      rootDirectory: folder
    })

    expect(outcome.uploaded).toBe(false)
    if (!outcome.uploaded) expect(outcome.reason).toMatch(/exists|409/)
  })

  it('says there is no artifact service outside a job', async () => {
    restoreEnv('ACTIONS_RUNTIME_TOKEN', undefined)
    restoreEnv('ACTIONS_RESULTS_URL', undefined)

    const outcome = await uploadArtifact({
      name: 'anything',
      files: [join(folder, 'audit.json')],
      rootDirectory: folder
    })

    expect(outcome).toEqual({
      uploaded: false,
      reason: expect.stringMatching(/no artifact service/)
    })
  })

  it('says GitHub Enterprise Server is not supported', async () => {
    useService(service)
    process.env.GITHUB_SERVER_URL = 'https://ghes.example.test'

    const outcome = await uploadArtifact({
      name: 'on-ghes',
      files: [join(folder, 'audit.json')],
      rootDirectory: folder
    })

    expect(outcome).toEqual({
      uploaded: false,
      reason: expect.stringMatching(/Enterprise Server/)
    })
    expect(service.artifacts.has('on-ghes')).toBe(false)
  })
})

/** The environment a runner gives a step, pointing at the mock. */
function useService(service: MockResultsService): void {
  Object.assign(process.env, service.env)
  process.env.GITHUB_SERVER_URL = 'https://github.com'
}

/** Sets or deletes one environment variable. */
function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name]
  else process.env[name] = value
}
