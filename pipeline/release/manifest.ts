import {VFile} from 'vfile'
import {describeReceived, quote} from '../../src/describe.js'
import {PATTERNS} from '../../src/schema.js'
import {parseRounds} from '../parse/rounds.js'
import {MAX_MANIFEST_BYTES, SOURCE} from '../limits.js'
import {readJsonFile} from '../read/read.js'

/** What a release records of a step. */
export interface ReleaseStep {
  readonly number: number
  /** Hash of the step's own words: title, summary and body (not its checklist). */
  readonly hash: string
}

/** What a release records of a checklist item. */
export interface ReleaseItem {
  readonly stepId: string
  /** Rounds in the content's syntax (`2+`). */
  readonly rounds: string
  /** The item's shipped hash (not affected by `replaces`). */
  readonly hash: string
  /**
   * Ids this item replaces, as its `replaces=` attribute declared them at this
   * release (a rename carries readers' progress from those ids to this one).
   */
  readonly replaces?: readonly string[]
}

/**
 * What a release records of one translation: hashes of its own words, for
 * the units it translates (an untranslated one ships the source's words and
 * is left out). Only the changelog and the bump read it.
 */
export interface LocaleRelease {
  /** Hash of the translated title and introduction. */
  readonly introduction: string
  /** Hash of each translated step's words (title, summary, body), by step id. */
  readonly steps: Readonly<Record<string, string>>
  /** Hash of each translated item, by item id. */
  readonly items: Readonly<Record<string, string>>
}

/** The content as published in one version. */
export interface ManifestRelease {
  readonly version: string
  /** The day the release was recorded, `YYYY-MM-DD`. */
  readonly date: string
  /** The guide's covered rounds, in the content's syntax. */
  readonly rounds: string
  /** Hash of the title and introduction. */
  readonly introduction: string
  readonly steps: Readonly<Record<string, ReleaseStep>>
  readonly items: Readonly<Record<string, ReleaseItem>>
  /** Each translation's own hashes, by locale tag (absent before the first translation). */
  readonly locales?: Readonly<Record<string, LocaleRelease>>
}

/** A release's content, without the version and date it was recorded under. */
export type ReleaseContent = Omit<ManifestRelease, 'version' | 'date'>

/**
 * `content/manifest.json`: every published version of the content, oldest
 * first. Every id ever published, its first version and whether it was
 * retired all follow from it. Written by `npm run content:version` only.
 */
export interface Manifest {
  readonly releases: readonly ManifestRelease[]
}

/** Where the manifest lives, relative to the content folder. */
export const MANIFEST_FILE = 'manifest.json'

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

// How `content:version` writes each field, checked like content: the
// manifest reaches the build, the shipped history and every printer. A shape
// is a check (what was expected, or undefined when the value is fine), an
// object's fields (a name ending in `?` may be absent; no other may be
// present), or a record: [check of each key, shape of each value].
type Check = (value: unknown) => string | undefined
type Shape = Check | readonly [Check, Shape] | {readonly [field: string]: Shape}

const matching = (pattern: string, expected: string): Check => {
  const regex = new RegExp(pattern)
  return (value) => (typeof value === 'string' && regex.test(value) ? undefined : expected)
}
const id = matching(PATTERNS.id, 'a kebab-case id')
const hash = matching(PATTERNS.hash, 'a hash (12 hex digits)')
const rounds: Check = (value) => (typeof value === 'string' && parseRounds(value) !== undefined ? undefined : 'rounds (`2`, `2-4` or `2+`)')
const hashes: Shape = [id, hash]
const RELEASE: Shape = {
  version: matching(PATTERNS.semver, 'a version (x.y.z)'),
  date: matching('^\\d{4}-\\d{2}-\\d{2}$', 'a date (YYYY-MM-DD)'),
  rounds,
  introduction: hash,
  steps: [id, {number: (value) => (Number.isSafeInteger(value) && (value as number) >= 1 ? undefined : 'a step number (1 or more)'), hash}],
  items: [id, {stepId: id, rounds, hash, 'replaces?': (value) => (Array.isArray(value) && value.length > 0 && value.every((entry) => id(entry) === undefined) ? undefined : 'a list of item ids')}],
  'locales?': [matching(PATTERNS.locale, 'a locale tag'), {introduction: hash, steps: hashes, items: hashes}],
}

// Where a value first departs from its shape: its path, what was expected there, and what was found.
function mismatch(value: unknown, shape: Shape, at: string): {at: string; expected: string; found: unknown} | undefined {
  if (typeof shape === 'function') {
    const expected = shape(value)
    return expected === undefined ? undefined : {at, expected, found: value}
  }
  if (!isRecord(value)) return {at, expected: 'an object', found: value}
  if (Array.isArray(shape)) {
    const [key, each] = shape as readonly [Check, Shape]
    for (const [name, field] of Object.entries(value)) {
      const expected = key(name)
      if (expected !== undefined) return {at: `${at}[${quote(name)}]`, expected: `keyed by ${expected}`, found: name}
      const bad = mismatch(field, each, `${at}.${name}`)
      if (bad !== undefined) return bad
    }
    return undefined
  }
  const fields = shape as {readonly [field: string]: Shape}
  for (const name of Object.keys(value)) {
    if (!Object.hasOwn(fields, name) && !Object.hasOwn(fields, `${name}?`)) return {at: `${at}.${quote(name).slice(1, -1)}`, expected: 'absent (no such field)', found: value[name]}
  }
  for (const [name, field] of Object.entries(fields)) {
    const key = name.replace(/\?$/, '')
    const bad = key !== name && value[key] === undefined ? undefined : mismatch(value[key], field, `${at}.${key}`)
    if (bad !== undefined) return bad
  }
  return undefined
}

/**
 * Read and check the manifest.
 *
 * @param path Path of `content/manifest.json`.
 * @returns The manifest, `undefined` when the file does not exist, or a file
 *   carrying a fatal message when it is malformed.
 */
export async function readManifest(path: string): Promise<Manifest | undefined | VFile> {
  // Type and size are checked before reading: a FIFO, a device or a link
  // there is refused at once, and a huge file is never read whole.
  const read = await readJsonFile(path, 'the manifest', MAX_MANIFEST_BYTES)
  if (read === undefined) return undefined
  const problem = (reason: string): VFile => {
    const file = new VFile({path, value: read.text})
    const message = file.message(reason, {place: {line: 1, column: 1}, ruleId: 'manifest', source: SOURCE})
    message.fatal = true
    message.note = 'The manifest is written by `npm run content:version`; restore it from git rather than editing it.'
    return file
  }
  if ('problem' in read) return problem(read.problem)
  const {value} = read
  if (!isRecord(value) || !Array.isArray(value['releases']) || value['releases'].length === 0) {
    return problem('Expected the manifest to be `{"releases": [...]}` with at least one release')
  }
  for (const [index, release] of value['releases'].entries()) {
    const bad = mismatch(release, RELEASE, `releases[${index}]`)
    if (bad !== undefined) return problem(`Expected \`${bad.at}\` to be ${bad.expected}, found ${describeReceived(bad.found)}`)
  }
  return {releases: value['releases'] as ManifestRelease[]}
}

