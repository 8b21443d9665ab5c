import path from 'node:path'
import {writeFileAtomic} from '../../pipeline/atomic.js'
import type {CheckError} from '../../pipeline/check.js'
import {formatDiagnostics} from '../../pipeline/report.js'
import {UsageError, quote} from '../args.js'
import {loadCheck} from '../check-run.js'
import {escapeControl as safe} from '../color.js'
import type {Command, Io} from '../command.js'
import {PROGRAM} from '../help.js'

const NAME = 'translation'
// As CatalogFormat in pipeline/translate/catalog.ts: the bin names them without loading the pipeline.
const FORMATS = ['po', 'xliff'] as const

/** `translation export|import`: a locale's units to and from gettext PO or XLIFF, for translation tools. */
export const translationCommand: Command = {
  name: NAME,
  synopsis: 'export <tag> | import <file> [content-dir] [options]',
  summary: 'Export a translation as gettext PO or XLIFF 1.2 for translation tools, or import one back into its markdown.',
  details: [
    '  export <tag>       every unit of the translation <tag> (e.g. de): source, translation, state',
    '                     (outdated: fuzzy / needs review, with what the source said), place, notes',
    '  import <file>      write a PO or XLIFF file back into its locale and mark the units it',
    '                     confirms current; refused at the file\'s line, all or nothing, if any is wrong',
    '  [content-dir]      the content folder (default: ./content)',
    '  --format <format>  export: po (default) or xliff',
    '  --output <file>    export: write to <file> (default: standard output)',
  ],
  options: {format: {type: 'string'}, output: {type: 'string'}},
  maxPositionals: 3,
  async run({values, positionals}, io) {
    const [action, target, dir = 'content'] = positionals
    if (action !== 'export' && action !== 'import') throw new UsageError(`expected export or import, received ${action === undefined ? 'nothing' : quote(action)}`, NAME)
    if (target === undefined) throw new UsageError(`expected ${action === 'export' ? 'a locale tag' : 'a PO or XLIFF file'} after ${action}, received nothing`, NAME)
    if (action === 'export') return exportTo(target, dir, values, io)
    const given = ['format', 'output'].find((name) => values[name] !== undefined)
    if (given !== undefined) throw new UsageError(`expected --${given} with export only, received it with import`, NAME)
    return importFrom(target, dir, io)
  },
}

const program = `${PROGRAM} ${NAME}`

// A CheckError as one line: the folder, tag or file that is not there. `undefined` for anything else.
function explain(error: unknown, isCheckError: (value: unknown) => value is CheckError): string | undefined {
  if (!isCheckError(error)) return undefined
  if (error.code === 'ERR_CHECK_NO_LOCALE') return `expected <tag> to be a translation of the content folder (${error.expected?.join(', ') || 'none'}), received ${quote(error.path)}`
  if (error.code === 'ERR_CHECK_NO_FILE') return `expected <file> to be a PO or XLIFF file, found none at ${quote(error.path)}`
  return `expected [content-dir] to be a folder, found ${error.code === 'ERR_CHECK_NO_FOLDER' ? 'nothing' : 'a file'} at ${quote(error.path)}`
}

// One call of the check API (loaded on demand). A folder, tag or file that is
// not there is said on one line and gives `undefined` (exit status 2).
async function withCheck<T>(io: Io, call: (api: Awaited<ReturnType<typeof loadCheck>>) => Promise<T>): Promise<T | undefined> {
  const api = await loadCheck()
  try {
    return await call(api)
  } catch (error) {
    const line = explain(error, api.isCheckError)
    if (line === undefined) throw error
    io.stderr.write(`${program}: ${line}\n`)
    return undefined
  }
}

async function exportTo(tag: string, dir: string, values: Readonly<Record<string, string | undefined>>, io: Io): Promise<number> {
  const format = FORMATS.find((known) => known === (values['format'] ?? 'po'))
  if (format === undefined) throw new UsageError(`expected --format to be one of ${FORMATS.join(', ')}, received ${quote(values['format'] ?? '')}`, NAME)
  const result = await withCheck(io, (api) => api.exportTranslation(dir, tag, {cwd: io.cwd, format}))
  if (result === undefined) return 2
  if (!result.ok) {
    io.stderr.write(`${formatDiagnostics(result.files, {tips: true})}${program}: fix the content first; nothing was exported.\n`)
    return 1
  }
  const output = values['output']
  if (output === undefined) {
    io.stdout.write(result.text)
    return 0
  }
  await writeFileAtomic(path.resolve(io.cwd, output), result.text)
  const {current, outdated, missing} = result.units
  io.stdout.write(`${program}: wrote ${safe(output)}: ${current + outdated + missing} units of ${safe(tag)} (${current} current, ${outdated} outdated, ${missing} missing)\n`)
  return 0
}

async function importFrom(file: string, dir: string, io: Io): Promise<number> {
  const result = await withCheck(io, (api) => api.importTranslation(file, dir, {cwd: io.cwd}))
  if (result === undefined) return 2
  if (!result.ok) {
    io.stderr.write(`${formatDiagnostics(result.files, {tips: true})}${program}: nothing was written.\n`)
    return 1
  }
  const lines = [
    `${program}: ${safe(file)} into ${safe(dir)}: ${result.written.length === 0 ? 'nothing to change' : `wrote ${result.written.length} file${result.written.length === 1 ? '' : 's'}`}`,
    ...result.written.map((name) => `  wrote ${safe(name)}`),
    ...result.marked.map((id) => `  marked current: ${safe(id)}`),
    ...result.unmarked.map((id) => `  no longer current (marked for review): ${safe(id)}`),
    ...result.stale.map((id) => `  not marked current, its source changed since the file was exported: ${safe(id)}`),
  ]
  io.stdout.write(`${lines.join('\n')}\n`)
  return 0
}
