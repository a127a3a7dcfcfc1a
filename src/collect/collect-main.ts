import { runCollectMain } from './action-main.js'

/** Entry point of dist/collect-main.js (collect/action.yml `main`). */
await runCollectMain()
