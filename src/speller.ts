import {sourceOrdinal} from './source-ordinal.js'

/**
 * The ordinal speller for an item: its locale's own, except for an item
 * whose text fell back to the source (its `locale` is not the guide's), which
 * is spelt in the source's language like the rest of its text.
 *
 * @param itemLocale The item's `locale`; `undefined` for data compiled before items carried one.
 * @param guideLocale The guide's `locale`.
 * @returns What to pass to `renderTemplate`; `undefined` for the locale's own grammar.
 * @example
 *   renderTemplate(item.template, 3, spellerFor(item.locale, guide.locale))
 */
export function spellerFor(itemLocale: string | undefined, guideLocale: string): ((n: number, form?: string) => string) | undefined {
  return itemLocale === undefined || itemLocale === guideLocale ? undefined : sourceOrdinal
}
