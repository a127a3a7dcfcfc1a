// Builds the committed bundles with @vercel/ncc: dist/index.js (the action),
// dist/cli.js (the CLI) and dist/collect-*.js (the collect sub-action), each
// with a NAME.licenses.txt of the third-party licences bundled into it.
import ncc from '@vercel/ncc'
import { mkdir, rm, writeFile } from 'node:fs/promises'

const ENTRIES = [
  { input: 'src/action/index.ts', output: 'dist/index.js' },
  { input: 'src/cli/index.ts', output: 'dist/cli.js' },
  { input: 'src/collect/collect-main.ts', output: 'dist/collect-main.js' },
  { input: 'src/collect/collect-post.ts', output: 'dist/collect-post.js' },
  { input: 'src/collect/collect-sampler.ts', output: 'dist/collect-sampler.js' }
]

await rm('dist', { recursive: true, force: true })
await mkdir('dist', { recursive: true })
for (const { input, output } of ENTRIES) {
  const { code, assets } = await bundle(input)
  await writeFile(output, code)
  const licence = assets['licenses.txt']
  if (licence)
    await writeFile(output.replace(/\.js$/, '.licenses.txt'), licence.source)
  const extra = Object.keys(assets).filter(
    name => name !== 'licenses.txt' && name !== 'package.json'
  )
  if (extra.length > 0)
    throw new Error(`${input}: unexpected extra assets ${extra.join(', ')}`)
}

/** Bundles one entry; prints ncc's message, not its minified stack. */
async function bundle(input) {
  try {
    return await ncc(new URL(`../${input}`, import.meta.url).pathname, {
      minify: false,
      sourceMap: false,
      license: 'licenses.txt',
      quiet: true,
      target: 'es2022'
    })
  } catch (error) {
    const message = String(error?.message ?? error)
      .split('\n')
      .slice(0, 20)
      .join('\n')
    console.error(`${input}: bundling failed\n${message.slice(0, 4000)}`)
    process.exit(1)
  }
}
