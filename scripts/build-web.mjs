// Builds the Interactive Estimator into web/dist/: index.html, styles.css,
// one classic (non-module) script app.js with the calibration data inside,
// and the licences of the packages bundled into it. Browsers refuse ES
// modules and fetch() on file://, so one classic script is what lets the
// page work offline from a folder as well as from any static host.
//
//   node scripts/build-web.mjs        (npm run build:web also type-checks)
//   node scripts/build-web.mjs --out test-output/web-links
//                                     (a copy of its own for one test file,
//                                     so test files running in parallel
//                                     never rebuild a page another one has
//                                     open)
import { build } from 'esbuild'
import {
  copyFile,
  mkdir,
  readFile,
  readdir,
  rm,
  writeFile
} from 'node:fs/promises'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const { values } = parseArgs({ options: { out: { type: 'string' } } })
const OUT = join(ROOT, values.out ?? 'web/dist')
if (relative(ROOT, OUT).startsWith('..') || relative(ROOT, OUT) === '') {
  throw new Error(`--out must be a folder inside the repository, got ${OUT}`)
}

await rm(OUT, { recursive: true, force: true })
await mkdir(OUT, { recursive: true })
const result = await build({
  entryPoints: [join(ROOT, 'web/src/main.ts')],
  outfile: join(OUT, 'app.js'),
  bundle: true,
  format: 'iife',
  platform: 'browser',
  // Browsers of 2022 on: top-level features the sources use (class fields,
  // ??=, Intl time zones) all exist there.
  target: ['chrome105', 'firefox105', 'safari16'],
  minify: true,
  charset: 'utf8',
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning'
})
for (const name of ['index.html', 'styles.css']) {
  await copyFile(join(ROOT, 'web', name), join(OUT, name))
}
await writeFile(
  join(OUT, 'THIRD-PARTY-LICENSES.txt'),
  await licences(result.metafile)
)
const script = await readFile(join(OUT, 'app.js'))
process.stdout.write(
  `${relative(ROOT, OUT)}/app.js: ${kib(script.length)} KiB raw, ${kib(gzipSync(script, { level: 9 }).length)} KiB gzip\n`
)

/** KiB with one decimal. */
function kib(bytes) {
  return (bytes / 1024).toFixed(1)
}

/**
 * The licence text of every npm package bundled into app.js, found from
 * esbuild's list of inputs.
 * @param {import('esbuild').Metafile} metafile
 */
async function licences(metafile) {
  const packages = new Set()
  for (const input of Object.keys(metafile.inputs)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)
    if (match) packages.add(match[1])
  }
  const sections = []
  for (const name of [...packages].sort()) {
    sections.push(await licenceOf(name))
  }
  return `${sections.join('\n\n')}\n`
}

/**
 * One package's name, version, licence id and licence file.
 * @param {string} name
 */
async function licenceOf(name) {
  const folder = join(ROOT, 'node_modules', name)
  const manifest = JSON.parse(
    await readFile(join(folder, 'package.json'), 'utf8')
  )
  const file = (await readdir(folder)).find(f =>
    /^(licen[cs]e|copying)/i.test(f)
  )
  const text = file
    ? await readFile(join(folder, file), 'utf8')
    : '(no licence file in the package)'
  return `${manifest.name} ${manifest.version} (${manifest.license})\n${'-'.repeat(60)}\n${text.trim()}`
}
