import {lstat} from 'node:fs/promises'
import path from 'node:path'
import {writeFileAtomic} from '../../pipeline/atomic.js'
import {formatDiagnostics} from '../../pipeline/report.js'
import {UsageError, parseFormat, quote} from '../args.js'
import {withCheck} from '../check-run.js'
import {escapeControl as safe} from '../../pipeline/terminal.js'
import {type Command, type Io, PROGRAM} from '../command.js'

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

async function exportTo(tag: string, dir: string, values: Readonly<Record<string, string | undefined>>, io: Io): Promise<number> {
  const format = parseFormat(values['format'], NAME, FORMATS)
  const result = await withCheck(program, io, (api) => api.exportTranslation(dir, tag, {cwd: io.cwd, format}))
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
  // The file is replaced by a rename, which would put a file in place of a device or a link (`/dev/stdout`).
  const there = await lstat(path.resolve(io.cwd, output)).catch(() => undefined)
  if (there !== undefined && !there.isFile()) {
    throw new Error(`expected --output to be a file it can write, found ${there.isDirectory() ? 'a folder' : there.isSymbolicLink() ? 'a symbolic link' : 'a device, FIFO or socket'} at ${quote(output)} (without --output, the file goes to standard output)`)
  }
  await writeFileAtomic(path.resolve(io.cwd, output), result.text).catch((error: NodeJS.ErrnoException) => {
    const found = error.code === 'ENOENT' ? 'no folder' : `an error (${error.code ?? error.message})`
    throw new Error(`expected --output to be a file it can write, found ${found} at ${quote(output)}`)
  })
  const {current, outdated, missing} = result.units
  io.stdout.write(`${program}: wrote ${safe(output)}: ${current + outdated + missing} units of ${safe(tag)} (${current} current, ${outdated} outdated, ${missing} missing)\n`)
  return 0
}

async function importFrom(file: string, dir: string, io: Io): Promise<number> {
  const result = await withCheck(program, io, (api) => api.importTranslation(file, dir, {cwd: io.cwd}))
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
