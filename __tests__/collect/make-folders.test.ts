import {
  existsSync,
  mkdtempSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { claimOutput, makeFolders } from '../../src/collect/output-layout.js'

const dir = mkdtempSync(join(tmpdir(), 'eco-folders-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** /proc refuses new entries with ENOENT although the parent exists. */
const onProcFs = existsSync('/proc/self/stat')

describe('making the output folder', () => {
  it('makes every missing level and accepts one that is already there', async () => {
    const deep = join(dir, 'a', 'b', 'c')
    await makeFolders(deep)
    expect(statSync(deep).isDirectory()).toBe(true)
    await expect(makeFolders(deep)).resolves.toBeUndefined()
  })

  it('stops at a file in the way with ENOTDIR', async () => {
    writeFileSync(join(dir, 'plain-file'), 'x')
    await expect(
      makeFolders(join(dir, 'plain-file', 'out'))
    ).rejects.toMatchObject({ code: 'ENOTDIR' })
  })

  // Node 20's recursive mkdir never returns here (issue #6); one plain
  // mkdir per level fails at once.
  ;(onProcFs ? it : it.skip)(
    'fails at once under /proc, naming the folder and the error',
    async () => {
      const startedMs = Date.now()
      await expect(
        claimOutput('/proc/ecocompute-no-such-folder', 'telemetry', 'n')
      ).rejects.toThrow(
        "cannot create the output folder /proc/ecocompute-no-such-folder: ENOENT: no such file or directory, mkdir '/proc/ecocompute-no-such-folder'"
      )
      expect(Date.now() - startedMs).toBeLessThan(1000)
    }
  )
})
