// `translation import`: a PO or XLIFF file back into a locale's markdown and
// translation.json. Planned in memory, checked (each unit, then the whole
// locale by the lint, on a copy), then written as one change or not at all.
import {cp, mkdir, mkdtemp, readFile, realpath, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import type {PlannedWrite} from '../atomic.js'
import type {LocaleLint} from '../lint/lint.js'
import type {SourceView} from '../lint/rule.js'
import {CHECKLIST_ITEMS} from '../lint/rules/checklist-items.js'
import {didYouMean} from '../lint/rules/shared.js'
import {stepIdOf} from '../parse/document.js'
import {parseYaml} from '../parse/front-matter.js'
import {indexSource} from '../parse/parity.js'
import {TRANSLATION_RECORD_FILE, type UnitKey, formatTranslationRecord, recordedUnit} from '../read/translation-record.js'
import {findPlaceholders} from '../../src/template.js'
import type {Catalog, CatalogEntry} from './catalog.js'
import {markCurrent, recordOf} from './record.js'
import {type ExchangeUnit, exchangeUnits} from './units.js'

/** Where a commit in flight is journaled, in the locale's folder; the next import finishes or undoes it. */
export const IMPORT_JOURNAL = '.translation-import.journal'

// A problem with the file, at its line.
type Problem = {line: number; reason: string}

// A file's new text, in pieces: text kept or written as is, and a catalog entry's text at its line.
type Piece = string | {readonly text: string; readonly line: number}

// A problem with a translation's text: its line breaks and braces.
function textProblem(unit: ExchangeUnit, target: string): string | undefined {
  if (unit.kind !== 'paragraph' && /[\r\n]/.test(target)) return `Expected one line in "${unit.id}", found a line break`
  const names = (text: string): string[] => findPlaceholders(text).map((found) => `{${found.name}}`).sort()
  // As written, forms and all (`{next:f}`), so the translator finds them.
  const written = findPlaceholders(target).map((found) => `{${found.name}${found.form === undefined ? '' : `:${found.form}`}}`).sort()
  const stray = findPlaceholders(target).find((found) => !found.known)
  if (stray?.name.startsWith('#') === true) {
    return `Expected the text of item "${unit.id}" without a {#…} block (import writes the source's id and rounds), found "{${stray.name}}"`
  }
  const [expected, found] = [names(unit.source), names(target)]
  if (expected.join() !== found.join()) {
    return `Expected the placeholders of the source in "${unit.id}" (${expected.join(', ') || 'none'}), found ${written.join(', ') || 'none'}`
  }
  return undefined
}

// What to do about a step the file cannot add yet.
const LEAVE = (fix: string): string => `${fix}, or leave all of the step's entries empty for now`

/**
 * Plan an import and check it: each entry against the locale's units, then
 * the locale as the plan would leave it, linted on a copy of the content
 * folder (an error there is put at the catalog's line of the text that
 * causes it, or, failing that, at its line 1, naming the markdown's place).
 * Writes nothing in the content folder.
 *
 * @param catalog The file, read.
 * @param source The source, as the lint saw it.
 * @param locale The locale the file is for.
 * @param contentDir The content folder.
 * @param lint Lints a folder; returns the errors with their files (absolute) and lines.
 * @returns The problems by the file's line; when there are none, the files
 *   to write (markdown, then translation.json), the units marked current and
 *   unmarked (a reviewer asked for review), and the ids whose source has
 *   changed since the file was exported (written, not marked current).
 */
export async function planImport(
  catalog: Catalog,
  source: SourceView,
  locale: LocaleLint,
  contentDir: string,
  lint: (dir: string) => Promise<ReadonlyArray<{file: string; line: number; column: number; reason: string; ruleId: string}>>,
): Promise<{problems: Problem[]; writes: PlannedWrite[]; marked: UnitKey[]; unmarked: UnitKey[]; stale: string[]}> {
  const tag = locale.locale.tag
  const index = indexSource(source)
  const units = exchangeUnits(source, locale)
  const problems: Problem[] = []
  const byId = new Map(units.map((unit) => [unit.id, unit]))
  const found = new Map<string, CatalogEntry>()
  for (const entry of catalog.entries) {
    const unit = byId.get(entry.id)
    if (unit === undefined) problems.push({line: entry.line, reason: `Expected the id of a unit of ${tag} (as exported), found "${entry.id}"${didYouMean(entry.id, [...byId.keys()])}`})
    else if (found.has(entry.id)) problems.push({line: entry.line, reason: `Expected each unit once, found "${entry.id}" again (first at line ${found.get(entry.id)?.line})`})
    else {
      found.set(entry.id, entry)
      // Text left as the locale has it, still asking for review, is neither
      // written nor marked: an outdated unit whose source changed its
      // placeholders comes back as it went out (lint's translation-outdated is its warning).
      const kept = entry.fuzzy && entry.target === unit.translation
      const problem = entry.target === '' || kept ? undefined : textProblem(unit, entry.target)
      if (problem !== undefined) problems.push({line: entry.targetLine, reason: problem})
    }
  }
  const given = (unit: ExchangeUnit): CatalogEntry | undefined => {
    const entry = found.get(unit.id)
    return entry === undefined || entry.target === '' ? undefined : entry
  }

  // Edits to files the locale has, by file; whole new files, by file.
  const edits = new Map<string, Array<{start: number; end: number; text: string; line: number}>>()
  const addEdit = (file: string, start: number, end: number, text: string, line: number): void => void edits.set(file, [...(edits.get(file) ?? []), {start, end, text, line}])
  const created = new Map<string, Piece[]>()
  // Steps the locale lacks, each planned (or refused) once.
  const added = new Set<string>()
  // As written when YAML reads it back as the same string; else double-quoted (JSON's escapes are YAML's).
  const yamlValue = (text: string): string => {
    const read = parseYaml(`value: ${text}`, {schema: 'core'})
    return read.errors.length === 0 && read.get('value') === text ? text : JSON.stringify(text)
  }
  const itemLine = (id: string, text: string): string => `- [ ] ${text} {#${id} rounds=${index.items.get(id)?.rounds}}`
  const steps = new Map(locale.steps.map((document) => [stepIdOf(document), document]))
  for (const [at, unit] of units.entries()) {
    const entry = given(unit)
    if (entry === undefined) continue
    if (unit.span !== undefined) {
      // Unchanged text (the summary compared as its value) is left as written, byte for byte.
      if (entry.target !== unit.translation) addEdit(unit.span.file, unit.span.start, unit.span.end, unit.span.yaml ? yamlValue(entry.target) : entry.target, entry.targetLine)
      continue
    }
    const stepId = unit.record.target === 'item' ? (index.items.get(unit.id)?.stepId ?? '') : unit.record.id
    const step = index.steps.get(stepId)
    const document = steps.get(stepId)
    if (unit.kind === 'paragraph' && (document !== undefined || unit.record.target === 'introduction')) {
      // A paragraph the translation lacks goes after the one before it.
      const before = units.slice(0, at).reverse().find((other) => other.span !== undefined && other.record === unit.record)?.span
      if (before !== undefined) addEdit(before.file, before.end, before.end, `\n\n${entry.target}`, entry.targetLine)
    } else if (unit.kind === 'item' && document !== undefined) {
      // An item the translation lacks goes after the item before it in the source (or before the first).
      const file = path.join(locale.locale.directory, 'steps', document.file.basename ?? '')
      const text = String(document.file.value)
      const ids = step?.items ?? []
      const spans = ids.map((id) => byId.get(id)?.span).map((span) => (span?.file === file ? span : undefined))
      const after = spans.slice(0, ids.indexOf(unit.id)).filter((span) => span !== undefined).at(-1)
      const next = spans.slice(ids.indexOf(unit.id) + 1).find((span) => span !== undefined)
      const offset = after === undefined ? (next === undefined ? -1 : text.lastIndexOf('\n', next.start) + 1) : (text.indexOf('\n', after.end) + 1 || text.length)
      const line = itemLine(unit.id, entry.target)
      if (offset === -1) problems.push({line: entry.targetLine, reason: `Expected step "${stepId}" of ${tag} to hold another of the source's items to place "${unit.id}" beside, found none`})
      else addEdit(file, offset, offset, after !== undefined && offset === text.length && !text.endsWith('\n') ? `\n${line}` : `${line}\n`, entry.targetLine)
    } else if (document === undefined && step !== undefined && !added.has(stepId)) {
      // A step the locale lacks: a new file, when its words and enough of its items are given.
      added.add(stepId)
      const own = units.filter((other) => other.record.target === 'step' && other.record.id === stepId)
      const empty = own.find((other) => given(other) === undefined)
      const file = path.join(locale.locale.directory, 'steps', step.document.file.basename ?? `${stepId}.md`)
      if (empty !== undefined) {
        problems.push({line: found.get(empty.id)?.targetLine ?? entry.line, reason: `Expected every part of step "${stepId}" (title, summary, each paragraph) translated to add the step to ${tag}, found "${empty.id}" ${found.has(empty.id) ? 'empty' : 'missing'}; ${LEAVE('translate it')}`})
      } else if (await readFile(file).then(() => true, () => false)) {
        problems.push({line: entry.targetLine, reason: `Expected no file at ${path.basename(file)} to add step "${stepId}" to ${tag}, found one`})
      } else {
        const [title, summary, ...paragraphs] = own.map((other) => given(other) as CatalogEntry)
        const items = step.items.flatMap((id) => {
          const item = given(byId.get(id) as ExchangeUnit)
          return item === undefined ? [] : [{text: itemLine(id, item.target), line: item.targetLine}, '\n']
        })
        const count = items.length / 2
        if (count < CHECKLIST_ITEMS.min) {
          const {min, max} = CHECKLIST_ITEMS
          problems.push({line: title?.targetLine ?? entry.targetLine, reason: `Expected at least ${min} of step "${stepId}"'s checklist items translated to add the step to ${tag} (a step has ${min} to ${max}), found ${count}; ${LEAVE('translate more of its items')}`})
        } else created.set(file, [
          `---\nid: ${stepId}\nstep: ${step.number}\nsummary: `,
          {text: yamlValue(summary?.target ?? ''), line: summary?.targetLine ?? 1},
          '\n---\n\n# ',
          {text: title?.target ?? '', line: title?.targetLine ?? 1},
          ...paragraphs.flatMap((paragraph) => ['\n\n', {text: paragraph.target, line: paragraph.targetLine}]),
          `\n\n## ${locale.locale.checklistHeading}\n\n`,
          ...items,
        ])
      }
    }
  }

  // Which units the file confirms (every part translated, reviewed, from today's source), and which it sends back for review.
  const marked: UnitKey[] = []
  const unmarked: UnitKey[] = []
  const stale = new Set<string>()
  for (const unit of new Set(units.map((other) => other.record))) {
    const parts = units.filter((other) => other.record === unit)
    const entries = parts.map((part) => found.get(part.id))
    for (const [at, entry] of entries.entries()) if (entry !== undefined && entry.target !== '' && entry.source !== parts[at]?.source) stale.add(entry.id)
    // Current: marked against today's source, and translated (a unit taken out of the markdown is missing, whatever its mark).
    const current = recordedUnit(locale.record, unit)?.hash === recordOf(source, unit)?.hash && parts.every((part) => part.state !== 'missing')
    const confirmed = entries.every((entry, at) => entry !== undefined && entry.target !== '' && !entry.fuzzy && entry.source === parts[at]?.source)
    if (confirmed && !current) marked.push(unit)
    if (current && entries.some((entry) => entry?.fuzzy === true)) unmarked.push(unit)
  }
  const plan = {problems, writes: [] as PlannedWrite[], marked, unmarked, stale: [...stale]}
  if (problems.length > 0) return plan

  // The new texts, and for each text written, the lines it takes in its file and the catalog line it comes from.
  const written: Array<{file: string; from: number; to: number; line: number}> = []
  const edited = new Map<string, Piece[]>()
  for (const [file, list] of edits) {
    const text = await readFile(file, 'utf8')
    const pieces: Piece[] = []
    let at = 0
    for (const edit of list.sort((a, b) => a.start - b.start)) {
      pieces.push(text.slice(at, edit.start), edit)
      at = edit.end
    }
    edited.set(file, [...pieces, text.slice(at)])
  }
  for (const [file, pieces] of [...edited, ...created]) {
    let text = ''
    for (const piece of pieces) {
      const from = text.split('\n').length
      if (typeof piece !== 'string') written.push({file, from, to: from + piece.text.split('\n').length - 1, line: piece.line})
      text += typeof piece === 'string' ? piece : piece.text
    }
    plan.writes.push({path: file, text})
  }
  const record = path.join(locale.locale.directory, TRANSLATION_RECORD_FILE)
  const text = formatTranslationRecord(markCurrent(locale.record, tag, source, marked, {unmark: unmarked}))
  if ((marked.length > 0 || unmarked.length > 0) && text !== (await readFile(record, 'utf8').catch(() => undefined))) plan.writes.push({path: record, text})
  if (!plan.writes.some((write) => write.path.endsWith('.md'))) return plan

  // The locale as the plan would leave it, linted on a copy of the content folder.
  const copy = await mkdtemp(path.join(tmpdir(), 'ace-translation-import-'))
  try {
    // The folder itself, where a link to it names it (check reads it so too).
    await cp(await realpath(contentDir), copy, {recursive: true})
    for (const write of plan.writes) {
      const file = path.join(copy, path.relative(contentDir, write.path))
      await mkdir(path.dirname(file), {recursive: true})
      await writeFile(file, write.text)
    }
    for (const error of await lint(copy)) {
      const file = path.join(contentDir, path.relative(copy, error.file))
      const from = written.find((place) => place.file === file && place.from <= error.line && error.line <= place.to)
      const where = `${path.relative(contentDir, file)}:${error.line}:${error.column}`
      problems.push({line: from?.line ?? 1, reason: `Expected the translation to leave the content valid, found it would make an error at ${where}: ${error.reason} (${error.ruleId})`})
    }
  } finally {
    await rm(copy, {recursive: true, force: true})
  }
  return plan
}
