// `content/locales/<tag>/translation.json`: which source text each translated
// unit (the introduction, a step's words, a checklist item) was translated
// from. Written only by `npm run content:translated` (scripts/lib/
// content-translated.ts); the lint compares it with today's source to call a
// translation current or outdated.
import {VFile} from 'vfile'
import {describeReceived, quote} from '../../src/describe.js'
import {PATTERNS} from '../../src/schema.js'
import {MAX_MANIFEST_BYTES, SOURCE} from '../limits.js'
import {readRegularFile, withArticle} from './read.js'

/** Where a locale keeps its record, relative to its folder. */
export const TRANSLATION_RECORD_FILE = 'translation.json'

/** The `"//"` note every record carries: it is written by a command, never by hand. */
export const RECORD_NOTE = 'Written by `npm run content:translated -- <locale> [<id>…|--all]`; do not edit by hand.'

/** The parts of the guide a translation is tracked by. */
export type UnitTarget = 'introduction' | 'step' | 'item'

/** One unit: the introduction (with the title), a step's words (title, summary, body) or an item. */
export interface UnitKey {
  readonly target: UnitTarget
  /** The step or item id; `'introduction'` for the introduction. */
  readonly id: string
}

/** What the record keeps of the source a unit was translated from. */
export interface RecordedUnit {
  /** The source unit's hash when it was marked current (what a release records). */
  readonly hash: string
  /** The release that published that source text, or `unreleased`. */
  readonly version: string
  /**
   * The source's words then, as plain text, to show what changed: an item's
   * template; the title, (summary) and paragraphs of the introduction or a
   * step, separated by blank lines (a record written before it was kept may lack it).
   */
  readonly text?: string
}

/** A locale's translation record. */
export interface TranslationRecord {
  readonly locale: string
  readonly introduction?: RecordedUnit | undefined
  readonly steps: Readonly<Record<string, RecordedUnit>>
  readonly items: Readonly<Record<string, RecordedUnit>>
}

const ID = new RegExp(PATTERNS.id)
const HASH = new RegExp(PATTERNS.hash)
const VERSION = new RegExp(`${PATTERNS.semver}|^unreleased$`)

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

function unitProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return 'an object'
  if (typeof value['hash'] !== 'string' || !HASH.test(value['hash'])) return 'a `hash` of 12 hex digits'
  if (typeof value['version'] !== 'string' || !VERSION.test(value['version'])) return 'a `version` (x.y.z or `unreleased`)'
  if (value['text'] !== undefined && typeof value['text'] !== 'string') return 'a `text` string'
  const allowed = ['hash', 'version', 'text']
  const extra = Object.keys(value).find((key) => !allowed.includes(key))
  return extra === undefined ? undefined : `only ${allowed.map((key) => `\`${key}\``).join(', ')} (found ${quote(extra)})`
}

/**
 * Check a parsed `translation.json`.
 *
 * @param value The parsed JSON.
 * @param tag The locale folder's tag.
 * @returns The record, or a sentence saying what is wrong.
 */
export function parseTranslationRecord(value: unknown, tag: string): TranslationRecord | string {
  if (!isRecord(value)) return 'Expected `translation.json` to hold a JSON object'
  const locale = value['locale']
  if (locale !== tag) return `Expected \`"locale": "${tag}"\` (the folder's name) in translation.json, found ${locale === undefined ? 'none' : typeof locale === 'string' ? quote(locale) : describeReceived(locale)}`
  const known = ['//', 'locale', 'introduction', 'steps', 'items']
  const extra = Object.keys(value).find((key) => !known.includes(key))
  if (extra !== undefined) return `Expected only the keys ${known.map((key) => `\`${key}\``).join(', ')} in translation.json, found ${quote(extra)}`
  if (value['introduction'] !== undefined) {
    const problem = unitProblem(value['introduction'])
    if (problem !== undefined) return `Expected \`introduction\` to be ${problem}`
  }
  for (const target of ['steps', 'items'] as const) {
    const units = value[target]
    if (!isRecord(units)) return `Expected \`${target}\` to be an object keyed by id`
    for (const [id, unit] of Object.entries(units)) {
      if (!ID.test(id)) return `Expected \`${target}\` keyed by kebab-case ids, found ${quote(id)}`
      const problem = unitProblem(unit)
      if (problem !== undefined) return `Expected \`${target}.${id}\` to be ${problem}`
    }
  }
  return value as unknown as TranslationRecord
}

/**
 * Read a locale's `translation.json`.
 *
 * @param file Its path on disk.
 * @param shown How diagnostics name it.
 * @param tag The locale folder's tag.
 * @returns The record, `undefined` when there is none, or a file carrying a fatal message.
 */
export async function readTranslationRecord(file: string, shown: string, tag: string): Promise<TranslationRecord | undefined | VFile> {
  let text = ''
  const problem = (reason: string): VFile => {
    const vfile = new VFile({path: shown, value: text})
    const message = vfile.message(reason, {place: {line: 1, column: 1}, ruleId: 'translation-record', source: SOURCE})
    message.fatal = true
    message.note = `translation.json is written by \`npm run content:translated -- ${tag} --all\`; restore it from git, or delete it and mark the translations current again.`
    return vfile
  }
  const outcome = await readRegularFile(file, MAX_MANIFEST_BYTES)
  switch (outcome.kind) {
    case 'missing':
      return undefined
    case 'special':
      return problem(`Expected translation.json to be a regular file, found ${withArticle(outcome.type)}`)
    case 'unreadable':
      return problem(`Expected translation.json to be readable, found an error (${outcome.code})`)
    case 'too-large':
      return problem(`Expected translation.json to be at most ${MAX_MANIFEST_BYTES} bytes, found ${outcome.size}`)
    case 'read':
      try {
        text = new TextDecoder('utf-8', {fatal: true}).decode(outcome.bytes)
      } catch {
        return problem('Expected translation.json to be UTF-8 text, found invalid bytes')
      }
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return problem(`Expected translation.json to be JSON, found a syntax error: ${(error as Error).message}`)
  }
  const parsed = parseTranslationRecord(value, tag)
  return typeof parsed === 'string' ? problem(parsed) : parsed
}

/**
 * The record's entry for a unit.
 *
 * @param record The record, if any.
 * @param unit Which unit.
 * @returns What was recorded, or `undefined` when the unit was never marked current.
 */
export function recordedUnit(record: TranslationRecord | undefined, unit: UnitKey): RecordedUnit | undefined {
  if (record === undefined) return undefined
  if (unit.target === 'introduction') return record.introduction
  const units = unit.target === 'step' ? record.steps : record.items
  return Object.hasOwn(units, unit.id) ? units[unit.id] : undefined
}

/**
 * Serialise a record as `content:translated` writes it: the note first, then
 * the units in id order, so a diff shows only what changed.
 *
 * @param record The record.
 * @returns JSON text ending in a newline.
 */
export function formatTranslationRecord(record: TranslationRecord): string {
  const sorted = <T>(units: Readonly<Record<string, T>>): Record<string, T> =>
    Object.fromEntries(Object.keys(units).sort().map((id) => [id, units[id] as T]))
  const value = {
    '//': RECORD_NOTE,
    locale: record.locale,
    ...(record.introduction === undefined ? {} : {introduction: record.introduction}),
    steps: sorted(record.steps),
    items: sorted(record.items),
  }
  return `${JSON.stringify(value, null, 2)}\n`
}
