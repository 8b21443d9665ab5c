import {createHash} from 'node:crypto'
import type {Paragraph} from 'mdast'
import {renderTemplate} from '../src/template.js'
import type {ChecklistItem, Guide, Step} from '../src/types.js'
import type {ContentDocument} from './document.js'
import {inContent} from './guard.js'
import {plainText} from './lint.js'
import type {LintResult} from './lint.js'
import {parseRounds} from './rounds.js'
import {entry} from './rules/shared.js'

/** Version of the compiled data's shape. Bump it when fields change meaning or go. */
export const SCHEMA_VERSION = 1

/** What compiling needs besides the content. */
export interface CompileOptions {
  /** The content version (package.json `version`). */
  readonly version: string
  /**
   * The version that first published an id, from the manifest; `undefined`
   * for an id that is new in this version.
   */
  readonly since: (id: string) => string | undefined
}

/**
 * Short, stable hash of some content: 12 hex digits of SHA-256 over its JSON.
 *
 * @param value JSON-serialisable content.
 */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 12)
}

/**
 * Turn linted content into the guide's data. Only call it on a result whose
 * `failed` is false: it trusts the rules and does not re-check.
 *
 * @param result A passing lint result.
 * @param options The version and `since` lookup.
 * @returns The guide, not yet frozen.
 * @throws {ContentBuildError} When compiling a file fails, naming the file.
 */
export function compileGuide(result: LintResult, options: CompileOptions): Guide {
  const {guide, steps, coveredRounds} = result
  if (result.failed || guide === undefined || coveredRounds === undefined) {
    throw new Error('compileGuide: expected content that passed the lint, received a failed result')
  }
  // Each file compiled on its own, so a failure names the file it came from.
  const compiled = steps
    .map((document) => inContent(document.file, document.tree, 'compile', () => compileStep(document, coveredRounds.from, options)))
    .sort((a, b) => a.number - b.number)
  return inContent(guide.file, guide.tree, 'compile', () => ({
    title: plainText(guide.title ?? {type: 'text', value: ''}),
    // Stand-in until the locales pipeline (branch locales-pipeline) compiles each locale.
    locale: 'en-GB',
    version: options.version,
    schemaVersion: SCHEMA_VERSION,
    rounds: coveredRounds,
    introduction: {body: paragraphs(guide)},
    steps: compiled,
  }))
}

function paragraphs(document: ContentDocument): string[] {
  return document.body.filter((node): node is Paragraph => node.type === 'paragraph').map(plainText)
}

function compileStep(document: ContentDocument, firstRound: number, options: CompileOptions): Step {
  const id = String(entry(document, 'id')?.value) as Step['id']
  const number = entry(document, 'step')?.value as Step['number']
  const title = plainText(document.title ?? {type: 'text', value: ''})
  const summary = String(entry(document, 'summary')?.value).trim()
  const body = paragraphs(document)
  const checklist = document.items.map((item): ChecklistItem => {
    const itemId = item.attributes?.id as ChecklistItem['id']
    const rounds = parseRounds(item.attributes?.pairs.get('rounds') ?? '') ?? {from: firstRound, to: null}
    const template = item.paragraph === undefined ? '' : plainText(item.paragraph)
    return {
      id: itemId,
      stepId: id,
      stepNumber: number,
      text: renderTemplate(template, Math.max(firstRound, rounds.from)),
      template,
      rounds,
      hash: contentHash({stepId: id, template, rounds}),
      since: options.since(itemId) ?? options.version,
    }
  })
  return {
    id,
    number,
    title,
    summary,
    body,
    checklist,
    hash: contentHash({title, summary, body, checklist: checklist.map((item) => [item.id, item.hash])}),
    since: options.since(id) ?? options.version,
  }
}
