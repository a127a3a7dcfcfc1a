import { afterEach } from '@jest/globals'

/**
 * Sets environment variables for one test of the calling file and puts
 * the old values back after it, so in-process runs of the collector see
 * a fake node's PATH and roots and nothing leaks into the next test.
 */
export function envScope(): (vars: Record<string, string | undefined>) => void {
  const saved = new Map<string, string | undefined>()
  afterEach(() => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
    saved.clear()
  })
  return vars => {
    for (const [name, value] of Object.entries(vars)) {
      if (!saved.has(name)) saved.set(name, process.env[name])
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  }
}
