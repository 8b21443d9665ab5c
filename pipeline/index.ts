// Build-time pipeline: content/*.md → lint → compiled guide data.
// Never imported by src/ (the runtime has no dependencies).
import path from 'node:path'
import {VFile} from 'vfile'
import type {BuiltContent, BuiltItem, RenderData} from '../src/render/types.js'
import type {Guide, Step} from '../src/types.js'
import type {ContentDocument} from './document.js'
import {type CompileOptions, assembleSourceGuide, compileGuide, compileLocale, compileSourceStep} from './compile.js'
import {reportBuildFailure} from './guard.js'
import {type LintResult, type SourceFolder, lintContent} from './lint.js'
import {contentFileNamer, loadContent} from './load.js'
import {compileLocaleRenderData, compileRenderData, renderDocumentBody, renderDocumentItems} from './render.js'
import {parseReplaces} from './history.js'
import {MANIFEST_FILE, type Manifest, readManifest, sinceFrom} from './manifest.js'
import {Spill} from './spill.js'
import type {Rule} from './rule.js'
import {rules as allRules} from './rules/index.js'
import {idHistory as idHistoryRule} from './rules/id-history.js'
import {entry} from './rules/shared.js'

export {contentHash, SCHEMA_VERSION} from './compile.js'
export {emitDataModule, emitLocaleDataModule, emitLocaleRenderModule, emitLocalesModule, emitRenderModule, GENERATED_BANNER} from './emit.js'
export {compileLocaleRenderData, compileRenderData, renderMarkdown, renderTree, SAFE_SCHEMA, toSafeHast} from './render.js'
export {parseMarkdown} from './document.js'
export {diagnostics, formatDiagnostics, shouldUseColor} from './report.js'
export type {Diagnostic} from './report.js'
export {buildRules, dictionaryRules, rules} from './rules/index.js'
export type {Rule} from './rule.js'

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
  /**
   * One document at a time (the default): each is linted, compiled and
   * rendered as soon as it is read, its render data written to a temporary
   * file (read back when `render` is first asked for), and only a summary of
   * it is kept for the rules that compare files (its text let go: its file's
   * `value` is then empty), so memory grows only by the summaries and the
   * compiled guide however long the content.
   * `false` parses every file, runs each rule over all of them, then
   * compiles: the reference the streaming build is tested against (the same
   * diagnostics, guide and render data).
   */
  readonly streaming?: boolean
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
  /**
   * The render data (trees and HTML), whenever `guide` is set. In a
   * streaming build it is read back from its temporary file on first access
   * (see pipeline/spill.ts: nothing is left behind, read or not).
   */
  readonly render: RenderData | undefined
  /** Each translation compiled, in tag order, whenever `guide` is set (else empty). */
  readonly locales: readonly LocaleBuild[]
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
  const streaming = options.streaming !== false
  // Streaming, each step is read when the lint gets to it: one step's text at a time.
  const loaded = await loadContent(options.contentDir, cwd, options.shownAs, {deferSteps: streaming})
  // Read first: the rules judge ids against the release history.
  const read = await readManifest(options.manifest ?? path.join(options.contentDir, MANIFEST_FILE))
  // The folder's own manifest is named like every other content file in
  // diagnostics, not by its absolute path; one given apart keeps its path.
  if (read instanceof VFile && options.manifest === undefined) read.path = contentFileNamer(options.contentDir, cwd, options.shownAs)(MANIFEST_FILE)
  // A malformed manifest comes back as a file carrying the problem.
  const manifest = read instanceof VFile ? undefined : read
  const history = 'history' in options ? options.history : manifest
  const compile = {version: options.version, since: sinceFrom(history)}
  // Without a readable history the manifest's own error is the one root cause:
  // the history rule would only echo it for every `replaces=`.
  const rules = options.rules ?? allRules
  // Each source document is compiled and rendered as soon as it passed its
  // file rules, so only its summary is kept (the tree goes): one document
  // at a time, whatever the size of the guide. The results wait for the
  // cross-file rules; a failure is reported only if the lint passes, as the
  // first one an all-at-once build would have met.
  const streamed = new StreamedSource(compile)
  const lint = lintContent(
    loaded,
    read instanceof VFile && !('history' in options) ? rules.filter((rule) => rule !== idHistoryRule) : rules,
    history,
    streaming ? {summaries: true, onDocument: (document, folder) => streamed.add(document, folder)} : {streaming: false},
  )
  const files = read instanceof VFile ? [...lint.files, read] : lint.files
  const replaces = declaredReplaces(lint)
  const failed = {guide: undefined, render: undefined, locales: [], manifest, replaces, files, lint}
  if (lint.failed || read instanceof VFile) {
    streamed.close()
    return failed
  }
  try {
    const guide = streaming ? streamed.guide(lint) : compileGuide(lint, compile)
    const locales = lint.locales.map((locale) => ({
      tag: locale.locale.tag,
      guide: compileLocale(lint, locale, compile),
      render: compileLocaleRenderData(lint, locale),
    }))
    if (!streaming) return {guide, render: compileRenderData(lint), locales, manifest, replaces, files, lint}
    // The render data waits on disk until asked for (an emit, a test): the
    // build itself never holds it whole.
    const render = streamed.render()
    let assembled: RenderData | undefined
    const result: BuildResult = {
      guide,
      get render(): RenderData {
        assembled ??= render()
        return assembled
      },
      locales,
      manifest,
      replaces,
      files,
      lint,
    }
    // Never asked for: the spill goes with the result.
    streamed.discardWith(result)
    return result
  } catch (error) {
    streamed.close()
    // A step after the lint failed: a diagnostic on the content file, like any other.
    if (!reportBuildFailure(error)) throw error
    return failed
  }
}

