import {toString} from 'mdast-util-to-string'
import {VFile} from 'vfile'
import type {RoundRange} from '../src/types.js'
import {CHECKLIST_HEADING, type ContentDocument, parseContent, summarize} from './document.js'
import {SOURCE} from './limits.js'
import {type LoadedContent, type LoadedFolder, canonicalTag, readDeferred} from './load.js'
import type {Manifest} from './manifest.js'
import {parseRounds} from './rounds.js'
import {type LocaleContext, type Rule, type SourceFile, type SourceView, type TranslationContext, runRules} from './rule.js'
import type {TranslationRecord} from './translation-record.js'
import {rules as defaultRules} from './rules/index.js'
import {entry} from './rules/shared.js'

/** The outcome of linting one content folder: the source, or one translation. */
export interface FolderLint {
  /** Every file looked at, each with its messages. */
  readonly files: readonly VFile[]
  /** Whether any message is fatal (the build must stop). */
  readonly failed: boolean
  /** The parsed introduction, when it was parsed. */
  readonly guide: ContentDocument | undefined
  /** The parsed steps, in file name order. */
  readonly steps: readonly ContentDocument[]
  /** The guide's covered rounds, when valid. */
  readonly coveredRounds: RoundRange | undefined
  /** Which locale the folder holds, and its conventions. */
  readonly locale: LocaleContext
}

/** A translation's lint, with its record. */
export interface LocaleLint extends FolderLint {
  /** `translation.json`, when readable. */
  readonly record: TranslationRecord | undefined
}

/** The outcome of linting a content folder: the source's, plus each translation's. */
export interface LintResult extends FolderLint {
  /** Each translation (`locales/<tag>/`), in tag order. */
  readonly locales: readonly LocaleLint[]
  /** What a translation is judged against, when the source passed the lint. */
  readonly sourceView: SourceView | undefined
}

/** The source's locale when its guide.md does not say (`locale:`). */
export const DEFAULT_SOURCE_LOCALE = 'en-GB'

/** How {@link lintContent} goes through the files. */
export interface LintOptions {
  /**
   * One file at a time (the default): each file's `'file'`-scope rules run as
   * soon as it is read and parsed, and the rules that compare files run once
   * the folder is done. `false` runs every rule over every file at once, rule
   * by rule (the reference the streaming order is tested against); both give
   * the same diagnostics.
   */
  readonly streaming?: boolean
  /**
   * Keep only a summary of each step once its file rules ran (see
   * `ContentDocument.summary`); default `false` (whole documents). Only when
   * streaming, and only when no rule that runs afterwards needs whole
   * documents (scope `'folder'`): else whole documents are kept regardless.
   */
  readonly summaries?: boolean
  /**
   * Called with each document of the source (the guide, then each step in
   * file name order) that passed its file rules without an error, once they
   * ran and before it is summarised: a streaming build compiles it there.
   * Cross-file rules have not run yet, so the lint may still fail.
   */
  readonly onDocument?: (document: ContentDocument, folder: SourceFolder) => void
}

/** What a source document is compiled with: known once its guide.md is read. */
export interface SourceFolder {
  /** The folder's locale and conventions. */
  readonly locale: LocaleContext
  /** The guide's covered rounds, when valid. */
  readonly coveredRounds: RoundRange | undefined
}

/**
 * Lint loaded content: source rules on the raw files, then the files that
 * passed them are parsed and the document rules run; first on the source,
 * then on each translation, with the source to judge parity against.
 *
 * @param content What `loadContent` read.
 * @param rules The rules to run (all of them by default).
 * @param manifest The release history the rules judge ids against (none by default).
 * @param options Streaming or not, summaries, a hook per source document.
 * @returns Files with messages, and the parsed documents.
 */
export function lintContent(content: LoadedContent, rules: readonly Rule[] = defaultRules, manifest?: Manifest, options: LintOptions = {}): LintResult {
  // Summaries only when every rule that compares files reads no more than them
  // in the source, and no translation needs the source's documents whole.
  const summaries =
    options.summaries === true &&
    options.streaming !== false &&
    content.locales.length === 0 &&
    rules.every((rule) => rule.phase === 'source' || (rule.scope ?? 'folder') !== 'folder')
  const run = options.streaming === false ? lintFolderAtOnce : lintFolder
  const source = run(content, rules, manifest, undefined, undefined, {summaries, onDocument: options.onDocument})
  const sourceView: SourceView | undefined =
    source.failed || source.guide === undefined || source.coveredRounds === undefined || summaries
      ? undefined
      : {guide: source.guide, steps: source.steps, coveredRounds: source.coveredRounds, releasedIn: releasedIn(manifest)}
  const locales = content.locales.map((loaded): LocaleLint => {
    const record = loaded.record instanceof VFile ? undefined : loaded.record
    const lint = run(loaded, rules, manifest, {tag: loaded.tag, sourceTag: source.locale.tag}, {source: sourceView, record}, {summaries: false})
    const files = loaded.record instanceof VFile ? [...lint.files, loaded.record] : lint.files
    return {...lint, files, failed: lint.failed || loaded.record instanceof VFile, record}
  })
  const files = [...source.files, ...locales.flatMap((locale) => locale.files)]
  const failed = files.some((file) => file.messages.some((message) => message.fatal))
  return {...source, files, failed, locales, sourceView}
}

