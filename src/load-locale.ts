import {describeReceived} from './describe.js'
import {GuideRangeError, GuideTypeError} from './errors.js'
import type {Locale} from './generated/locales.js'
import {type LocaleModule, loadLocaleModule} from './locale-loaders.js'
import {locales} from './locales.js'

export type {LocaleModule} from './locale-loaders.js'

/**
 * Load one locale's API on demand: the module
 * `ace-second-interview/locales/<locale>` (the same exports as the main
 * entry's locale API: `guide`, `getStep`, `checklistForRound`, …, in that
 * locale's words and grammar). A dynamic `import()` per locale, so a bundler
 * puts each locale in a chunk of its own and an app downloads only the one
 * it shows. The error classes are shared: an error from any locale is
 * `instanceof` the classes of every entry. The same module on every call.
 *
 * The locale must be one of {@link locales} exactly: pass a reader's
 * preferences through {@link resolveLocale} first (`loadLocale('es-MX')`
 * rejects; `loadLocale(resolveLocale('es-MX'))` loads `es`).
 *
 * @param locale One of {@link locales}, e.g. `'de'`.
 * @returns A promise of that locale's module.
 * @throws {GuideTypeError} (as a rejection) `ERR_INVALID_ARG_TYPE` when `locale` is not a string.
 * @throws {GuideRangeError} (as a rejection) `ERR_UNKNOWN_LOCALE` when it is
 *   not one of {@link locales} (the message lists them).
 * @example
 *   const de = await loadLocale(resolveLocale(navigator.languages))
 *   de.checklistForRound(3).map((item) => item.text)
 */
export async function loadLocale(locale: Locale): Promise<LocaleModule> {
  const value: unknown = locale
  if (typeof value !== 'string') {
    throw new GuideTypeError('ERR_INVALID_ARG_TYPE', `loadLocale(locale): expected "locale" to be one of ${list()} (type string), received ${describeReceived(value)}`)
  }
  if (!(locales as readonly string[]).includes(value)) {
    throw new GuideRangeError(
      'ERR_UNKNOWN_LOCALE',
      `loadLocale(locale): expected "locale" to be one of ${list()}, received ${describeReceived(value)}; to pick the nearest locale, pass it through resolveLocale() first`,
    )
  }
  return loadLocaleModule(value as Locale)
}

function list(): string {
  return locales.map((locale) => `'${locale}'`).join(', ')
}
