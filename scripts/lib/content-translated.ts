// What `npm run content:translated -- <locale> [<id>…|--all]` does
// (scripts/content-translated.ts is its entry; tests call it in-process):
// mark translations current against today's source, by writing which source
// text each unit follows into content/locales/<locale>/translation.json. The
// one way that file is written: nobody copies hashes by hand.
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {removeTemps, writeFileAtomic} from '../../pipeline/atomic.js'
import {buildGuide, buildRules, formatDiagnostics} from '../../pipeline/index.js'
import type {LocaleLint} from '../../pipeline/lint/lint.js'
import {indexSource, itemIdOf, untranslatedUnits} from '../../pipeline/parse/parity.js'
import {introductionWords, stepWords} from '../../pipeline/parse/units.js'
import type {SourceView} from '../../pipeline/lint/rule.js'
import {LOCALES_FOLDER, canonicalTag} from '../../pipeline/read/load.js'
import {stepIdOf} from '../../pipeline/parse/document.js'
import {didYouMean} from '../../pipeline/lint/rules/shared.js'
import {escapeControl} from '../../pipeline/terminal.js'
import {
  type RecordedUnit,
  TRANSLATION_RECORD_FILE,
  type TranslationRecord,
  type UnitKey,
  formatTranslationRecord,
  recordedUnit,
} from '../../pipeline/read/translation-record.js'

const USAGE = 'usage: npm run content:translated -- <locale> (<id>… | --all) [--dry-run] [--root <dir>]'

/** Where {@link contentTranslated} writes, and what it is given besides arguments. */
export interface ContentTranslatedIo {
  readonly stdout: {write(text: string): unknown}
  readonly stderr: {write(text: string): unknown}
  /** The repository root when `--root` is not given. */
  readonly root: string
}

/** A unit the locale has a translation of, with the source's record of it today. */
interface Translated {
  readonly unit: UnitKey
  readonly recorded: RecordedUnit
}

// Every unit the locale translates (a copy of the source's words is not translated yet), each with today's source hash and words.
function translatedUnits(source: SourceView, locale: LocaleLint): Translated[] {
  const index = indexSource(source)
  const copies = untranslatedUnits(source, locale.locale, locale.guide, locale.steps)
  const found: Translated[] = []
  const add = (unit: UnitKey, hash: string, words: Omit<RecordedUnit, 'hash' | 'version'>, copied: boolean): void => {
    if (copied) return
    // Marked again in the same words, a unit keeps the release it was translated from.
    const kept = recordedUnit(locale.record, unit)
    const version = kept?.hash === hash ? kept.version : (source.releasedIn(unit, hash) ?? 'unreleased')
    found.push({unit, recorded: {hash, version, ...words}})
  }
  if (locale.guide !== undefined) add({target: 'introduction', id: 'introduction'}, index.introduction, introductionWords(source.guide), copies.introduction)
  for (const document of locale.steps) {
    const id = stepIdOf(document)
    const step = id === undefined ? undefined : index.steps.get(id)
    if (id === undefined || step === undefined) continue
    add({target: 'step', id}, step.hash, stepWords(step.document), copies.steps.has(id))
    for (const entry of document.items) {
      const itemId = itemIdOf(entry)
      const item = itemId === undefined ? undefined : index.items.get(itemId)
      if (itemId === undefined || item === undefined || item.stepId !== id) continue
      add({target: 'item', id: itemId}, item.hash, {text: item.template}, copies.items.has(itemId))
    }
  }
  return found
}

const quote = (text: string): string => JSON.stringify(escapeControl(text))

/**
 * Run `content:translated` with command-line arguments.
 *
 * @param args The arguments after the script name.
 * @param io Output streams and the default root.
 * @returns The exit code: 0 done, 1 refused (content errors, or an id not translated yet), 2 bad arguments.
 * @example
 *   process.exitCode = await contentTranslated(['es', '--all'], {stdout: process.stdout, stderr: process.stderr, root: process.cwd()})
 */
export async function contentTranslated(args: readonly string[], io: ContentTranslatedIo): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({args: [...args], allowPositionals: true, options: {all: {type: 'boolean'}, 'dry-run': {type: 'boolean'}, root: {type: 'string'}}})
  } catch (error) {
    io.stderr.write(`content:translated: ${(error as Error).message}\n${USAGE}\n`)
    return 2
  }
  const {values, positionals} = parsed
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
  const index = indexSource(source)
  let chosen: Translated[]
  if (all) {
    chosen = units
  } else {
    chosen = []
    const known = ['introduction', ...index.steps.keys(), ...index.items.keys()]
    for (const id of ids) {
      if (!known.includes(id)) {
        io.stderr.write(`content:translated: expected ids of the source's steps and items, or \`introduction\`; received ${quote(id)}${didYouMean(id, known)}\n${USAGE}\n`)
        return 2
      }
      const unit = units.find((candidate) => candidate.unit.id === id)
      if (unit === undefined) {
        io.stderr.write(`content:translated: ${quote(id)} has no translation in ${tag} yet; translate it in content/locales/${tag}/ first. Nothing was written.\n`)
        return 1
      }
      chosen.push(unit)
    }
  }
  // --all records exactly what is translated today; ids update their entries and keep the rest.
  const old = all ? undefined : locale.record
  const record: {locale: string; introduction?: RecordedUnit; steps: Record<string, RecordedUnit>; items: Record<string, RecordedUnit>} = {
    locale: tag,
    ...(old?.introduction === undefined ? {} : {introduction: old.introduction}),
    steps: {...old?.steps},
    items: {...old?.items},
  }
  for (const {unit, recorded} of chosen) {
    if (unit.target === 'introduction') record.introduction = recorded
    else if (unit.target === 'step') record.steps[unit.id] = recorded
    else record.items[unit.id] = recorded
  }
  const file = path.join(contentDir, 'locales', tag, TRANSLATION_RECORD_FILE)
  const text = formatTranslationRecord(record as TranslationRecord)
  const name = ({unit}: Translated): string => (unit.target === 'introduction' ? 'the introduction' : `${unit.target} \`${unit.id}\``)
  const shown = path.relative(root, file)
  if (!dryRun) await writeFileAtomic(file, text)
  const count = `${chosen.length} translation${chosen.length === 1 ? '' : 's'} of ${tag} current in ${shown}`
  io.stdout.write(`content:translated: ${dryRun ? `would mark ${count} (dry run: nothing written)` : `marked ${count}`}\n`)
  for (const unit of chosen) io.stdout.write(`  ${name(unit)}\n`)
  return 0
}
