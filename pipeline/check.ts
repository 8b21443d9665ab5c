// The content check as an API: `ace-second-interview/check`. The bin's
// `check` command calls `checkContent` too, so an app's tests and the CLI can
// never disagree. Built with the pipeline bundled in (no runtime dependency)
// and loaded only by code that imports it.
import {mkdir, readFile, readdir, stat} from 'node:fs/promises'
import path from 'node:path'
import {inspect} from 'node:util'
import {fileURLToPath} from 'node:url'
import {VFile} from 'vfile'
import {commitFiles, recoverCommit} from './atomic.js'
import {type BuildResult, buildGuide} from './index.js'
import {MAX_MANIFEST_BYTES, SOURCE} from './limits.js'
import {type Diagnostic, diagnostics} from './report.js'
import type {Rule} from './lint/rule.js'
import {buildRules, rules as allRules} from './lint/rules/index.js'
import {didYouMean} from './lint/rules/shared.js'
import {type LocaleStatus, localeStatuses} from './lint/status.js'
import {titleOf} from './parse/units.js'
import {LOCALES_FOLDER, canonicalTag} from './read/load.js'
import {entryType} from './read/read.js'
import {TRANSLATION_RECORD_FILE} from './read/translation-record.js'
import type {CatalogFormat} from './translate/catalog.js'
import {IMPORT_JOURNAL, planImport} from './translate/import.js'
import {formatPo, parsePo} from './translate/po.js'
import {exchangeUnits} from './translate/units.js'
import {formatXliff, parseXliff} from './translate/xliff.js'

export type {Diagnostic, Severity} from './report.js'
export type {LocaleStatus, StatusCounts} from './lint/status.js'
export type {CatalogFormat} from './translate/catalog.js'

/** Options for {@link checkContent}. */
export interface CheckOptions {
  /**
   * The folder a relative `dir` or `manifest` is relative to (default:
   * `process.cwd()`). Diagnostics and `files` name each file under `dir` as
   * it was given: `content/guide.md` for `'content'`.
   */
  readonly cwd?: string | URL | undefined
  /**
   * The release history to check against (default: `manifest.json` in the
   * content folder). A fork passes the upstream history, e.g.
   * `require.resolve('ace-second-interview/manifest.json')`, so an id the
   * package published or retired is known to its check.
   */
  readonly manifest?: string | URL | undefined
  /**
   * Fail on warnings too (a missing or outdated translation), as `check
   * --strict` does (default: `false`, only errors fail).
   */
  readonly strict?: boolean | undefined
}

/** What {@link checkContent} found. */
export interface CheckResult {
  /** `true` when no diagnostic is an error (the build would succeed); under `strict`, when there is no diagnostic at all. */
  readonly ok: boolean
  /** Every problem, sorted by file, line and column. */
  readonly diagnostics: readonly Diagnostic[]
  /**
   * Every file looked at, as vfiles carrying their messages: pass them to
   * `vfile-reporter` (`reporter(result.files)`) for a terminal report.
   */
  readonly files: readonly VFile[]
  /** How many steps the content has when `ok`; `0` otherwise. */
  readonly steps: number
}

/** A content lint rule, as documentation. */
export interface RuleInfo {
  /** Permanent, kebab-case id: the `ruleId` of its diagnostics. */
  readonly id: string
  /** What the rule checks, one line. */
  readonly description: string
  /** How to fix what it reports (a diagnostic's own `tip` may be more precise). */
  readonly tip: string
}

/** Stable codes of the errors {@link checkContent} and the translation functions throw. */
export type CheckErrorCode = 'ERR_CHECK_NO_FOLDER' | 'ERR_CHECK_NOT_A_FOLDER' | 'ERR_CHECK_NO_LOCALE' | 'ERR_CHECK_NO_FILE' | 'ERR_CHECK_INVALID_OPTION'
const CODES: readonly unknown[] = ['ERR_CHECK_NO_FOLDER', 'ERR_CHECK_NOT_A_FOLDER', 'ERR_CHECK_NO_LOCALE', 'ERR_CHECK_NO_FILE', 'ERR_CHECK_INVALID_OPTION'] satisfies CheckErrorCode[]

