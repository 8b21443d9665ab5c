import {PATTERNS} from '../../src/schema.js'
import type {ContentDocument} from '../document.js'
import type {FrontMatterEntry} from '../front-matter.js'

/** Shape of every id in the content: lowercase words joined by hyphens. */
export const ID_PATTERN = new RegExp(PATTERNS.id)

/** A front matter entry, only when the front matter parsed cleanly. */
export function entry(document: ContentDocument, key: string): FrontMatterEntry | undefined {
  const frontMatter = document.frontMatter
  if (frontMatter === undefined || frontMatter.problems.length > 0) return undefined
  return frontMatter.entries.get(key)
}

/** A step's id from its front matter, when it is a valid id. */
export function stepIdOf(document: ContentDocument): string | undefined {
  const value = entry(document, 'id')?.value
  return typeof value === 'string' && ID_PATTERN.test(value) ? value : undefined
}

/** A step's number from its front matter, when it is a positive integer. */
export function stepNumberOf(document: ContentDocument): number | undefined {
  const value = entry(document, 'step')?.value
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1 ? value : undefined
}

/** Describe what was found, for messages: `` `x` ``, `a list`, `nothing`. */
export function found(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (typeof value === 'string') return `\`${value.length > 40 ? `${value.slice(0, 39)}…` : value}\``
  return `\`${String(value)}\``
}
