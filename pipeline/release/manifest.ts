import {VFile} from 'vfile'
import {PATTERNS} from '../../src/schema.js'
import {MAX_MANIFEST_BYTES, SOURCE} from '../limits.js'
import {readRegularFile, withArticle} from '../read/read.js'

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

const SEMVER = new RegExp(PATTERNS.semver)
const DATE = /^\d{4}-\d{2}-\d{2}$/
const ID = new RegExp(PATTERNS.id)

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isRelease(value: unknown): value is ManifestRelease {
  return (
    isRecord(value) &&
    typeof value['version'] === 'string' &&
    SEMVER.test(value['version']) &&
    typeof value['date'] === 'string' &&
    DATE.test(value['date']) &&
    typeof value['rounds'] === 'string' &&
    typeof value['introduction'] === 'string' &&
    isRecord(value['steps']) &&
    Object.keys(value['steps']).every((id) => ID.test(id)) &&
    Object.values(value['steps']).every((step) => isRecord(step) && typeof step['number'] === 'number' && typeof step['hash'] === 'string') &&
    isRecord(value['items']) &&
    Object.keys(value['items']).every((id) => ID.test(id)) &&
    Object.values(value['items']).every((item) => isRecord(item) && typeof item['stepId'] === 'string' && typeof item['rounds'] === 'string' && typeof item['hash'] === 'string' && isReplaces(item['replaces'])) &&
    (value['locales'] === undefined || (isRecord(value['locales']) && Object.values(value['locales']).every(isLocaleRelease)))
  )
}

function isLocaleRelease(value: unknown): boolean {
  const hashes = (record: unknown): boolean => isRecord(record) && Object.entries(record).every(([id, hash]) => ID.test(id) && typeof hash === 'string')
  return isRecord(value) && typeof value['introduction'] === 'string' && hashes(value['steps']) && hashes(value['items'])
}

function isReplaces(value: unknown): boolean {
  return value === undefined || (Array.isArray(value) && value.length > 0 && value.every((id) => typeof id === 'string' && ID.test(id)))
}

/**
 * Read and check the manifest.
 *
 * @param path Path of `content/manifest.json`.
 * @returns The manifest, `undefined` when the file does not exist, or a file
 *   carrying a fatal message when it is malformed.
 */
export async function readManifest(path: string): Promise<Manifest | undefined | VFile> {
  let text = ''
  const problem = (reason: string): VFile => {
    const file = new VFile({path, value: text})
    const message = file.message(reason, {place: {line: 1, column: 1}, ruleId: 'manifest', source: SOURCE})
    message.fatal = true
    message.note = 'The manifest is written by `npm run content:version`; restore it from git rather than editing it.'
    return file
  }
  // Type and size are checked before reading: a FIFO, a device or a link
  // there is refused at once, and a huge file is never read whole.
  const outcome = await readRegularFile(path, MAX_MANIFEST_BYTES)
  switch (outcome.kind) {
    case 'missing':
      return undefined
    case 'special':
      return problem(`Expected the manifest to be a regular file, found ${withArticle(outcome.type)}`)
    case 'unreadable':
      return problem(`Expected the manifest to be readable, found an error (${outcome.code})`)
    case 'too-large':
      return problem(`Expected the manifest to be at most ${MAX_MANIFEST_BYTES} bytes, found ${outcome.size}`)
    case 'read':
      try {
        text = new TextDecoder('utf-8', {fatal: true}).decode(outcome.bytes)
      } catch {
        return problem('Expected the manifest to be UTF-8 text, found invalid bytes')
      }
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return problem(`Expected the manifest to be JSON, found a syntax error: ${(error as Error).message}`)
  }
  if (!isRecord(value) || !Array.isArray(value['releases']) || value['releases'].length === 0) {
    return problem('Expected the manifest to be `{"releases": [...]}` with at least one release')
  }
  const bad = value['releases'].findIndex((release) => !isRelease(release))
  if (bad !== -1) return problem(`Expected release ${bad} to have a semver \`version\`, a \`date\` (YYYY-MM-DD), \`rounds\`, \`introduction\`, \`steps\` and \`items\` keyed by kebab-case id, and optional \`locales\`, found something else`)
  return {releases: value['releases'] as ManifestRelease[]}
}

/**
 * The version that first published an id, according to a manifest.
 *
 * @param manifest The manifest, if there is one.
 * @returns A lookup for `compileGuide`'s `since`.
 */
export function sinceFrom(manifest: Manifest | undefined): (id: string) => string | undefined {
  const first = new Map<string, string>()
  for (const release of manifest?.releases ?? []) {
    for (const id of [...Object.keys(release.steps), ...Object.keys(release.items)]) {
      if (!first.has(id)) first.set(id, release.version)
    }
  }
  return (id) => first.get(id)
}