/**
 * The folder to check does not exist or is not a folder; the locale to
 * export is not one of its translations; the file to import, or the
 * manifest named in the options, is not there;
 * an argument or option is of the wrong kind (a `TypeError`).
 * Recognise it by `code`.
 */
export interface CheckError extends Error {
  /** `ERR_CHECK_NO_FOLDER`, `ERR_CHECK_NOT_A_FOLDER`, `ERR_CHECK_NO_LOCALE`, `ERR_CHECK_NO_FILE` or `ERR_CHECK_INVALID_OPTION`. */
  readonly code: CheckErrorCode
  /** The folder, tag or file as it was given; for `ERR_CHECK_INVALID_OPTION`, the argument's name (`"dir"`, `options.format`). */
  readonly path: string
  /** For `ERR_CHECK_NO_LOCALE`: the folder's translations. */
  readonly expected?: readonly string[]
  /** For `ERR_CHECK_NO_FILE`: what is at the path instead (`nothing`, `a folder`, `a character device`). */
  readonly found?: string
}

/**
 * Every content lint rule, in the order they run.
 *
 * @example
 *   rules.map((rule) => rule.id) // ['content-files', 'file-format', …]
 */
export const rules: readonly RuleInfo[] = Object.freeze(
  allRules.map((rule) => Object.freeze({id: rule.id, description: rule.description, tip: rule.tip})),
)

// The check compiles the content as the build would; no version is stamped
// on anything it returns, so any valid one does.
const CHECK_VERSION = '0.0.0'

function checkError(code: CheckErrorCode, given: string, reason: string, call: string, extra: Pick<CheckError, 'expected' | 'found'> = {}): CheckError {
  return Object.assign(new Error(`${call}: ${reason}: ${JSON.stringify(given)}`), {code, path: given, ...extra})
}

const toPath = (value: string | URL): string => (value instanceof URL ? fileURLToPath(value) : value)

// Each argument, as [name, value, whether it is of the right kind, what it should be]: the first wrong one is thrown.
type ArgumentCheck = readonly [name: string, value: unknown, ok: boolean, expected: string]
function validate(call: string, checks: readonly ArgumentCheck[]): void {
  const [name, value, , expected] = checks.find(([, , ok]) => !ok) ?? []
  if (name === undefined) return
  throw Object.assign(new TypeError(`${call}: expected ${name} to be ${expected}, found ${inspect(value, {depth: 1, breakLength: Infinity})}`), {code: 'ERR_CHECK_INVALID_OPTION', path: name})
}
const isPath = (value: unknown): boolean => typeof value === 'string' || value instanceof URL
const pathCheck = (name: string, value: unknown, optional = true): ArgumentCheck => [name, value, (optional && value === undefined) || isPath(value), 'a string or URL']

/**
 * Check a content folder with every rule the build runs, without writing
 * anything. The `check` command of the bin is this function and a printer.
 *
 * @param dir The content folder (`guide.md`, `steps/`, `manifest.json`),
 *   relative to `options.cwd` or absolute.
 * @param options Where paths are relative to, the release history to
 *   check against, and whether warnings fail (`strict`).
 * @returns Whether the content is valid, its diagnostics (errors and
 *   warnings) and the vfiles.
 * @throws {CheckError} `ERR_CHECK_NO_FOLDER` when `dir` does not exist,
 *   `ERR_CHECK_NOT_A_FOLDER` when it is something else, `ERR_CHECK_NO_FILE`
 *   when nothing is at `options.manifest`; `ERR_CHECK_INVALID_OPTION` (a
 *   TypeError) for an argument of the wrong kind or an option it does not
 *   have. Bad content never throws: it comes back as diagnostics.
 * @example
 *   const {ok, diagnostics} = await checkContent('content')
 *   if (!ok) console.error(diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.reason}`).join('\n'))
 */
export async function checkContent(dir: string | URL, options: Readonly<CheckOptions> | null | undefined = {}): Promise<CheckResult> {
  // Files are named under the folder as it was given (`content/guide.md`,
  // `/abs/content/guide.md`), as the command line prints them.
  const result = await (await resolveFolder(dir, options, 'checkContent(dir)')).build(allRules)
  const found = diagnostics(result.files)
  const ok = result.guide !== undefined && (options?.strict !== true || found.length === 0)
  return {ok, diagnostics: found, files: result.files, steps: result.guide?.steps.length ?? 0}
}

