/**
 * Placeholders a checklist template may use, and the round each one names,
 * as an offset from the round the checklist is shown for.
 */
export const PLACEHOLDER_OFFSETS: Readonly<{round: 0; previous: -1; next: 1}> = Object.freeze({
  round: 0,
  previous: -1,
  next: 1,
} as const)

/** Name of a placeholder that checklist text may contain, e.g. `{next}`. */
export type PlaceholderName = keyof typeof PLACEHOLDER_OFFSETS

/** One `{…}` occurrence in a template, known or not (the build rejects unknown ones). */
export interface PlaceholderMatch {
  /** Text between the braces, before any `:`, e.g. `'next'` for `{next:f}`. */
  readonly name: string
  /** The grammatical form after the `:`, e.g. `'f'` for `{next:f}`; `undefined` when none is written. */
  readonly form: string | undefined
  /** Offset of the opening brace in the template. */
  readonly index: number
  /** Whether `name` is one of {@link PLACEHOLDER_OFFSETS}. */
  readonly known: boolean
}

// Braces are reserved in checklist text: any `{…}` is a placeholder, its
// name optionally followed by `:` and a grammatical form (`{next:f}`).
const PLACEHOLDER = /\{([^{}:]*)(?::([^{}]*))?\}/g

function isPlaceholderName(name: string): name is PlaceholderName {
  return Object.hasOwn(PLACEHOLDER_OFFSETS, name)
}

/**
 * List every `{…}` in a checklist template, so the build can reject unknown names.
 *
 * @param template Raw checklist text.
 * @returns The placeholders in order of appearance.
 * @example
 *   findPlaceholders('Prepare for your {next} interview')
 *   // [{name: 'next', form: undefined, index: 17, known: true}]
 */
export function findPlaceholders(template: string): PlaceholderMatch[] {
  const found: PlaceholderMatch[] = []
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? ''
    found.push({name, form: match[2], index: match.index, known: isPlaceholderName(name)})
  }
  return found
}

/** Spells round `n` as an ordinal in a grammatical form: a locale's ordinals, as `ordinalOf` (src/ordinal.ts) makes it. */
export type Ordinal = (n: number, form?: string) => string

/** How one locale spells rounds. */
export interface Spelling {
  /** The locale's own ordinals. */
  readonly ordinal: Ordinal
  /** The source locale's, for an item whose text fell back to the source (never "your zweite interview"). */
  readonly sourceOrdinal: Ordinal
}

/**
 * The ordinal an item is spelt with: its locale's own, or the source's for an
 * item whose text fell back to the source (its `locale` is not the guide's).
 *
 * @param spelling The locale's spelling.
 * @param itemLocale The item's `locale`.
 * @param guideLocale The guide's `locale`.
 * @returns What to pass to {@link renderTemplate}.
 * @example
 *   renderTemplate(item.template, 3, spellerFor(spelling, item.locale, guide.locale))
 */
export function spellerFor(spelling: Spelling, itemLocale: string, guideLocale: string): Ordinal {
  return itemLocale === guideLocale ? spelling.ordinal : spelling.sourceOrdinal
}

/**
 * Fill a checklist template for one interview round.
 *
 * Templates are validated at build time, so an unknown placeholder cannot
 * reach this function from the shipped guide; if one does, it is left as is.
 *
 * @param template Checklist text with `{round}`, `{previous}` or `{next}`, each
 *   optionally with a grammatical form (`{next:f}`) the locale's ordinals define.
 * @param round The round the text is shown for (already validated).
 * @param spell The ordinal to spell with (see {@link spellerFor}).
 * @returns The text with each placeholder spelt as an ordinal word, in its form.
 * @example
 *   renderTemplate('Get ready for your {next} interview.', 3, ordinal)
 *   // 'Get ready for your fourth interview.'
 */
export function renderTemplate(template: string, round: number, spell: Ordinal): string {
  return template.replace(PLACEHOLDER, (whole, name: string, form: string | undefined) =>
    isPlaceholderName(name) ? spell(round + PLACEHOLDER_OFFSETS[name], form) : whole,
  )
}
