import {describeReceived} from './describe.js'
import {GuideRangeError, GuideTypeError} from './errors.js'
import type {Locale} from './generated/locales.js'
import {locales} from './locales.js'

// Kept apart from loadLocale and loadLocaleContent, which both use it: a
// bundler splits by module, and neither entry must carry the other's import()s.

/** A locale's tag as {@link locales} spells it, or in lower or upper case (`'de'`, `'DE'`, `'en-gb'`). */
export type LocaleTag = Locale | Lowercase<Locale> | Uppercase<Locale>

/**
 * The locale a tag names, in any case.
 *
 * @param tag What the caller passed.
 * @param call The public call, e.g. `'loadLocale(locale)'`, for messages.
 * @returns The locale, as {@link locales} spells it.
 * @throws {GuideTypeError} `ERR_INVALID_ARG_TYPE` when `tag` is not a string.
 * @throws {GuideRangeError} `ERR_UNKNOWN_LOCALE` when it is no locale's tag (the message lists them).
 * @example
 *   localeOf('EN-gb', 'loadLocale(locale)') // 'en-GB'
 */
export function localeOf(tag: unknown, call: string): Locale {
  const known = (): string => locales.map((locale) => `'${locale}'`).join(', ')
  if (typeof tag !== 'string') {
    throw new GuideTypeError('ERR_INVALID_ARG_TYPE', `${call}: expected "locale" to be one of ${known()} (type string), received ${describeReceived(tag)}`)
  }
  const locale = locales.find((candidate) => candidate.toLowerCase() === tag.toLowerCase())
  if (locale === undefined) {
    throw new GuideRangeError(
      'ERR_UNKNOWN_LOCALE',
      `${call}: expected "locale" to be one of ${known()} (in any case), received ${describeReceived(tag)}; to pick the nearest locale, pass it through resolveLocale() first`,
    )
  }
  return locale
}
