// The units a translation is tracked by, read from parsed documents, hashed
// exactly as the compiled guide and the manifest hash them: a translated
// unit is current when the source's hash is the one its record holds.
import {createHash} from 'node:crypto'
import type {Paragraph} from 'mdast'
import type {Guide, RoundRange} from '../../src/types.js'
import {type ChecklistEntry, type ContentDocument, plainText, entry} from './document.js'
import {parseRounds} from './rounds.js'

/**
 * Short, stable hash of some content: 12 hex digits of SHA-256 over its JSON.
 *
 * @param value JSON-serialisable content.
 */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 12)
}

/** Body paragraphs of a document, as plain text. */
export function paragraphsOf(document: ContentDocument): string[] {
  return document.body.filter((node): node is Paragraph => node.type === 'paragraph').map((node) => plainText(node))
}

/** A document's `# Title`, as plain text. */
export function titleOf(document: ContentDocument): string {
  return plainText(document.title ?? {type: 'text', value: ''})
}

/** The words a locale's guide.md gives the command line (`step-heading`, `round-heading`), as the compiled `guide.labels`. */
export function labelsOf(guide: ContentDocument): Guide['labels'] {
  const label = (key: string): string => String(entry(guide, key)?.value ?? '').trim()
  return {stepHeading: label('step-heading'), roundHeading: label('round-heading')}
}

/** The title, introduction and labels, as their hash covers them (the manifest's `introduction`; translation.json records them). */
export function introductionWords(guide: ContentDocument): {title: string; body: string[]; labels: Guide['labels']} {
  return {title: titleOf(guide), body: paragraphsOf(guide), labels: labelsOf(guide)}
}

/** A step's own words: title, summary and body, as their hash covers them (the manifest's step `hash`; translation.json records them). */
export function stepWords(document: ContentDocument): {title: string; summary: string; body: string[]} {
  return {title: titleOf(document), summary: String(entry(document, 'summary')?.value ?? '').trim(), body: paragraphsOf(document)}
}

/** An item's template: its plain text without the attribute block. */
export function itemTemplate(item: ChecklistEntry): string {
  return item.paragraph === undefined ? '' : plainText(item.paragraph)
}

/** An item's rounds, defaulting to the guide's first round onwards. */
export function itemRoundsOf(item: ChecklistEntry, firstRound: number): RoundRange {
  return parseRounds(item.attributes?.pairs.get('rounds') ?? '') ?? {from: firstRound, to: null}
}

/**
 * Hash of an item's wording (the compiled item's and the manifest's `hash`):
 * its template only. Its id, step and rounds are recorded beside it, so a
 * move or a rounds change is reported as what it is, and neither makes its
 * translations outdated.
 */
export function itemHash(template: string): string {
  return contentHash({template})
}
