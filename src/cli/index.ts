import { main } from './main.js'

// A closed pipe or a full disk on standard output is reported, not thrown.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: Error) => {
    if (stream === process.stdout) {
      process.stderr.write(`error: cannot write the output: ${error.message}\n`)
    }
    process.exit(1)
  })
}

/** Entry point of dist/cli.js. */
process.exitCode = await main(process.argv.slice(2))
