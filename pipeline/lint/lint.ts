import {VFile} from 'vfile'
import type {RoundRange} from '../../src/types.js'
import {parseContent, CHECKLIST_HEADING, type ContentDocument, isHeadingText, entry} from '../parse/document.js'
import {type LoadedContent, type LoadedFolder, canonicalTag} from '../read/load.js'
import type {Manifest} from '../release/manifest.js'
import {parseRounds} from '../parse/rounds.js'
import {LINE_ENDING, frontMatterLines} from '../parse/front-matter-fence.js'
import {readFrontMatter} from '../parse/front-matter.js'
import {type LocaleContext, type Rule, type SourceView, type TranslationContext, runRules} from './rule.js'
import type {TranslationRecord} from '../read/translation-record.js'
import {rules as defaultRules} from './rules/index.js'

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

/**
 * Lint loaded content: source rules on the raw files, then the files that
 * passed them are parsed and the document rules run; first on the source,
 * then on each translation, with the source to judge parity against.
 *
 * @param content What `loadContent` read.
 * @param rules The rules to run (all of them by default).
 * @param manifest The release history the rules judge ids against (none by default).
 * @returns Files with messages, and the parsed documents.
 */
export function lintContent(content: LoadedContent, rules: readonly Rule[] = defaultRules, manifest?: Manifest): LintResult {
  const source = lintFolder(content, rules, manifest, undefined, undefined)
  const sourceView: SourceView | undefined =
    source.failed || source.guide === undefined || source.coveredRounds === undefined
      ? undefined
      : {guide: source.guide, steps: source.steps, coveredRounds: source.coveredRounds, releasedIn: releasedIn(manifest)}
  const locales = content.locales.map((loaded): LocaleLint => {
    const record = loaded.record instanceof VFile ? undefined : loaded.record
    const lint = lintFolder(loaded, rules, manifest, {tag: loaded.tag, sourceTag: source.locale.tag, sourceHeading: source.locale.checklistHeading}, {source: sourceView, record})
    const files = loaded.record instanceof VFile ? [...lint.files, loaded.record] : lint.files
    return {...lint, files, failed: lint.failed || loaded.record instanceof VFile, record}
  })
  const files = [...source.files, ...locales.flatMap((locale) => locale.files)]
  const failed = files.some((file) => file.messages.some((message) => message.fatal))
  return {...source, files, failed, locales, sourceView}
}

function lintFolder(
  content: LoadedFolder,
  rules: readonly Rule[],
  manifest: Manifest | undefined,
  translationOf: {tag: string; sourceTag: string; sourceHeading: string} | undefined,
  translation: TranslationContext | undefined,
): FolderLint {
  const {sources, layout} = content
  const provisional: LocaleContext = {
    tag: translationOf?.tag ?? DEFAULT_SOURCE_LOCALE,
    sourceTag: translationOf?.sourceTag ?? DEFAULT_SOURCE_LOCALE,
    isSource: translationOf === undefined,
    checklistHeading: CHECKLIST_HEADING,
    directory: content.directory,
    name: content.name,
  }
  const base = {layout, sources, guide: undefined, steps: [], coveredRounds: undefined, manifest, translation, words: content.words}
  runRules(rules.filter((rule) => rule.phase === 'source'), {...base, folder: provisional})

  // The guide first: its front matter names the locale and its checklist heading.
  const readable = sources.filter((source) => !source.file.messages.some((message) => message.fatal))
  const guideSource = readable.find((source) => source.kind === 'guide')
  const guide = guideSource === undefined ? undefined : parseContent(guideSource.file, 'guide', CHECKLIST_HEADING)
  const declared = guide === undefined ? undefined : entry(guide, 'locale')?.value
  // A guide.md a source rule stopped (a stray control character) still names the heading in
  // its front matter: without it every step would be judged against the default (13 errors for 1).
  const refused = String(guideSource === undefined ? (sources.find((source) => source.kind === 'guide')?.file.value ?? '') : '').split(LINE_ENDING)
  const fence = frontMatterLines(refused)
  const front = guide?.frontMatter ?? (fence === 0 ? undefined : readFrontMatter({type: 'yaml', value: refused.slice(1, fence - 1).join('\n')}))
  const heading = front?.problems.length === 0 ? front.entries.get('checklist')?.value : undefined
  const checklistHeading = typeof heading === 'string' && isHeadingText(heading) ? heading.trim() : CHECKLIST_HEADING
  const locale: LocaleContext = {
    ...provisional,
    // The source names its own locale; a translation's is its folder's name.
    ...(translationOf === undefined && typeof declared === 'string' && canonicalTag(declared) === declared ? {tag: declared, sourceTag: declared} : {}),
    checklistHeading,
    ...(translationOf !== undefined && translationOf.sourceHeading !== checklistHeading ? {sourceChecklistHeading: translationOf.sourceHeading} : {}),
  }
  // nesting-depth has parsed each file already, and refused what the parser cannot take.
  const steps = readable
    .filter((source) => source.kind === 'step')
    .map((source) => parseContent(source.file, 'step', [locale.checklistHeading, locale.sourceChecklistHeading ?? locale.checklistHeading]))
  const written = guide === undefined ? undefined : entry(guide, 'rounds')?.value
  // A translation covers the source's rounds: a `rounds:` of its own that
  // differs is translation-parity's to report, once, not each item's.
  const coveredRounds = translation?.source?.coveredRounds ?? (written === undefined || written === null ? undefined : parseRounds(String(written)))
  runRules(rules.filter((rule) => rule.phase === 'document'), {...base, guide, steps, coveredRounds, folder: locale})

  const words = content.words === undefined ? [] : [content.words.file]
  const files = [...layout.missing, ...layout.unexpected, ...layout.unreadable.map((entry) => entry.file), ...sources.map((source) => source.file), ...words]
  const failed = files.some((file) => file.messages.some((message) => message.fatal))
  return {files, failed, guide, steps, coveredRounds, locale}
}

// The last release whose recorded hash for a unit is this one.
function releasedIn(manifest: Manifest | undefined): SourceView['releasedIn'] {
  return (unit, hash) => {
    const last = manifest?.releases.at(-1)
    if (last === undefined) return undefined
    // An id an object inherits (`constructor`) finds no string hash: no own-property guard needed.
    const recorded = unit.target === 'introduction' ? last.introduction : (unit.target === 'step' ? last.steps : last.items)[unit.id]?.hash
    return recorded === hash ? last.version : undefined
  }
}