/** What {@link translationStatus} found. */
export interface TranslationStatusResult {
  /** `true` when no diagnostic is an error. */
  readonly ok: boolean
  /** Every problem, as {@link checkContent} reports them. */
  readonly diagnostics: readonly Diagnostic[]
  /** Every file looked at, as vfiles carrying their messages. */
  readonly files: readonly VFile[]
  /** The source first, then each translation in tag order; empty when the source has errors. */
  readonly locales: readonly LocaleStatus[]
}

/**
 * Count, for each locale of a content folder, the steps and items whose
 * translation is current, outdated or missing (what `ace-second-interview
 * locales` prints).
 *
 * @param dir The content folder, relative to `options.cwd` or absolute.
 * @param options Where paths are relative to, and the release history.
 * @returns The counts per locale, and the diagnostics.
 * @throws {CheckError} `ERR_CHECK_NO_FOLDER` or `ERR_CHECK_NOT_A_FOLDER`, as {@link checkContent}.
 * @example
 *   const {locales} = await translationStatus('content')
 *   for (const l of locales) console.log(l.locale, l.items.current, l.items.outdated, l.items.missing)
 */
export async function translationStatus(dir: string | URL, options: Readonly<CheckOptions> | null | undefined = {}): Promise<TranslationStatusResult> {
  // The status of the translations needs no dictionary: spelling is `checkContent`'s.
  const result = await (await resolveFolder(dir, options, 'translationStatus(dir)')).build(buildRules)
  const found = diagnostics(result.files)
  return {ok: !found.some((d) => d.fatal), diagnostics: found, files: result.files, locales: localeStatuses(result.lint)}
}

// The folder to check, resolved and checked to be one, and how to build it
// (or a copy of it) as the build would, with these rules. `call` is the
// call's signature, as the errors name it (`translationStatus(dir)`).
// The names of CheckOptions: a call's options are refused when not among its `known`, never ignored.
const CHECK_OPTIONS = ['cwd', 'manifest', 'strict']
async function resolveFolder(dir: string | URL, options: Readonly<CheckOptions> | null | undefined, call: string, known = CHECK_OPTIONS) {
  const name = call.slice(0, call.indexOf('('))
  const unknown = typeof options === 'object' && options !== null ? Object.keys(options).find((key) => !known.includes(key)) : undefined
  validate(name, [
    ['options', options, options === undefined || options === null || typeof options === 'object', 'an object'],
    [`options.${unknown}`, options?.[unknown as keyof CheckOptions], unknown === undefined, `absent (${name}'s options are ${known.slice(0, -1).join(', ')} and ${known.at(-1)})`],
    pathCheck('"dir"', dir, false),
    pathCheck('options.cwd', options?.cwd),
    pathCheck('options.manifest', options?.manifest),
    ['options.strict', options?.strict, options?.strict === undefined || typeof options.strict === 'boolean', 'true or false'],
  ])
  const cwd = path.resolve(toPath(options?.cwd ?? process.cwd()))
  const given = toPath(dir)
  const contentDir = path.resolve(cwd, given)
  const found = await stat(contentDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined
    throw error
  })
  if (found === undefined) throw checkError('ERR_CHECK_NO_FOLDER', given, 'expected "dir" to be a content folder, found nothing at', call)
  if (!found.isDirectory()) throw checkError('ERR_CHECK_NOT_A_FOLDER', given, 'expected "dir" to be a content folder, found a file', call)
  const manifestGiven = options?.manifest === undefined ? undefined : toPath(options.manifest)
  const manifest = manifestGiven === undefined ? {} : {manifest: path.resolve(cwd, manifestGiven)}
  // The build reads a missing manifest as no history yet; one asked for by
  // name must be there, or every `replaces=` fails against an empty history.
  if (manifestGiven !== undefined && (await stat(path.resolve(cwd, manifestGiven)).catch(() => undefined)) === undefined) {
    throw checkError('ERR_CHECK_NO_FILE', manifestGiven, 'expected options.manifest to be a release history (manifest.json), found nothing at', call, {found: 'nothing'})
  }
  const build = async (rules: readonly Rule[], folder = contentDir, shownAs = given): Promise<BuildResult> =>
    buildGuide({contentDir: folder, version: CHECK_VERSION, cwd, shownAs, rules, ...manifest})
  return {contentDir, cwd, given, build}
}