// What compiling or rendering one step threw.
class Failure {
  constructor(readonly error: unknown) {}
}

// What compiling or rendering one step gave: the result, or what it threw.
type Outcome<T> = T | Failure

function attempt<T>(run: () => T): Outcome<T> {
  try {
    return run()
  } catch (error) {
    return new Failure(error)
  }
}

function valueOf<T>(outcome: Outcome<T>): T {
  if (outcome instanceof Failure) throw outcome.error
  return outcome
}

// One step once compiled and rendered: what rendering its items and its
// body threw, if anything (what they gave is in the spill, one line per
// step). Kept for every step until the lint ends: as small as it can be.
interface StreamedStep {
  readonly number: number
  readonly step: Outcome<Step>
  readonly items?: Failure
  readonly body?: Failure
}

// One rendered step as a line of the spill: its number (for the order), its
// body, its items by id.
interface SpilledStep {
  readonly number: number
  readonly body: BuiltContent
  readonly items: ReadonlyArray<readonly [string, BuiltItem]>
}

// The source's documents compiled and rendered one at a time, put together
// once the lint passed, in step order and in the order an all-at-once build
// meets failures: compile every step, then guide.md, (the translations,) then
// render every item, guide.md's body, every step's body. Each step's render
// data is written to a spill file as soon as it is made, so the build holds
// one step's trees at a time, never the whole guide's; the file is read back
// only when the render data is asked for.
class StreamedSource {
  private introduction: {readonly document: ContentDocument; readonly body: Outcome<BuiltContent>} | undefined
  private readonly steps: StreamedStep[] = []
  private ordered: StreamedStep[] | undefined
  private spill: Spill | undefined

  constructor(private readonly options: CompileOptions) {}

  add(document: ContentDocument, folder: SourceFolder): void {
    if (document.kind === 'guide') {
      this.introduction = {document, body: attempt(() => renderDocumentBody(document))}
      return
    }
    const firstRound = folder.coveredRounds?.from
    // Without covered rounds the lint fails (front-matter-keys): nothing to compile.
    if (firstRound === undefined) return
    const number = Number(entry(document, 'step')?.value)
    const items = attempt(() => renderDocumentItems(document))
    const body = attempt(() => renderDocumentBody(document))
    if (!(items instanceof Failure) && !(body instanceof Failure)) this.write({number, body, items})
    this.steps.push({
      number,
      step: attempt(() => compileSourceStep(document, folder.locale.tag, firstRound, this.options)),
      ...(items instanceof Failure ? {items} : {}),
      ...(body instanceof Failure ? {body} : {}),
    })
  }

  guide(lint: LintResult): Guide {
    const {introduction} = this
    if (introduction === undefined || lint.coveredRounds === undefined) {
      throw new Error('buildGuide: expected the source to have passed the lint, found no guide.md compiled')
    }
    this.ordered = [...this.steps].sort((a, b) => a.number - b.number)
    const steps = this.ordered.map((record) => valueOf(record.step))
    return assembleSourceGuide(introduction.document, lint.locale.tag, lint.coveredRounds, steps, this.options)
  }

  /**
   * Throw what rendering threw, in the order an all-at-once build meets it;
   * else a function that reads the spill back and assembles the render data
   * (once: it removes the spill).
   */
  render(): () => RenderData {
    const ordered = this.ordered ?? [...this.steps].sort((a, b) => a.number - b.number)
    for (const record of ordered) if (record.items !== undefined) throw record.items.error
    const introduction = valueOf((this.introduction as {body: Outcome<BuiltContent>}).body)
    for (const record of ordered) if (record.body !== undefined) throw record.body.error
    const {spill} = this
    return () => {
      const spilled = (spill?.read() ?? []).map((line) => JSON.parse(line) as SpilledStep).sort((a, b) => a.number - b.number)
      const items: Record<string, BuiltItem> = {}
      for (const step of spilled) for (const [id, item] of step.items) items[id] = item
      return {introduction, steps: spilled.map((step) => step.body), items}
    }
  }

  /** Remove a spill that will never be read (the build failed). */
  close(): void {
    this.spill?.discard()
  }

  /** Remove the spill, if never read, once `owner` is garbage-collected. */
  discardWith(owner: object): void {
    this.spill?.discardWith(owner)
  }

  private write(step: SpilledStep): void {
    this.spill ??= new Spill()
    // The trees are plain JSON already (render.ts), so they read back equal.
    this.spill.append(JSON.stringify(step))
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
