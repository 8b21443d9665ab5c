import {readArgument, stringsOf} from './arguments.js'
import {describeReceived, quote} from './describe.js'
import {GuideTypeError} from './errors.js'
import {LOCALES, type Locale, SOURCE_LOCALE} from './generated/locales.js'

/**
 * Every locale the guide ships in, the source locale (`'en-GB'`) first, then
 * the translations in tag order. Frozen. Each has its own entry,
 * `ace-second-interview/locales/<tag>`, and {@link loadLocale} loads it.
 *
 * @example
 *   import {locales} from 'ace-second-interview'
 *   locales.includes('de') // true
 */
// (No copy: a spread is code a bundler keeps even when `locales` is unused.)
export const locales: readonly Locale[] = /* @__PURE__ */ Object.freeze(LOCALES)

// A well-formed BCP 47 language tag (RFC 5646 `langtag`, or a private-use
// tag): language (with up to three extlangs), script, region, variants,
// extensions, private use. Letters in any case. Irregular grandfathered tags
// (`i-klingon`) are not accepted.
const LANGTAG =
  /^(?:(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4,8})(?:-[a-z]{4})?(?:-(?:[a-z]{2}|\d{3}))?(?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*(?:-[\da-wyz](?:-[a-z\d]{2,8})+)*(?:-x(?:-[a-z\d]{1,8})+)?|x(?:-[a-z\d]{1,8})+)$/i

const CALL = 'resolveLocale(requested)'
const EXPECTED = "a BCP 47 language tag such as 'es-MX' (type string) or an array of them"

function checkTag(value: unknown, name: string): string {
  if (typeof value !== 'string') {
    throw new GuideTypeError('ERR_INVALID_ARG_TYPE', `${CALL}: expected "${name}" to be ${EXPECTED}, received ${describeReceived(value)}`)
  }
  if (!LANGTAG.test(value)) {
    // POSIX locale names (`en_US`, `de_DE.UTF-8`) are a common mix-up: name the fix.
    const posix = /^([a-z]{2,3})_([a-z]{2}|\d{3})(?:[.@].*)?$/i.exec(value)
    const hint = posix === null ? '' : `; BCP 47 separates subtags with '-', not '_': ${quote(`${posix[1]}-${posix[2]}`)}`
    throw new GuideTypeError(
      'ERR_INVALID_LOCALE_TAG',
      `${CALL}: expected "${name}" to be a well-formed BCP 47 language tag such as 'es-MX', received ${describeReceived(value)}${hint}`,
    )
  }
  return value
}

/** Picks one of a list of locales for a request; what {@link resolveLocale} runs. */
export type LocaleResolver<L extends string> = (requested: unknown) => L

function languageOf(tag: string): string {
  return tag.slice(0, `${tag}-`.indexOf('-')).toLowerCase()
}

/**
 * Make the negotiation {@link resolveLocale} runs, over any list of locales
 * (exported for tests over lists other than the shipped one; not part of the
 * package's API).
 *
 * @param available The locales, the fallback first (it also wins its language).
 * @returns A function from a tag or list of tags to one of `available`.
 * @throws {GuideTypeError} (from the returned function) as {@link resolveLocale}.
 * @example
 *   createResolver(['en-GB', 'es'])('es-MX') // 'es'
 */
export function createResolver<L extends string>(available: readonly [L, ...L[]]): LocaleResolver<L> {
  // Lower-cased tag → locale, and the first locale of each language.
  const byTag = new Map<string, L>(available.map((locale) => [locale.toLowerCase(), locale]))
  const byLanguage = new Map<string, L>()
  for (const locale of available) if (!byLanguage.has(languageOf(locale))) byLanguage.set(languageOf(locale), locale)

  // RFC 4647 lookup for one tag: the tag, then shorter and shorter prefixes
  // (`de-CH-1996` → `de-CH` → `de`), dropping a trailing singleton with its
  // extension (`en-a-bbb` → `en`); then the first locale of its language.
  const lookup = (tag: string): L | undefined => {
    let range = tag.toLowerCase()
    for (;;) {
      const found = byTag.get(range)
      if (found !== undefined) return found
      let cut = range.lastIndexOf('-')
      if (cut === -1) break
      if (cut >= 2 && range[cut - 2] === '-') cut -= 2
      range = range.slice(0, cut)
    }
    return byLanguage.get(languageOf(tag))
  }

  return (requested) => {
    if (typeof requested === 'string') return lookup(checkTag(requested, 'requested')) ?? available[0]
    const list = readArgument(CALL, 'requested', EXPECTED, () => (Array.isArray(requested) ? stringsOf(requested) : undefined))
    if (list === undefined) {
      throw new GuideTypeError('ERR_INVALID_ARG_TYPE', `${CALL}: expected "requested" to be ${EXPECTED}, received ${describeReceived(requested)}`)
    }
    // Every tag is checked before any is matched: a bad tag later in the list
    // is an error whatever comes before it.
    const tags = list.map((tag, index) => checkTag(tag, `requested[${index}]`))
    for (const tag of tags) {
      const found = lookup(tag)
      if (found !== undefined) return found
    }
    return available[0]
  }
}

// Made on first use: a bundle that never negotiates runs nothing at load time.
let shipped: LocaleResolver<Locale> | undefined

/**
 * Pick the locale to show a reader, from their preferred language tags in
 * order (BCP 47 lookup with fallback, case-insensitive): for each tag, the
 * locale with that exact tag, else the tag cut short subtag by subtag
 * (`'es-MX'` → `'es'`, `'de-CH-1996'` → `'de'`), else the first locale of
 * the same language (`'en'`, `'en-AU'` → `'en-GB'`); then the next tag
 * (`['pt-BR', 'fr-CA']` → `'fr'`). When nothing matches, or the list is
 * empty, the source locale `'en-GB'`. Tags use `-` (BCP 47), never the POSIX
 * `_` (`'en_US'` is refused with the fix in the message).
 *
 * @param requested One tag, or a list in order of preference (such as
 *   `navigator.languages`).
 * @returns One of {@link locales}.
 * @throws {GuideTypeError} `ERR_INVALID_ARG_TYPE` when `requested` is not a
 *   string or an array of strings (a hole is no string), or throws when read; `ERR_INVALID_LOCALE_TAG` when a tag is
 *   empty or not a well-formed BCP 47 tag (`'en_US'`, `'e'`, `'de--CH'`).
 * @example
 *   resolveLocale('es-MX') // 'es'
 *   resolveLocale(['pt-BR', 'fr-CA']) // 'fr'
 *   resolveLocale(navigator.languages) // e.g. 'de' for ['de-AT', 'en']
 */
export function resolveLocale(requested: string | readonly string[]): Locale {
  shipped ??= createResolver<Locale>([SOURCE_LOCALE, ...LOCALES.filter((locale) => locale !== SOURCE_LOCALE)])
  return shipped(requested)
}
