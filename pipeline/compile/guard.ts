import type {Node} from 'unist'
import type {VFile} from 'vfile'
import {SOURCE} from '../limits.js'

/**
 * Thrown by {@link inContent} once a build step's failure is a diagnostic on
 * its content file: `buildGuide` stops there and returns the files.
 */
export class ContentBuildError extends Error {
  override name = 'ContentBuildError'
}

/**
 * Run one build step (compile, render) for one content file (or one node of
 * it). The lint's limits exist so that a step never fails on content that
 * passed; when one does, the editor still gets the content file and
 * position (ruleId `build-failure`), never a stack trace or a generated
 * file's name.
 *
 * @param file The content file.
 * @param node The node the step works on, for the position.
 * @param step Which step this is.
 * @param run The step.
 * @returns What `run` returns.
 * @throws {ContentBuildError} When `run` throws, once the fatal message is on `file`.
 * @example
 *   const step = inContent(document.file, document.tree, 'compile', () => compileStep(document))
 */
export function inContent<T>(file: VFile, node: Node | undefined, step: 'compile' | 'render', run: () => T): T {
  try {
    return run()
  } catch (error) {
    if (error instanceof ContentBuildError) throw error
    const message = file.message(`Expected content the build can ${step}, found a construct it failed on (${describe(error)})`, {
      place: node?.position ?? {line: 1, column: 1},
      ruleId: 'build-failure',
      source: SOURCE,
    })
    message.fatal = true
    message.note = 'Simplify the markdown here (shorter, flatter, plainer); the lint should have caught this, so please report it too.'
    throw new ContentBuildError(`${step} failed on ${file.path}`, {cause: error})
  }
}

// A failure in one line: its name and message, clipped (never its stack).
function describe(cause: unknown): string {
  const text = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)
  return text.length > 160 ? `${text.slice(0, 159)}…` : text
}