/**
 * Tell whether a caught value is a {@link CheckError}.
 *
 * @param value Anything caught.
 * @returns `true` when it carries one of the check's error codes.
 * @example
 *   try { await checkContent('nope') } catch (error) { if (isCheckError(error)) console.error(error.message) }
 */
export function isCheckError(value: unknown): value is CheckError {
  const code = value instanceof Error ? (value as {code?: unknown}).code : undefined
  return CODES.includes(code)
}

/** Options for {@link exportTranslation}. */
export interface TranslationExportOptions extends CheckOptions {
  /** `po` (gettext PO, the default) or `xliff` (XLIFF 1.2). */
  readonly format?: CatalogFormat | undefined
  /** The file's date (`PO-Revision-Date`, XLIFF `date`); default: now. */
  readonly date?: Date | undefined
}

/** What {@link exportTranslation} and {@link importTranslation} found wrong, and the files they looked at. */
export interface TranslationResult {
  /** `true` when the work was done: no error in the content or in the file. */
  readonly ok: boolean
  /** Every problem: the content's errors, or the imported file's, at its lines. */
  readonly diagnostics: readonly Diagnostic[]
  /** The files carrying them, as vfiles. */
  readonly files: readonly VFile[]
}

/** What {@link exportTranslation} wrote. */
export interface TranslationExportResult extends TranslationResult {
  /** The PO or XLIFF text; empty when not `ok`. */
  readonly text: string
  /** How many units it holds, by state. */
  readonly units: {readonly current: number; readonly outdated: number; readonly missing: number}
}

/** What {@link importTranslation} did. */
export interface TranslationImportResult extends TranslationResult {
  /** The locale the file is for, when it says. */
  readonly locale: string | undefined
  /** The files written, as diagnostics name them; none when not `ok`. */
  readonly written: readonly string[]
  /** The ids (`introduction`, step and item ids) marked current in translation.json. */
  readonly marked: readonly string[]
  /** The ids whose mark was taken back (an entry asks for review). */
  readonly unmarked: readonly string[]
  /** Unit ids whose source changed since the file was exported: their text is written, their unit not marked current. */
  readonly stale: readonly string[]
}

// A build's translation by tag, in any case (as loadLocale takes it: `DE` is `de`), the folder's
// tags, and the files whose errors stop an exchange: the locale's, and the source's when it failed.
function translationOf(result: BuildResult, tag: string) {
  const wanted = (canonicalTag(tag) ?? tag).toLowerCase()
  const locale = result.lint.locales.find((candidate) => candidate.locale.tag.toLowerCase() === wanted)
  const source = result.lint.sourceView
  const files = locale === undefined ? [] : [...(source === undefined ? result.lint.files.filter((file) => !locale.files.includes(file)) : []), ...locale.files]
  return {locale, source, tags: result.lint.locales.map((candidate) => candidate.locale.tag), broken: files.filter((file) => file.messages.some((message) => message.fatal))}
}

/**
 * Write every translatable unit of a locale (the introduction, each step's
 * title, summary and paragraphs, each checklist item) as gettext PO or XLIFF
 * 1.2 for a translation tool: one unit per stable id, with the source, the
 * current translation, its state (outdated: fuzzy, or needs review, with the
 * source's words when it was translated; missing: empty), the source file and
 * line, and a note on where it stands and how to write its placeholders.
 *
 * @param dir The content folder, relative to `options.cwd` or absolute.
 * @param tag A translation's tag (`de`, `en-US`).
 * @param options Where paths are relative to, the release history, the format and the date.
 * @returns The file's text, or (`ok: false`) the content's errors.
 * @throws {CheckError} `ERR_CHECK_NO_FOLDER` or `ERR_CHECK_NOT_A_FOLDER` as {@link checkContent};
 *   `ERR_CHECK_NO_LOCALE` when `tag` is not one of the folder's translations.
 * @example
 *   const {ok, text} = await exportTranslation('content', 'de', {format: 'po'})
 *   if (ok) await writeFile('de.po', text)
 */
