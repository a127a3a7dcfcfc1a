import type { ParseArgsConfig } from 'node:util'

import {
  DATA_KINDS,
  type DataKind,
  type DataRecord,
  findDataRecord,
  listDataRecords
} from '../calibration/data-records.js'
import { formatSource } from '../calibration/sources.js'
import { dataHelp } from './data-help.js'
import { EXIT } from './exit-codes.js'
import { choiceOption } from './option-values.js'
import { parseCommandArgs } from './parse-command-args.js'
import { UsageError } from './usage-error.js'

/** Options of `data`. */
const DATA_OPTION_SPEC = {
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' }
} as const satisfies ParseArgsConfig['options']

const DATA_FORMATS = ['text', 'json'] as const
type DataFormat = (typeof DATA_FORMATS)[number]

/** How many near ids an unknown-id error suggests. */
const MAX_SUGGESTIONS = 5

/**
 * `data list [KIND]` and `data show ID`: the calibration records and
 * their sources. Exit 0; throws UsageError (2) for main to report.
 */
export async function runDataCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseStrict(args)
  if (values.help === true) {
    process.stdout.write(dataHelp())
    return EXIT.ok
  }
  const format = choiceOption('format', values.format, DATA_FORMATS, 'text')
  const [action, target, ...extra] = positionals
  if (extra.length > 0) {
    throw new UsageError(`data: unexpected argument "${extra.join(' ')}"`)
  }
  const text =
    action === 'list'
      ? renderList(listDataRecords(dataKind(target)), format)
      : action === 'show'
        ? renderShow(recordById(target), format)
        : unknownAction(action)
  process.stdout.write(text)
  return Promise.resolve(EXIT.ok)
}

/** This command's arguments, strictly parsed. */
function parseStrict(args: readonly string[]) {
  return parseCommandArgs(args, DATA_OPTION_SPEC)
}

function unknownAction(action: string | undefined): never {
  const got = action === undefined ? 'nothing' : `"${action}"`
  throw new UsageError(`data expects list or show, got ${got}`)
}

/** KIND of `data list`, undefined for all kinds. */
function dataKind(text: string | undefined): DataKind | undefined {
  if (text === undefined) return undefined
  if ((DATA_KINDS as readonly string[]).includes(text)) return text as DataKind
  throw new UsageError(
    `data list: KIND must be one of ${DATA_KINDS.join(', ')}, got "${text}"`
  )
}

/** The record `data show ID` asks for, or a usage error naming near ids. */
function recordById(id: string | undefined): DataRecord {
  if (id === undefined) throw new UsageError('data show needs an ID')
  const record = findDataRecord(id)
  if (record !== undefined) return record
  const near = closeIds(id)
  const hint =
    near.length > 0
      ? `; did you mean ${near.join(', ')}?`
      : '; see data list for every id'
  throw new UsageError(`data show: no record with id "${id}"${hint}`)
}

/** Ids containing `id`, or within a third of its length in edits. */
function closeIds(id: string): string[] {
  const wanted = id.trim().toLowerCase()
  const limit = Math.max(2, Math.floor(wanted.length / 3))
  return listDataRecords()
    .map(r => ({
      id: r.id,
      distance: editDistance(wanted, r.id.toLowerCase())
    }))
    .filter(c => c.distance <= limit || c.id.toLowerCase().includes(wanted))
    .sort((a, b) => a.distance - b.distance || a.id.localeCompare(b.id))
    .slice(0, MAX_SUGGESTIONS)
    .map(c => c.id)
}

/** Levenshtein distance between two short strings. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) {
      const swap = a[i - 1] === b[j - 1] ? 0 : 1
      const best = Math.min(
        (previous[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + swap
      )
      row.push(best)
    }
    previous = row
  }
  return previous[b.length] ?? 0
}

/** `Title (2024)`: the source in a table cell. */
function shortSource(record: DataRecord): string {
  return `${record.source.title.split(' (')[0] ?? ''} (${record.source.year})`
}

function renderList(records: DataRecord[], format: DataFormat): string {
  if (format === 'json') {
    const rows = records.map(r => ({
      kind: r.kind,
      id: r.id,
      name: r.name,
      summary: r.summary,
      source: formatSource(r.source)
    }))
    return `${JSON.stringify(rows, null, 2)}\n`
  }
  const header = ['kind', 'id', 'name', 'key numbers', 'source']
  const rows = records.map(r => [
    r.kind,
    r.id,
    r.name,
    r.summary,
    shortSource(r)
  ])
  return `${alignColumns([header, ...rows])}\n${records.length} records\n`
}

/** Pads every column but the last to its widest cell. */
function alignColumns(rows: string[][]): string {
  const widths = rows[0]?.map((_, col) =>
    Math.max(...rows.map(row => (row[col] ?? '').length))
  )
  return rows
    .map(row =>
      row
        .map((cell, col) =>
          col === row.length - 1 ? cell : cell.padEnd(widths?.[col] ?? 0)
        )
        .join('  ')
    )
    .join('\n')
}

function renderShow(record: DataRecord, format: DataFormat): string {
  const source = formatSource(record.source)
  if (format === 'json') {
    const shown = {
      kind: record.kind,
      id: record.id,
      source,
      record: record.record
    }
    return `${JSON.stringify(shown, null, 2)}\n`
  }
  const body = JSON.stringify(record.record, null, 2)
  return `${record.kind} ${record.id}: ${record.name}\nsource: ${source}\n${body}\n`
}