interface FolderOptions {
  readonly summaries: boolean
  readonly onDocument?: LintOptions['onDocument']
}

const isFatal = (file: VFile): boolean => file.messages.some((message) => message.fatal)
// A streaming build's rules for one file at a time (without their folder
// part), or for the whole folder (with the file rules' folder parts).
const inScope = (rules: readonly Rule[], phase: Rule['phase'], file: boolean): Rule[] =>
  rules.flatMap((rule): Rule[] => {
    if (rule.phase !== phase) return []
    if (rule.scope !== 'file') return file ? [] : [rule]
    if (rule.checkFolder === undefined) return file ? [rule] : []
    const {checkFolder, ...rest} = rule
    return [file ? rest : {...rest, check: checkFolder}]
  })

// The locale a folder is read in until its guide.md says otherwise.
function provisionalLocale(content: LoadedFolder, translationOf: {tag: string; sourceTag: string} | undefined): LocaleContext {
  return {
    tag: translationOf?.tag ?? DEFAULT_SOURCE_LOCALE,
    sourceTag: translationOf?.sourceTag ?? DEFAULT_SOURCE_LOCALE,
    isSource: translationOf === undefined,
    checklistHeading: CHECKLIST_HEADING,
    directory: content.directory,
    name: content.name,
  }
}

// The locale as the guide's front matter states it.
function localeOf(provisional: LocaleContext, guide: ContentDocument | undefined, translationOf: unknown): LocaleContext {
  const declared = guide === undefined ? undefined : entry(guide, 'locale')?.value
  const heading = guide === undefined ? undefined : entry(guide, 'checklist')?.value
  return {
    ...provisional,
    // The source names its own locale; a translation's is its folder's name.
    ...(translationOf === undefined && typeof declared === 'string' && canonicalTag(declared) === declared ? {tag: declared, sourceTag: declared} : {}),
    ...(typeof heading === 'string' && isHeadingText(heading) ? {checklistHeading: heading.trim()} : {}),
  }
}

function coveredRoundsOf(guide: ContentDocument | undefined, translation: TranslationContext | undefined): RoundRange | undefined {
  const written = guide === undefined ? undefined : entry(guide, 'rounds')?.value
  // A translation covers the source's rounds: a `rounds:` of its own that
  // differs is translation-parity's to report, once, not each item's.
  return translation?.source?.coveredRounds ?? (written === undefined || written === null ? undefined : parseRounds(String(written)))
}

function folderResult(content: LoadedFolder, rest: Omit<FolderLint, 'files' | 'failed'>): FolderLint {
  const {layout, sources} = content
  const words = content.words === undefined ? [] : [content.words.file]
  const files = [...layout.missing, ...layout.unexpected, ...layout.unreadable.map((entry) => entry.file), ...sources.map((source) => source.file), ...words]
  return {files, failed: files.some(isFatal), ...rest}
}

// One file at a time: each file's rules run as it is read and parsed, its
// tree goes (when summaries will do), and the rules that compare files run
// at the end on what was kept. A file's messages come out in the same order
// as all at once, but for a cross-file rule's (which come after its file
// rules'); diagnostics() sorts them by place anyway.
function lintFolder(
  content: LoadedFolder,
  rules: readonly Rule[],
  manifest: Manifest | undefined,
  translationOf: {tag: string; sourceTag: string} | undefined,
  translation: TranslationContext | undefined,
  options: FolderOptions,
): FolderLint {
  const {sources, layout} = content
  const provisional = provisionalLocale(content, translationOf)
  const base = {layout, sources, guide: undefined, steps: [], coveredRounds: undefined, manifest, translation, words: content.words}
  const sourceRules = inScope(rules, 'source', true)
  const documentRules = inScope(rules, 'document', true)
  const read = (source: SourceFile): boolean => {
    runRules(sourceRules, {...base, sources: [source], folder: provisional})
    return !isFatal(source.file)
  }

  // The guide first: its front matter names the locale and its checklist heading.
  const guideSource = sources.find((source) => source.kind === 'guide')
  const guide = guideSource !== undefined && read(guideSource) ? parse(guideSource.file, 'guide', CHECKLIST_HEADING) : undefined
  const locale = localeOf(provisional, guide, translationOf)
  const coveredRounds = coveredRoundsOf(guide, translation)
  const at = {...base, coveredRounds, folder: locale}
  const passed = guide === undefined ? undefined : runRules(documentRules, {...at, guide}).guide
  const folder: SourceFolder = {locale, coveredRounds}
  if (passed !== undefined && !isFatal(passed.file)) options.onDocument?.(passed, folder)

  const steps: ContentDocument[] = []
  const kept: ContentDocument[] = []
  // A copy: a step listed but not read yet may leave `sources` when read (readDeferred).
  for (const source of [...sources]) {
    if (source.kind !== 'step' || !readDeferred(source) || !read(source)) continue
    const document = parse(source.file, 'step', locale.checklistHeading)
    if (document === undefined) continue
    const [survivor] = runRules(documentRules, {...at, steps: [document]}).steps
    if (survivor !== undefined && !isFatal(survivor.file)) options.onDocument?.(survivor, folder)
    const summary = options.summaries ? summarize(document) : document
    // Summarised, the file's text and bytes are read no more: let them go too.
    if (options.summaries) release(source)
    steps.push(summary)
    if (survivor !== undefined) kept.push(summary)
  }
  // The rules on the folder's layout once every file was read: reading one
  // may have found it unreadable (readDeferred).
  runRules(inScope(rules, 'source', false), {...base, folder: provisional})
  runRules(inScope(rules, 'document', false), {...at, guide: passed, steps: kept})
  return folderResult(content, {guide, steps, coveredRounds, locale})
}