export async function exportTranslation(dir: string | URL, tag: string, options: Readonly<TranslationExportOptions> | null | undefined = {}): Promise<TranslationExportResult> {
  const {format = 'po', date = new Date()} = options ?? {}
  validate('exportTranslation', [
    ['"tag"', tag, typeof tag === 'string', 'a string'],
    ['options.format', format, format === 'po' || format === 'xliff', "'po' or 'xliff'"],
    ['options.date', date, date instanceof Date && !Number.isNaN(date.getTime()), 'a valid Date'],
  ])
  const result = await (await resolveFolder(dir, options, 'exportTranslation(dir, tag)', [...CHECK_OPTIONS, 'format', 'date'])).build(buildRules)
  const {locale, source, tags, broken} = translationOf(result, tag)
  if (locale === undefined) throw checkError('ERR_CHECK_NO_LOCALE', tag, `expected "tag" to be one of the folder's translations (${tags.join(', ') || 'none'}), found`, 'exportTranslation(dir, tag)', {expected: tags})
  const name = locale.locale.tag
  const none = {current: 0, outdated: 0, missing: 0}
  if (source === undefined || broken.length > 0) return {ok: false, diagnostics: diagnostics(broken), files: broken, text: '', units: none}
  const units = exchangeUnits(source, locale)
  const title = titleOf(source.guide)
  const text = (format === 'po' ? formatPo : formatXliff)(units, {
    tag: name,
    sourceTag: result.lint.locale.tag,
    title,
    version: result.manifest?.releases.at(-1)?.version ?? 'unreleased',
    date,
    tool: 'ace-second-interview translation export',
    comments: [
      `${title}: its ${name} translation, ${units.length} units, each under its stable id.`,
      `Import it with \`ace-second-interview translation import <file>\`: it writes the content folder's ${LOCALES_FOLDER}/${name}/ and marks the units translated from today's source current.`,
      'Keep the markdown (*emphasis*, `code`, [links](https://…)) and the placeholders ({next}) of the source.',
      format === 'po'
        ? 'A fuzzy entry\'s source changed since it was translated ("#| msgid" is what it said then): clear the flag once the translation says what the source says now.'
        : 'A target needing review: its source changed since it was translated (the alt-trans is what it said then); set it translated once the translation says what the source says now.',
    ],
  })
  const counts = {...none}
  for (const unit of units) counts[unit.state]++
  return {ok: true, diagnostics: [], files: [], text, units: counts}
}

/**
 * Read a PO or XLIFF file (as {@link exportTranslation} writes it, and
 * translation tools save it) back into its locale's markdown, and mark
 * current in translation.json each unit whose parts are all translated,
 * not fuzzy (not in need of review) and from today's source. All or
 * nothing: an unknown id, a placeholder or item id that does not match the
 * source, or text that would leave the content invalid is refused at the
 * file's line, and then nothing is written. A file exported and imported
 * unchanged changes nothing.
 *
 * @param file The PO or XLIFF file, relative to `options.cwd` or absolute.
 * @param dir The content folder.
 * @param options Where paths are relative to, and the release history.
 * @returns What was written and marked, or (`ok: false`) the problems.
 * @throws {CheckError} `ERR_CHECK_NO_FOLDER` or `ERR_CHECK_NOT_A_FOLDER` as
 *   {@link checkContent}; `ERR_CHECK_NO_FILE` when `file` is not a file.
 * @example
 *   const {ok, diagnostics} = await importTranslation('de.po', 'content')
 */
