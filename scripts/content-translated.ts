// npm run content:translated -- (<locale> (<id>… | --all) | --keep-current <id>…)
// [--dry-run] [--root <dir>] (tests call contentTranslated in-process): mark
// translations current against today's source, by writing which source text
// each unit follows into content/locales/<locale>/translation.json. The one
// way that file is written: nobody copies hashes by hand. See
// content/README.md#translating.
import {realpathSync} from 'node:fs'
import {readFile, readdir} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {type PlannedWrite, commitFiles, recoverCommit, removeTemps, writeFileAtomic} from '../pipeline/atomic.js'
import {buildGuide, buildRules, formatDiagnostics} from '../pipeline/index.js'
import {indexSource, translatedUnits} from '../pipeline/parse/parity.js'
import {LOCALES_FOLDER, canonicalTag} from '../pipeline/read/load.js'
import {didYouMean} from '../pipeline/lint/rules/shared.js'
import {escapeControl} from '../pipeline/terminal.js'
import {TRANSLATION_RECORD_FILE, type UnitKey, formatTranslationRecord, recordedUnit} from '../pipeline/read/translation-record.js'
import {markCurrent, recordOf} from '../pipeline/translate/record.js'
import type {Io} from '../cli/command.js'

const USAGE = 'usage: npm run content:translated -- (<locale> (<id>… | --all) | --keep-current <id>…) [--dry-run] [--root <dir>]'

// Where it writes, and the repository root when `--root` is not given.
type ScriptIo = Pick<Io, 'stdout' | 'stderr'> & {readonly root: string}

// Where --keep-current journals the records it writes together (repository root).
const JOURNAL = '.content-translated.journal'

const quote = (text: string): string => JSON.stringify(escapeControl(text))

// Whether an id names no unit of the source (a step, an item or `introduction`); said on stderr.
function refuseUnknown(ids: readonly string[], index: ReturnType<typeof indexSource>, io: ScriptIo): boolean {
  const known = ['introduction', ...index.steps.keys(), ...index.items.keys()]
  const unknown = ids.find((id) => !known.includes(id))
  if (unknown !== undefined) io.stderr.write(`content:translated: expected ids of the source's steps and items, or \`introduction\`; received ${quote(unknown)}${didYouMean(unknown, known)}\n${USAGE}\n`)
  return unknown !== undefined
}

/**
 * Run `content:translated` with command-line arguments.
 *
 * @param args The arguments after the script name.
 * @param io Output streams and the default root.
 * @returns The exit code: 0 done, 1 refused (content errors, or an id not translated yet), 2 bad arguments.
 * @example
 *   process.exitCode = await contentTranslated(['es', '--all'], {stdout: process.stdout, stderr: process.stderr, root: process.cwd()})
 */
export async function contentTranslated(args: readonly string[], io: ScriptIo): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({args: [...args], allowPositionals: true, options: {all: {type: 'boolean'}, 'keep-current': {type: 'boolean'}, 'dry-run': {type: 'boolean'}, root: {type: 'string'}}})
  } catch (error) {
    io.stderr.write(`content:translated: ${(error as Error).message}\n${USAGE}\n`)
    return 2
  }
  const {values, positionals} = parsed
  if (values['keep-current'] === true) return keepCurrent(positionals, values.all === true, values['dry-run'] === true, path.resolve(values.root ?? io.root), io)
  const [tag, ...ids] = positionals
  const all = values.all === true
  if (tag === undefined || (ids.length === 0 && !all) || (ids.length > 0 && all)) {
    const problem = tag === undefined ? 'expected a locale, received nothing' : all ? 'expected ids or --all, received both' : 'expected the ids to mark current, or --all, received neither'
    io.stderr.write(`content:translated: ${problem}\n${USAGE}\n`)
    return 2
  }
  const dryRun = values['dry-run'] === true
  const root = path.resolve(values.root ?? io.root)
  const contentDir = path.join(root, 'content')
  // A run killed before its rename left its temporary file, and translation.json as it was.
  if (!dryRun && canonicalTag(tag) === tag) {
    for (const left of await removeTemps(path.join(contentDir, LOCALES_FOLDER, tag, TRANSLATION_RECORD_FILE))) {
      io.stdout.write(`content:translated: removed ${escapeControl(path.relative(root, left))}, left by an interrupted run (${TRANSLATION_RECORD_FILE} is as it was before it)\n`)
    }
  }
  const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {version: string}
  const result = await buildGuide({contentDir, version: pkg.version, cwd: process.cwd(), rules: buildRules})
  const locale = result.lint.locales.find((candidate) => candidate.locale.tag === tag)
  if (locale === undefined) {
    const tags = result.lint.locales.map((candidate) => candidate.locale.tag)
    io.stderr.write(
      `content:translated: expected a locale with a folder in content/locales/ (${tags.length === 0 ? 'there are none' : tags.join(', ')}), received ${quote(tag)}${didYouMean(tag, tags)}\n${USAGE}\n`,
    )
    return 2
  }
  // A translation is marked against sound content only: the source and the locale must pass the lint.
  const source = result.lint.sourceView
  const broken = [...(source === undefined ? result.lint.files.filter((file) => !locale.files.includes(file)) : []), ...locale.files]
    .filter((file) => file.messages.some((message) => message.fatal))
  if (source === undefined || broken.length > 0) {
    io.stderr.write(formatDiagnostics(broken, {tips: true}))
    io.stderr.write('content:translated: fix the content first; nothing was written.\n')
    return 1
  }
  const units = translatedUnits(source, locale)
  if (refuseUnknown(ids, indexSource(source), io)) return 2
  const untranslated = ids.find((id) => !units.some((unit) => unit.id === id))
  if (untranslated !== undefined) {
    io.stderr.write(`content:translated: ${quote(untranslated)} has no translation in ${tag} yet; translate it in content/locales/${tag}/ first. Nothing was written.\n`)
    return 1
  }
  const chosen = all ? units : ids.map((id) => units.find((unit) => unit.id === id)!)
  // --all records exactly what is translated today; ids update their entries and keep the rest.
  const record = markCurrent(locale.record, tag, source, chosen, {replace: all})
  const file = path.join(contentDir, 'locales', tag, TRANSLATION_RECORD_FILE)
  const text = formatTranslationRecord(record)
  const name = (unit: UnitKey): string => (unit.target === 'introduction' ? 'the introduction' : `${unit.target} \`${unit.id}\``)
  const shown = path.relative(root, file)
  if (!dryRun) await writeFileAtomic(file, text)
  const count = `${chosen.length} translation${chosen.length === 1 ? '' : 's'} of ${tag} current in ${shown}`
  io.stdout.write(`content:translated: ${dryRun ? `would mark ${count} (dry run: nothing written)` : `marked ${count}`}\n`)
  for (const unit of chosen) io.stdout.write(`  ${name(unit)}\n`)
  return 0
}

