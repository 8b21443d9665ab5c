// Build-time pipeline: content/*.md → lint → compiled guide data.
// Never imported by src/ (the runtime has no dependencies).
import path from 'node:path'
import {VFile} from 'vfile'
import type {RenderData} from '../src/render/types.js'
import type {Guide} from '../src/types.js'
import {compileGuide} from './compile.js'
import {type LintResult, lintContent} from './lint.js'
import {contentFileNamer, loadContent} from './load.js'
import {compileRenderData} from './render.js'
import {parseReplaces} from './history.js'
import {MANIFEST_FILE, type Manifest, readManifest, sinceFrom} from './manifest.js'
import type {Rule} from './rule.js'
import {rules as allRules} from './rules/index.js'
import {idHistory as idHistoryRule} from './rules/id-history.js'

export {contentHash, SCHEMA_VERSION} from './compile.js'
export {emitDataModule, emitRenderModule, GENERATED_BANNER} from './emit.js'
export {compileRenderData, renderMarkdown, renderTree, SAFE_SCHEMA, toSafeHast} from './render.js'
export {parseMarkdown} from './document.js'
export {diagnostics, formatDiagnostics, shouldUseColor} from './report.js'
export type {Diagnostic} from './report.js'
export {rules} from './rules/index.js'
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
  /**
   * The release history to judge ids against instead of the content folder's
   * `manifest.json` (`content:version --amend` passes the history without the
   * release it is about to replace). Default: the folder's manifest.
   */
  readonly manifest?: Manifest | undefined
}

/** What {@link buildGuide} produced. */
export interface BuildResult {
  /** The compiled guide, when the content passed every rule. */
  readonly guide: Guide | undefined
  /** The render data (trees and HTML), whenever `guide` is set. */
  readonly render: RenderData | undefined
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
 * Load, lint and compile a content folder. Never throws for bad content: the
 * problems come back as fatal vfile messages and `guide` is `undefined`.
 *
 * @param options Where the content is and which version it is.
 */
export async function buildGuide(options: BuildOptions): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd()
  const loaded = await loadContent(options.contentDir, cwd, options.shownAs)
  // Read first: the rules judge ids against the release history.
  const read = await readManifest(path.join(options.contentDir, MANIFEST_FILE))
  // Named like every other content file in diagnostics, not by its absolute path.
  if (read instanceof VFile) read.path = contentFileNamer(options.contentDir, cwd, options.shownAs)(MANIFEST_FILE)
  // A malformed manifest comes back as a file carrying the problem.
  const manifest = read instanceof VFile ? undefined : read
  const history = 'manifest' in options ? options.manifest : manifest
  // Without a readable history the manifest's own error is the one root cause:
  // the history rule would only echo it for every `replaces=`.
  const rules = options.rules ?? allRules
  const lint = lintContent(loaded, read instanceof VFile && !('manifest' in options) ? rules.filter((rule) => rule !== idHistoryRule) : rules, history)
  const files = read instanceof VFile ? [...lint.files, read] : lint.files
  const guide = lint.failed || read instanceof VFile ? undefined : compileGuide(lint, {version: options.version, since: sinceFrom(history)})
  const render = guide === undefined ? undefined : compileRenderData(lint)
  return {guide, render, manifest, replaces: declaredReplaces(lint), files, lint}
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
