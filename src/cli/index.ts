import { main } from './main.js'

/** Entry point of dist/cli.js. */
process.exitCode = await main(process.argv.slice(2))
