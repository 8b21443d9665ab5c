// Build-time pipeline: content/*.md → lint → compiled guide data.
// Never imported by src/ (the runtime has no dependencies).
import path from 'node:path'
import {VFile} from 'vfile'
import type {RenderData} from '../src/render/types.js'
import type {Ordinals} from '../src/ordinal.js'
import type {Guide} from '../src/types.js'
import {compileGuide} from './compile/compile.js'
import {ContentBuildError} from './compile/guard.js'
import {type LintResult, lintContent} from './lint/lint.js'
import {lintedOrdinals} from './parse/ordinals.js'
import {contentFileNamer, loadContent} from './read/load.js'
import {compileRenderData} from './render/render.js'
import {parseReplaces, readIdHistory} from './release/published-ids.js'
import {MANIFEST_FILE, type Manifest, readManifest} from './release/manifest.js'
import type {Rule} from './lint/rule.js'
import {rules as allRules} from './lint/rules/index.js'
import {idHistory as idHistoryRule} from './lint/rules/id-history.js'

export {emitDataModule, emitEntryModules, emitIdsModule, emitLocalesModule, emitRenderModule} from './compile/emit.js'
export {parseMarkdown} from './parse/document.js'
export {diagnostics, formatDiagnostics, shouldUseColor} from './report.js'
export {buildRules, rules} from './lint/rules/index.js'

/** Options for {@link buildGuide}. */
export interface BuildOptions {
  /** The content folder. */
  readonly contentDir: string
  /** The content version to stamp (package.json `version`). */
  readonly version: string
  /** Paths in diagnostics are relative to this folder (default: `process.cwd()`). */
  readonly cwd?: string
  /**
   * How diagnostics name the content folder, e.g. as the user typed it
   * (`/tmp/c/guide.md` for `/tmp/c`); default: relative to `cwd`.
   */
  readonly shownAs?: string
  /** Rules to run (default: all). */
  readonly rules?: readonly Rule[]
  /** The release history to read (default: `manifest.json` in the content folder). */
  readonly manifest?: string
  /**
   * The release history to judge ids against instead of the one read from the
   * manifest (`content:version --amend` passes the history without the release
   * it is about to replace). Default: the manifest read.
   */
  readonly history?: Manifest | undefined
}

/** One translation, compiled. */
export interface LocaleBuild {
  /** Its tag (the folder's name under content/locales/). */
  readonly tag: string
  /** Its guide: the source's ids, numbers and rounds in its words (or the source's, as fallbacks). */
  readonly guide: Guide
  /** Its render data. */
  readonly render: RenderData
}

/** What {@link buildGuide} produced. */
export interface BuildResult {
  /** The compiled guide, when the content passed every rule. */
  readonly guide: Guide | undefined
  /** The render data (trees and HTML), whenever `guide` is set. */
  readonly render: RenderData | undefined
  /** Each translation compiled, in tag order, whenever `guide` is set (else empty). */
  readonly locales: readonly LocaleBuild[]
  /** Every locale's ordinals (its guide.md's `ordinals`) by tag, whenever `guide` is set (else empty). */
  readonly ordinals: Readonly<Record<string, Ordinals>>
  /** The manifest, when there is a valid one. */
  readonly manifest: Manifest | undefined
  /** Each item's `replaces=` ids, by item id (only items that declare some). */
  readonly replaces: ReadonlyMap<string, readonly string[]>
  /** Every file looked at, with its messages. */
  readonly files: readonly VFile[]
  /** The lint result (documents and rounds), for tools built on top. */
  readonly lint: LintResult
}

/**
 * Load, lint and compile a content folder, its source and every translation
 * under `locales/<tag>/`. Never throws for bad content: the
 * problems come back as fatal vfile messages and `guide` is `undefined`; so
 * does a failure in compiling or rendering content that passed the lint
 * (ruleId `build-failure`, at the content file's position).
 *
 * @param options Where the content is and which version it is.
 */
export async function buildGuide(options: BuildOptions): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd()
  const loaded = await loadContent(options.contentDir, cwd, options.shownAs)
  // Read first: the rules judge ids against the release history.
  const read = await readManifest(options.manifest ?? path.join(options.contentDir, MANIFEST_FILE))
  // The folder's own manifest is named like every other content file in
  // diagnostics, not by its absolute path; one given apart keeps its path.
  if (read instanceof VFile && options.manifest === undefined) read.path = contentFileNamer(options.contentDir, cwd, options.shownAs)(MANIFEST_FILE)
  // A malformed manifest comes back as a file carrying the problem.
  const manifest = read instanceof VFile ? undefined : read
  const history = 'history' in options ? options.history : manifest
  // Without a readable history the manifest's own error is the one root cause:
  // the history rule would only echo it for every `replaces=`.
  const rules = options.rules ?? allRules
  const lint = lintContent(loaded, read instanceof VFile && !('history' in options) ? rules.filter((rule) => rule !== idHistoryRule) : rules, history)
  const files = read instanceof VFile ? [...lint.files, read] : lint.files
  const replaces = declaredReplaces(lint)
  const failed = {guide: undefined, render: undefined, locales: [], ordinals: {}, manifest, replaces, files, lint}
  if (lint.failed || read instanceof VFile) return failed
  try {
    const published = readIdHistory(history).ids
    const compile = {version: options.version, since: (id: string) => published.get(id)?.since}
    const guide = compileGuide(lint, compile)
    const locales = lint.locales.map((locale) => ({
      tag: locale.locale.tag,
      guide: compileGuide(lint, compile, locale),
      render: compileRenderData(lint, locale),
    }))
    const ordinals = Object.fromEntries([[guide.locale, lintedOrdinals(lint.guide, guide.locale)], ...lint.locales.map((locale) => [locale.locale.tag, lintedOrdinals(locale.guide, locale.locale.tag)])])
    return {guide, render: compileRenderData(lint), locales, ordinals, manifest, replaces, files, lint}
  } catch (error) {
    // A step after the lint failed: its diagnostic is on the content file, like any other.
    if (!(error instanceof ContentBuildError)) throw error
    return failed
  }
}

function declaredReplaces(lint: LintResult): Map<string, readonly string[]> {
  const found = new Map<string, readonly string[]>()
  for (const document of lint.steps) {
    for (const item of document.items) {
      const written = item.attributes?.pairs.get('replaces')
      const ids = written === undefined ? undefined : parseReplaces(written)
      if (item.attributes !== undefined && ids !== undefined) found.set(item.attributes.id, ids)
    }
  }
  return found
}
