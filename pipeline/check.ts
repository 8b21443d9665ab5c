// The content check as an API: `ace-second-interview/check`. The bin's
// `check` command calls `checkContent` too, so an app's tests and the CLI can
// never disagree. Built with the pipeline bundled in (no runtime dependency)
// and loaded only by code that imports it.
import {stat} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {VFile} from 'vfile'
import {buildGuide} from './index.js'
import {type Diagnostic, diagnostics} from './report.js'
import {buildRules, rules as allRules} from './lint/rules/index.js'
import {type LocaleStatus, localeStatuses} from './lint/status.js'

export type {Diagnostic, Severity} from './report.js'
export type {LocaleStatus, StatusCounts} from './lint/status.js'

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

/** Stable codes of the errors {@link checkContent} throws. */
export type CheckErrorCode = 'ERR_CHECK_NO_FOLDER' | 'ERR_CHECK_NOT_A_FOLDER'

/** The folder to check does not exist or is not a folder. Recognise it by `code`. */
export interface CheckError extends Error {
  /** `ERR_CHECK_NO_FOLDER` or `ERR_CHECK_NOT_A_FOLDER`. */
  readonly code: CheckErrorCode
  /** The folder as it was given. */
  readonly path: string
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

function checkError(code: CheckErrorCode, given: string, reason: string): CheckError {
  return Object.assign(new Error(`checkContent(dir): ${reason}: ${JSON.stringify(given)}`), {code, path: given})
}

const toPath = (value: string | URL): string => (value instanceof URL ? fileURLToPath(value) : value)

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
 *   `ERR_CHECK_NOT_A_FOLDER` when it is something else. Bad content never
 *   throws: it comes back as diagnostics.
 * @example
 *   const {ok, diagnostics} = await checkContent('content')
 *   if (!ok) console.error(diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.reason}`).join('\n'))
 */
export async function checkContent(dir: string | URL, options: Readonly<CheckOptions> | null | undefined = {}): Promise<CheckResult> {
  const {contentDir, cwd, given, manifest} = await resolveFolder(dir, options)
  // Files are named under the folder as it was given (`content/guide.md`,
  // `/abs/content/guide.md`), as the command line prints them.
  const result = await buildGuide({contentDir, version: CHECK_VERSION, cwd, shownAs: given, ...(manifest === undefined ? {} : {manifest})})
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
  const {contentDir, cwd, given, manifest} = await resolveFolder(dir, options)
  // The status of the translations needs no dictionary: spelling is `checkContent`'s.
  const result = await buildGuide({contentDir, version: CHECK_VERSION, cwd, shownAs: given, rules: buildRules, ...(manifest === undefined ? {} : {manifest})})
  const found = diagnostics(result.files)
  return {ok: !found.some((d) => d.fatal), diagnostics: found, files: result.files, locales: localeStatuses(result.lint)}
}

// The folder to check, resolved and checked to be one.
async function resolveFolder(dir: string | URL, options: Readonly<CheckOptions> | null | undefined): Promise<{contentDir: string; cwd: string; given: string; manifest: string | undefined}> {
  const cwd = path.resolve(toPath(options?.cwd ?? process.cwd()))
  const given = toPath(dir)
  const contentDir = path.resolve(cwd, given)
  const found = await stat(contentDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined
    throw error
  })
  if (found === undefined) throw checkError('ERR_CHECK_NO_FOLDER', given, 'expected "dir" to be a content folder, found nothing at')
  if (!found.isDirectory()) throw checkError('ERR_CHECK_NOT_A_FOLDER', given, 'expected "dir" to be a content folder, found a file')
  const manifest = options?.manifest === undefined ? undefined : path.resolve(cwd, toPath(options.manifest))
  return {contentDir, cwd, given, manifest}
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
  return code === 'ERR_CHECK_NO_FOLDER' || code === 'ERR_CHECK_NOT_A_FOLDER'
}
