import { runSamplerProcess } from './sampler-process.js'

/** Entry point of dist/collect-sampler.js, started by the action's main step. */
process.exitCode = await runSamplerProcess(process.argv[2])
