import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterAll, expect, test } from '@jest/globals'

const outDir = mkdtempSync(join(tmpdir(), 'ecocompute-calibration-'))

afterAll(() => rmSync(outDir, { recursive: true, force: true }))

test('bundles with ncc and runs with the calibration data inside', () => {
  const ncc = join(process.cwd(), 'node_modules', '.bin', 'ncc')
  const entry = '__tests__/calibration/fixtures/bundle-entry.ts'
  execFileSync(ncc, ['build', entry, '-o', outDir, '-t', '-q'], {
    stdio: 'pipe'
  })

  // Run from the temp folder: no calibration-data/ or node_modules there.
  const stdout = execFileSync(process.execPath, ['index.js'], {
    cwd: outDir,
    encoding: 'utf8'
  })
  expect(JSON.parse(stdout)).toEqual({
    hardware: 'h100-sxm',
    zone: 'SE-SE3',
    pue: 1.09
  })
}, 120_000)