const NO_BYTES = new Uint8Array()

// Let a step's text and bytes go once its summary is all the build keeps of
// it: no rule and no reporter reads them afterwards (messages carry their
// place), and a streaming build then holds no file's text but the one it is on.
function release(source: SourceFile): void {
  ;(source as {bytes: Uint8Array}).bytes = NO_BYTES
  source.file.value = ''
}

// Every rule over every file at once, rule by rule: the order the rules are
// listed in, each seeing the whole folder.
function lintFolderAtOnce(
  content: LoadedFolder,
  rules: readonly Rule[],
  manifest: Manifest | undefined,
  translationOf: {tag: string; sourceTag: string} | undefined,
  translation: TranslationContext | undefined,
  options: FolderOptions,
): FolderLint {
  const {sources, layout} = content
  const provisional = provisionalLocale(content, translationOf)
  // Every file read first (a step only listed is read now: see readDeferred).
  for (const source of [...sources]) readDeferred(source)
  const base = {layout, sources, guide: undefined, steps: [], coveredRounds: undefined, manifest, translation, words: content.words}
  runRules(rules.filter((rule) => rule.phase === 'source'), {...base, folder: provisional})

  // The guide first: its front matter names the locale and its checklist heading.
  const readable = sources.filter((source) => !isFatal(source.file))
  const guideSource = readable.find((source) => source.kind === 'guide')
  const guide = guideSource === undefined ? undefined : parse(guideSource.file, 'guide', CHECKLIST_HEADING)
  const locale = localeOf(provisional, guide, translationOf)
  const steps: ContentDocument[] = []
  for (const source of readable) {
    if (source.kind !== 'step') continue
    const document = parse(source.file, 'step', locale.checklistHeading)
    if (document !== undefined) steps.push(document)
  }
  const coveredRounds = coveredRoundsOf(guide, translation)
  const passed = runRules(rules.filter((rule) => rule.phase === 'document'), {...base, guide, steps, coveredRounds, folder: locale})
  if (options.onDocument !== undefined) {
    const folder: SourceFolder = {locale, coveredRounds}
    for (const document of passed.guide === undefined ? passed.steps : [passed.guide, ...passed.steps]) {
      if (!isFatal(document.file)) options.onDocument(document, folder)
    }
  }
  return folderResult(content, {guide, steps, coveredRounds, locale})
}

/**
 * Whether a `checklist:` value can be a heading: one line of text.
 *
 * @param value The value written.
 */
export function isHeadingText(value: string): boolean {
  return value.trim() !== '' && !/[\n#{}]/.test(value) && value.trim().length <= 60
}

// The last release whose recorded hash for a unit is this one.
function releasedIn(manifest: Manifest | undefined): SourceView['releasedIn'] {
  return (unit, hash) => {
    const last = manifest?.releases.at(-1)
    if (last === undefined) return undefined
    const recorded =
      unit.target === 'introduction'
        ? last.introduction
        : unit.target === 'step'
          ? (Object.hasOwn(last.steps, unit.id) ? last.steps[unit.id]?.hash : undefined)
          : (Object.hasOwn(last.items, unit.id) ? last.items[unit.id]?.hash : undefined)
    return recorded === hash ? last.version : undefined
  }
}

function parse(file: VFile, kind: ContentDocument['kind'], checklistHeading: string): ContentDocument | undefined {
  try {
    return parseContent(file, kind, checklistHeading)
  } catch (error) {
    // The nesting-depth rule keeps known stack-hungry shapes out; anything the
    // parser still cannot take is reported, never thrown.
    const message = file.message(`Expected markdown the parser can read, found input it failed on: ${error instanceof Error ? error.message : String(error)}`, {
      place: {line: 1, column: 1},
      ruleId: 'nesting-depth',
      source: SOURCE,
    })
    message.fatal = true
    return undefined
  }
}

/** Plain text of a node, with soft line breaks folded to spaces. */
export function plainText(node: Parameters<typeof toString>[0]): string {
  return toString(node).replace(/[ \t]*\n[ \t]*/g, ' ').trim()
}