export async function importTranslation(file: string | URL, dir: string | URL, options: Readonly<CheckOptions> | null | undefined = {}): Promise<TranslationImportResult> {
  validate('importTranslation', [pathCheck('"file"', file, false)])
  const {contentDir, cwd, given, build} = await resolveFolder(dir, options, 'importTranslation(file, dir)')
  const shown = toPath(file)
  const found = await stat(path.resolve(cwd, shown)).catch(() => undefined)
  if (found?.isFile() !== true) {
    const what = found === undefined ? 'nothing' : entryType(found)
    throw checkError('ERR_CHECK_NO_FILE', shown, `expected "file" to be a PO or XLIFF file, found ${what} at`, 'importTranslation(file, dir)', {found: what})
  }
  const bytes = found.size > MAX_MANIFEST_BYTES ? undefined : await readFile(path.resolve(cwd, shown))
  let text: string | undefined
  try {
    text = bytes === undefined ? undefined : new TextDecoder('utf-8', {fatal: true}).decode(bytes)
  } catch {}
  const vfile = new VFile({path: shown, value: text ?? ''})
  const failed = (files: VFile[], language?: string): TranslationImportResult => ({ok: false, diagnostics: diagnostics(files), files, locale: language, written: [], marked: [], unmarked: [], stale: []})
  const refuse = (problems: ReadonlyArray<{line: number; reason: string}>, language?: string): TranslationImportResult => {
    for (const {line, reason} of problems) {
      const message = vfile.message(reason, {place: {line, column: 1}, ruleId: 'translation-import', source: SOURCE})
      message.fatal = true
      message.note = "Correct the file at this line (or empty the entry's translation to leave its unit as it is), then import it again: nothing is written until every entry is right."
    }
    return failed([vfile], language)
  }
  if (bytes === undefined) return refuse([{line: 1, reason: `Expected a PO or XLIFF file of at most ${MAX_MANIFEST_BYTES} bytes, found ${found.size}`}])
  if (text === undefined) return refuse([{line: 1, reason: 'Expected UTF-8 text (PO: `charset=UTF-8`), found invalid bytes'}])
  // XML or PO, by the first character.
  const catalog = text.trimStart().startsWith('<') ? parseXliff(text) : parsePo(text)
  const tag = catalog.language === undefined ? undefined : canonicalTag(catalog.language)
  if (catalog.problems.length > 0) return refuse(catalog.problems, tag)
  if (tag === undefined) return refuse([{line: 1, reason: `Expected the file to name its language (PO: a \`Language:\` header; XLIFF: \`target-language\`), found ${catalog.language === undefined ? 'none' : JSON.stringify(catalog.language)}`}])
  // A change a killed import left in flight is finished (or undone) first.
  const directory = path.join(contentDir, LOCALES_FOLDER, tag)
  const steps = async (folder: string): Promise<string[]> => (await readdir(folder).catch(() => [] as string[])).map((name) => path.join(directory, 'steps', name))
  await recoverCommit(path.join(directory, IMPORT_JOURNAL), [path.join(directory, 'guide.md'), path.join(directory, TRANSLATION_RECORD_FILE), ...(await steps(path.join(directory, 'steps'))), ...(await steps(path.join(contentDir, 'steps')))])
  const {locale, source, tags, broken} = translationOf(await build(buildRules), tag)
  if (locale === undefined) return refuse([{line: 1, reason: `Expected the file's language to be one of ${given}'s translations (${tags.join(', ') || 'none'}), found "${tag}"${didYouMean(tag, tags)}`}], tag)
  if (source === undefined || broken.length > 0) return failed(broken, tag)
  const plan = await planImport(catalog, source, locale, contentDir, async (copy) =>
    diagnostics((await build(buildRules, copy, copy)).files).filter((found) => found.fatal),
  )
  if (plan.problems.length > 0) return refuse(plan.problems, tag)
  // All the files or (killed before the journal is in place) none; the next import finishes or undoes it.
  // A new step may be the locale's first: git keeps no empty steps/ folder.
  for (const write of plan.writes) await mkdir(path.dirname(write.path), {recursive: true})
  if (plan.writes.length > 0) await commitFiles(path.join(directory, IMPORT_JOURNAL), plan.writes)
  return {ok: true, diagnostics: [], files: [], locale: tag, written: plan.writes.map((write) => path.join(given, path.relative(contentDir, write.path))), marked: plan.marked.map((unit) => unit.id), unmarked: plan.unmarked.map((unit) => unit.id), stale: plan.stale}
}
