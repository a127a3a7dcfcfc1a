import { createReadStream, createWriteStream, existsSync } from 'node:fs'
import { readFile, rename, rm } from 'node:fs/promises'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { join } from 'node:path'
import type { OutputLayout } from './output-layout.js'
import { isoTime } from './spool-writer.js'
import { type HeaderFacts, headerRecord } from './telemetry-header.js'

/** The finished telemetry file. */
export interface FinishedTelemetry {
  path: string
  samples: number
  endedMs: number
}

/** How the sampler ended, when it could say so itself. */
export interface CleanEnd {
  endedMs: number
}

/**
 * Writes `<stem>.jsonl`: the header (now with the end time), every
 * spooled record, and the footer; then moves the sampler's log into
 * raw/ and removes the spool. Streams, so memory stays flat. Without a
 * clean end (the sampler was killed) the end is the last record's time,
 * a half-written last line is dropped, and a note says so.
 */
export async function finishTelemetry(
  layout: OutputLayout,
  clean: CleanEnd | undefined
): Promise<FinishedTelemetry> {
  const facts = JSON.parse(
    await readFile(layout.headerPath, 'utf8')
  ) as HeaderFacts
  const endedMs =
    clean?.endedMs ??
    (await lastRecordMs(layout.samplesPath)) ??
    facts.startedMs
  const out = createWriteStream(layout.telemetryPath, { flags: 'wx' })
  const failed = once(out, 'error').then(([error]) => {
    throw new Error(
      `cannot write ${layout.telemetryPath}: ${(error as Error).message}`
    )
  })
  const work = writeBody(
    out,
    facts,
    endedMs,
    layout.samplesPath,
    clean === undefined
  )
  const samples = await Promise.race([work, failed])
  out.end()
  await Promise.race([once(out, 'close'), failed])
  await keepLogAndDropSpool(layout)
  return { path: layout.telemetryPath, samples, endedMs }
}

/** Header, records, optional note, footer; returns the sample count. */
async function writeBody(
  out: NodeJS.WritableStream,
  facts: HeaderFacts,
  endedMs: number,
  samplesPath: string,
  crashed: boolean
): Promise<number> {
  out.write(`${JSON.stringify(headerRecord(facts, endedMs))}\n`)
  let samples = 0
  for await (const line of completeLines(samplesPath)) {
    if (!line.startsWith('{"kind":"event"')) samples += 1
    if (!out.write(`${line}\n`)) await once(out, 'drain')
  }
  if (crashed) {
    const message =
      'the sampler did not stop cleanly (killed?): telemetry ends at its last complete record'
    out.write(
      `${JSON.stringify({ kind: 'event', t: isoTime(endedMs), event: 'note', message })}\n`
    )
  }
  out.write(
    `${JSON.stringify({ kind: 'footer', t: isoTime(endedMs), samples })}\n`
  )
  return samples
}

/**
 * The spool's lines, holding each back until the next arrives so that
 * the last one can be checked: only it can have been cut off mid-write.
 */
async function* completeLines(path: string): AsyncGenerator<string> {
  if (!existsSync(path)) return
  let previous: string | undefined
  const lines = createInterface({
    input: createReadStream(path, 'utf8'),
    crlfDelay: Infinity
  })
  for await (const line of lines) {
    if (previous !== undefined) yield previous
    previous = line
  }
  if (previous !== undefined && isJson(previous)) yield previous
}

/** The time of the spool's last complete record, if any. */
async function lastRecordMs(path: string): Promise<number | undefined> {
  let latestMs: number | undefined
  for await (const line of completeLines(path)) {
    const t = /"t":"([^"]+)"/.exec(line)?.[1]
    const timeMs = t === undefined ? Number.NaN : Date.parse(t)
    if (Number.isFinite(timeMs) && !(timeMs <= (latestMs ?? -Infinity)))
      latestMs = timeMs
  }
  return latestMs
}

/** The sampler's log goes to raw/ for diagnosis; the spool is removed. */
async function keepLogAndDropSpool(layout: OutputLayout): Promise<void> {
  if (existsSync(layout.logPath)) {
    await rename(layout.logPath, join(layout.rawDir, 'sampler.log')).catch(
      () => undefined
    )
  }
  await rm(layout.spoolDir, { recursive: true, force: true })
}

/** True when `text` parses as JSON. */
function isJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}
