import type {Node, Position} from 'unist'
import type {VFile} from 'vfile'
import {SOURCE} from '../limits.js'

/**
 * `ruleId` of a diagnostic for content that passed the lint but that a later
 * build step (compile, render) failed on. The lint's limits exist so that this
 * never happens; when it does, the editor still gets the content file and
 * position, never a stack trace or a generated file's name.
 */
export const BUILD_FAILURE = 'build-failure'

/** A build step that can fail on one content file. */
export type BuildStep = 'compile' | 'render'

/** A failure in a build step, tied to the content file and node it came from. */
export class ContentBuildError extends Error {
  override name = 'ContentBuildError'
  /** The content file being built. */
  readonly file: VFile
  /** Where in it, when known. */
  readonly position: Position | undefined
  /** The step that failed. */
  readonly step: BuildStep

  /**
   * @param file The content file being built.
   * @param node The node being built, when known.
   * @param step The step that failed.
   * @param cause What the step threw.
   */
  constructor(file: VFile, node: Node | undefined, step: BuildStep, cause: unknown) {
    super(`${step} failed on ${file.path}: ${describe(cause)}`, {cause})
    this.file = file
    this.position = node?.position
    this.step = step
  }
}

/**
 * Run one build step for one content file (or one node of it), so that
 * whatever it throws is tied to that file and node.
 *
 * @param file The content file.
 * @param node The node the step works on, for the position.
 * @param step Which step this is.
 * @param run The step.
 * @returns What `run` returns.
 * @throws {ContentBuildError} When `run` throws (an inner `ContentBuildError` passes through unchanged).
 * @example
 *   const step = inContent(document.file, document.tree, 'compile', () => compileStep(document))
 */
export function inContent<T>(file: VFile, node: Node | undefined, step: BuildStep, run: () => T): T {
  try {
    return run()
  } catch (error) {
    if (error instanceof ContentBuildError) throw error
    throw new ContentBuildError(file, node, step, error)
  }
}

/**
 * Turn a build failure into a fatal diagnostic on its content file.
 *
 * @param error What a build step threw.
 * @returns Whether it was a {@link ContentBuildError} (and is now a diagnostic); anything else is a bug to rethrow.
 * @example
 *   try { compile() } catch (error) { if (!reportBuildFailure(error)) throw error }
 */
export function reportBuildFailure(error: unknown): boolean {
  if (!(error instanceof ContentBuildError)) return false
  const message = error.file.message(
    `Expected content the build can ${error.step}, found a construct it failed on (${describe(error.cause)})`,
    {place: error.position ?? {line: 1, column: 1}, ruleId: BUILD_FAILURE, source: SOURCE},
  )
  message.fatal = true
  message.note = 'Simplify the markdown here (shorter, flatter, plainer); the lint should have caught this, so please report it too.'
  return true
}

// A failure in one line: its name and message, clipped (never its stack).
function describe(cause: unknown): string {
  const text = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)
  return text.length > 160 ? `${text.slice(0, 159)}…` : text
}
