// A translation file, PO (po.ts) or XLIFF (xliff.ts), as the exchange reads and writes it.

/** The formats `translation export` writes: `po` (gettext) or `xliff` (XLIFF 1.2). */
export type CatalogFormat = 'po' | 'xliff'

/** What a file says about itself. */
export interface CatalogHeader {
  /** The locale translated into. */
  readonly tag: string
  /** The source's locale. */
  readonly sourceTag: string
  /** The guide's title, in the source. */
  readonly title: string
  /** The last release of the content, or `unreleased`. */
  readonly version: string
  /** When the file was written. */
  readonly date: Date
  /** Who wrote it: the command. */
  readonly tool: string
  /** Lines for the translator, at the top. */
  readonly comments: readonly string[]
}

/** One unit as a file holds it. */
export interface CatalogEntry {
  /** msgctxt, or trans-unit id. */
  readonly id: string
  /** msgid, or source. */
  readonly source: string
  /** msgstr, or target; empty when not translated. */
  readonly target: string
  /** `#, fuzzy`, or a target state that asks for review. */
  readonly fuzzy: boolean
  /** The line of its id. */
  readonly line: number
  /** The line of its translation. */
  readonly targetLine: number
}

/** A file, read. */
export interface Catalog {
  /** The language it says it is in (`Language:`, `target-language`). */
  readonly language: string | undefined
  readonly entries: readonly CatalogEntry[]
  /** What could not be read, by line. */
  readonly problems: ReadonlyArray<{readonly line: number; readonly reason: string}>
}