/**
 * `--keep-current <id>…`: the source of these units changed in words only
 * (a typo fixed), so every translation that followed the last release's
 * text of a unit is marked current against today's; a translation that
 * followed any other text stays outdated. Run it before the release
 * (`content:version`) that publishes the fix.
 */
async function keepCurrent(ids: readonly string[], all: boolean, dryRun: boolean, root: string, io: ScriptIo): Promise<number> {
  if (ids.length === 0 || all) {
    io.stderr.write(`content:translated: expected the ids whose translations stay current after --keep-current${all ? ', received --all' : ', received none'}\n${USAGE}\n`)
    return 2
  }
  const contentDir = path.join(root, 'content')
  const records = (await readdir(path.join(contentDir, LOCALES_FOLDER)).catch(() => [] as string[])).map((tag) => path.join(contentDir, LOCALES_FOLDER, tag, TRANSLATION_RECORD_FILE))
  if (!dryRun) {
    const recovered = await recoverCommit(path.join(root, JOURNAL), records).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ERR_INVALID_JOURNAL') throw error
      io.stderr.write(`content:translated: ${escapeControl(error.message)}\n`)
    })
    if (recovered === undefined) return 1
  }
  const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {version: string}
  const result = await buildGuide({contentDir, version: pkg.version, cwd: process.cwd(), rules: buildRules})
  const source = result.lint.sourceView
  if (source === undefined || result.lint.failed) {
    io.stderr.write(formatDiagnostics(result.lint.files.filter((file) => file.messages.some((message) => message.fatal)), {tips: true}))
    io.stderr.write('content:translated: fix the content first; nothing was written.\n')
    return 1
  }
  const index = indexSource(source)
  if (refuseUnknown(ids, index, io)) return 2
  const last = result.manifest?.releases.at(-1)
  const lines: string[] = []
  const writes: PlannedWrite[] = []
  for (const locale of result.lint.locales) {
    const tag = locale.locale.tag
    const translated = translatedUnits(source, locale)
    const kept: UnitKey[] = []
    for (const id of ids) {
      const unit = translated.find((candidate) => candidate.id === id) ?? {target: id === 'introduction' ? 'introduction' : index.steps.has(id) ? 'step' : 'item', id}
      const name = unit.target === 'introduction' ? 'the introduction' : `${unit.target} \`${id}\``
      const recorded = recordedUnit(locale.record, unit)?.hash
      const now = recordOf(source, unit)?.hash
      if (!translated.includes(unit)) lines.push(`  ${tag}: ${name} not translated`)
      else if (recorded === now) lines.push(`  ${tag}: ${name} already current`)
      else if (recorded === undefined || source.releasedIn(unit, recorded) === undefined) lines.push(`  ${tag}: ${name} left outdated (translated from another text than release ${last?.version ?? '(none)'}'s)`)
      else {
        kept.push(unit)
        lines.push(`  ${tag}: ${name} kept current`)
      }
    }
    if (kept.length > 0) writes.push({path: path.join(contentDir, LOCALES_FOLDER, tag, TRANSLATION_RECORD_FILE), text: formatTranslationRecord(markCurrent(locale.record, tag, source, kept))})
  }
  io.stdout.write(`content:translated: ${dryRun ? 'would keep' : 'kept'} ${lines.filter((line) => line.endsWith('kept current')).length} translations current against today's source${dryRun ? ' (dry run: nothing written)' : ''}\n${lines.join('\n')}\n`)
  if (!dryRun && writes.length > 0) await commitFiles(path.join(root, JOURNAL), writes)
  return 0
}

// Run as a script (tests import contentTranslated and run it in process).
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === realpathSync(process.argv[1])) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
  process.exitCode = await contentTranslated(process.argv.slice(2), {stdout: process.stdout, stderr: process.stderr, root})
}
