import { run } from './run.js'

/** Entry point of dist/index.js. */
await run()
