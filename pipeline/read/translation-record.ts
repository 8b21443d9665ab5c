// `content/locales/<tag>/translation.json`: which source text each translated
// unit (the introduction, a step's words, a checklist item) was translated
// from. Written only by `npm run content:translated` (scripts/
// content-translated.ts); the lint compares it with today's source to call a
// translation current or outdated.
import {VFile} from 'vfile'
import {describeReceived, quote} from '../../src/describe.js'
import {PATTERNS} from '../../src/schema.js'
import {MAX_MANIFEST_BYTES, SOURCE} from '../limits.js'
import {contentHash} from '../parse/units.js'
import {readJsonFile} from './read.js'

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

/**
 * What the record keeps of the source a unit was translated from: its hash
 * and release, and its words then (so an outdated translation shows what
 * changed). Records written before the words were kept hold hashes only.
 */
export interface RecordedUnit {
  /** The source unit's hash when it was marked current (what a release records). */
  readonly hash: string
  /** The release that published that source text, or `unreleased`. */
  readonly version: string
  /** For an item, the source's template then. */
  readonly text?: string
  /** For a step or the introduction, the source's title then. */
  readonly title?: string
  /** For a step, the source's summary then. */
  readonly summary?: string
  /** For a step or the introduction, the source's body paragraphs then. */
  readonly body?: readonly string[]
  /** For the introduction, the source's labels then (`step-heading`, `round-heading`). */
  readonly labels?: {readonly stepHeading: string; readonly roundHeading: string}
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

// The words each kind of unit records, in the order its hash covers them.
const WORDS = {introduction: ['title', 'body', 'labels'], steps: ['title', 'summary', 'body'], items: ['text']} as const

function unitProblem(value: unknown, target: keyof typeof WORDS): string | undefined {
  if (!isRecord(value)) return 'an object'
  if (typeof value['hash'] !== 'string' || !HASH.test(value['hash'])) return 'a `hash` of 12 hex digits'
  if (typeof value['version'] !== 'string' || !VERSION.test(value['version'])) return 'a `version` (x.y.z or `unreleased`)'
  const words: readonly string[] = WORDS[target]
  const allowed = ['hash', 'version', ...words].map((key) => `\`${key}\``).join(', ')
  const extra = Object.keys(value).find((key) => key !== 'hash' && key !== 'version' && !words.includes(key))
  if (extra !== undefined) return `only ${allowed} (found ${quote(extra)})`
  // Hashes only: a record written before the words were kept.
  if (words.every((key) => value[key] === undefined)) return undefined
  const labels = value['labels']
  const wrong = words.find((key) =>
    key === 'body'
      ? !Array.isArray(value[key]) || !value[key].every((paragraph) => typeof paragraph === 'string')
      : key === 'labels'
        ? !isRecord(labels) || Object.keys(labels).join() !== 'stepHeading,roundHeading' || !Object.values(labels).every((label) => typeof label === 'string')
        : typeof value[key] !== 'string',
  )
  if (wrong !== undefined) {
    const shape = wrong === 'body' ? 'a `body` list of strings' : wrong === 'labels' ? 'a `labels` object of `stepHeading` and `roundHeading` strings' : `a \`${wrong}\` string`
    return `${shape} beside ${allowed} (found ${describeReceived(value[wrong])})`
  }
  // The words shown as "what the source said" must be what the hash says it said.
  const hash = contentHash(target === 'items' ? {template: value['text']} : Object.fromEntries(words.map((key) => [key, value[key]])))
  return hash === value['hash'] ? undefined : `words whose hash is its \`hash\` (${value['hash']}), found words hashing to ${hash}`
}

/**
 * Check a parsed `translation.json`.
 *
 * @param value The parsed JSON.
 * @param tag The locale folder's tag.
 * @returns The record, or a sentence saying what is wrong.
 */
function parseTranslationRecord(value: unknown, tag: string): TranslationRecord | string {
  if (!isRecord(value)) return 'Expected `translation.json` to hold a JSON object'
  const locale = value['locale']
  if (locale !== tag) return `Expected \`"locale": "${tag}"\` (the folder's name) in translation.json, found ${locale === undefined ? 'none' : typeof locale === 'string' ? quote(locale) : describeReceived(locale)}`
  const known = ['//', 'locale', 'introduction', 'steps', 'items']
  const extra = Object.keys(value).find((key) => !known.includes(key))
  if (extra !== undefined) return `Expected only the keys ${known.map((key) => `\`${key}\``).join(', ')} in translation.json, found ${quote(extra)}`
  if (value['introduction'] !== undefined) {
    const problem = unitProblem(value['introduction'], 'introduction')
    if (problem !== undefined) return `Expected \`introduction\` to be ${problem}`
  }
  for (const target of ['steps', 'items'] as const) {
    const units = value[target]
    if (!isRecord(units)) return `Expected \`${target}\` to be an object keyed by id`
    for (const [id, unit] of Object.entries(units)) {
      if (!ID.test(id)) return `Expected \`${target}\` keyed by kebab-case ids, found ${quote(id)}`
      const problem = unitProblem(unit, target)
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
  const read = await readJsonFile(file, 'translation.json', MAX_MANIFEST_BYTES)
  if (read === undefined) return undefined
  const problem = (reason: string): VFile => {
    const vfile = new VFile({path: shown, value: read.text})
    const message = vfile.message(reason, {place: {line: 1, column: 1}, ruleId: 'translation-record', source: SOURCE})
    message.fatal = true
    message.note = `translation.json is written by \`npm run content:translated -- ${tag} --all\`; restore it from git, or delete it and mark the translations current again.`
    return vfile
  }
  if ('problem' in read) return problem(read.problem)
  const parsed = parseTranslationRecord(read.value, tag)
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
