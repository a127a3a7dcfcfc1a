import { afterEach, beforeEach, jest } from '@jest/globals'

/** What the code under test wrote to standard output and error. */
export interface CapturedOutput {
  stdout: string
  stderr: string
}

/**
 * Captures process.stdout and process.stderr writes for every test of the
 * calling file; read the returned object after the code has run.
 */
export function captureOutput(): CapturedOutput {
  const captured: CapturedOutput = { stdout: '', stderr: '' }
  beforeEach(() => {
    captured.stdout = ''
    captured.stderr = ''
    jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
      captured.stdout += String(chunk)
      return true
    })
    jest.spyOn(process.stderr, 'write').mockImplementation(chunk => {
      captured.stderr += String(chunk)
      return true
    })
  })
  afterEach(() => {
    jest.restoreAllMocks()
  })
  return captured
}
